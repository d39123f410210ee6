// The scenario panel's characters and their portraits per mood; a picked image is copied into the
// scenario's assets/ folder (importPortrait).
#include "app/scenario_panel.hpp"

#include "app/scenario_panel_records.hpp"
#include "core/scenario_loader.hpp"

#include <filesystem>
#include <system_error>

namespace haven::editor {
namespace fs = std::filesystem;
namespace {

// A mood name for a newly picked portrait: the file's name without the character's id
// ("thida-calm.png" → "calm"), made unique among the character's moods.
std::string moodFor(const Character& character, const fs::path& file) {
    std::string mood = file.stem().string();
    if (mood.rfind(character.id + "-", 0) == 0) mood = mood.substr(character.id.size() + 1);
    if (mood.empty()) mood = "neutral";
    std::string unique = mood;
    for (int k = 2; character.portraits.count(unique); ++k) unique = mood + "-" + std::to_string(k);
    return unique;
}

std::string moodProblem(const Character& character, const std::string& current, const std::string& mood) {
    if (mood.empty()) return "A mood needs a name.";
    if (mood != current && character.portraits.count(mood))
        return "This character already has a '" + mood + "' portrait.";
    return {};
}

}  // namespace

std::string importPortrait(const std::string& folderName, const std::string& fileName, std::string& error) {
    const fs::path folder(folderName), file(fileName);
    std::error_code ec;
    const fs::path relative = fs::relative(fs::weakly_canonical(file, ec), fs::weakly_canonical(folder, ec), ec);
    if (!ec && isSafeRelativePath(relative.generic_string())) return relative.generic_string();
    const fs::path assets = folder / "assets";
    fs::create_directories(assets, ec);
    fs::path target = assets / file.filename();
    for (int k = 2; fs::exists(target); ++k)
        target = assets / (file.stem().string() + "-" + std::to_string(k) + file.extension().string());
    fs::copy_file(file, target, ec);
    if (ec) {
        error = "Cannot copy " + file.string() + " into the scenario folder: " + ec.message();
        return {};
    }
    return "assets/" + target.filename().generic_string();
}

void ScenarioPanel::drawCharacters(EditorContext& context) {
    const auto& list = context.scenario().characters;
    const records::ListText text{"Characters", "characters",
                                 "Who speaks. A node's speaker and mood choose the name and portrait the trainee sees.",
                                 "Add a character"};
    const auto fieldsOf = [&](const records::RecordFields<Character>& record) {
        record.text("Id (nodes name it as their speaker)", "id", &Character::id);
        record.text("Name (shown above what they say)", "name", &Character::name);
        record.text("Role (e.g. Passenger)", "role", &Character::role);
        fields::gap();
        drawPortraits(context, record.index);
    };
    if (records::drawList(
            context, text, list, &setCharacters, [](const Character& c) { return c.name; }, fieldsOf,
            Character{fields::freshId(list, "character"), "New character", "", {}}))
        fields::gap();
}

// One row per mood: the portrait, its mood name, its file, and buttons to replace or remove it.
void ScenarioPanel::drawPortraits(EditorContext& context, std::size_t i) {
    const Scenario& scenario = context.scenario();
    const Character& character = scenario.characters[i];
    const std::string path = "characters[" + std::to_string(i) + "].portraits";
    ui::text("Portraits, one per mood");
    const bool saved = context.doc().hasFile() && !scenario.folder.empty();
    const float side = 4 * ui::em();
    for (const auto& [mood, file] : character.portraits) {
        ImGui::PushID(mood.c_str());
        ImTextureID texture = nullptr;
        if (context.textures && !scenario.folder.empty() && isSafeRelativePath(file))
            texture = context.textures->get((fs::path(scenario.folder) / file).string());
        ui::drawPortrait(texture, side);
        ImGui::SameLine();
        ImGui::BeginGroup();
        const auto check = [&](const std::string& name) { return moodProblem(character, mood, name); };
        if (auto renamed = fields::committedField(context, "Mood", path + "." + mood, mood, check)) {
            auto changed = scenario.characters;
            auto& portraits = changed[i].portraits;
            portraits[*renamed] = portraits[mood];
            portraits.erase(mood);
            context.execute(setCharacters(std::move(changed)));
        }
        ui::mutedText(file);
        if (ui::secondaryButton("Choose another image…", saved)) {
            pickingCharacter_ = i;
            pickingMood_ = mood;
            picker_.open(FilePicker::Kind::Image, "Choose a portrait", scenario.folder);
        }
        ImGui::SameLine();
        const bool remove = ui::secondaryButton("Remove");
        ImGui::EndGroup();
        ImGui::PopID();
        if (remove) {
            auto changed = scenario.characters;
            changed[i].portraits.erase(mood);
            context.execute(setCharacters(std::move(changed)));
            break;
        }
    }
    if (ui::secondaryButton("Add a portrait…", saved)) {
        pickingCharacter_ = i;
        pickingMood_.clear();
        picker_.open(FilePicker::Kind::Image, "Choose a portrait", scenario.folder);
    }
    if (!saved) fields::hint("Save the scenario first: portraits are copied into its folder.");
}

// The picker's answer, on the frame it is given: the image comes into the folder and the
// portrait is set (or added under a mood named after the file).
void ScenarioPanel::takePickedPortrait(EditorContext& context) {
    const auto picked = picker_.draw();
    if (!picked) return;
    const Scenario& scenario = context.scenario();
    if (pickingCharacter_ >= scenario.characters.size() || scenario.folder.empty()) return;
    std::string error;
    const std::string relative = importPortrait(scenario.folder, *picked, error);
    if (relative.empty()) {
        context.notice = error;
        return;
    }
    auto changed = scenario.characters;
    Character& character = changed[pickingCharacter_];
    const std::string mood = pickingMood_.empty() ? moodFor(character, *picked) : pickingMood_;
    character.portraits[mood] = relative;
    fields::executeStep(context, setCharacters(std::move(changed)));
    context.notice = "Portrait '" + mood + "' set to " + relative;
}

}  // namespace haven::editor
