#include "app/file_picker.hpp"

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace haven::editor {
namespace fs = std::filesystem;

void FilePicker::open(Kind kind, std::string title, std::string folder) {
    kind_ = kind;
    title_ = std::move(title);
    if (folder.empty()) {
        const char* home = std::getenv("HOME");
        folder = home && *home ? home : ".";
    }
    name_.clear();
    enter(folder);
    openRequested_ = true;
}

void FilePicker::enter(const std::string& folder) {
    std::error_code ec;
    fs::path path = fs::weakly_canonical(fs::absolute(folder), ec);
    folder_ = ec ? folder : path.string();
    list();
}

void FilePicker::list() {
    entries_.clear();
    error_.clear();
    std::error_code ec;
    for (fs::directory_iterator it(folder_, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        Entry entry;
        entry.name = it->path().filename().string();
        if (entry.name.starts_with(".")) continue;  // hidden files are not scenarios or portraits
        std::error_code kind;
        entry.folder = it->is_directory(kind);
        entry.scenario = entry.folder && fs::exists(it->path() / "scenario.json", kind);
        const bool wanted = entry.folder || (kind_ == Kind::Image && it->path().extension() == ".png") ||
                            (kind_ == Kind::Scenario && entry.name == "scenario.json");
        if (wanted) entries_.push_back(std::move(entry));
    }
    if (ec) error_ = folder_ + ": " + ec.message();
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        return a.folder != b.folder ? a.folder : a.name < b.name;
    });
}

std::optional<std::string> FilePicker::draw() {
    if (openRequested_) {
        ImGui::OpenPopup(title_.c_str());
        openRequested_ = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.9f, 46 * ui::em()), std::min(display.y * 0.85f, 34 * ui::em())),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    std::optional<std::string> chosen;
    if (!ImGui::BeginPopupModal(title_.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return chosen;

    if (ui::secondaryButton("Up")) enter(fs::path(folder_).parent_path().string());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##folder", &folder_, ImGuiInputTextFlags_EnterReturnsTrue)) enter(folder_);
    ui::mutedText(kind_ == Kind::Folder ? "Double-click a folder to go into it; type a name to make a new one."
                                        : "Double-click a folder to go into it, a scenario to open it.");
    if (!error_.empty()) ui::colouredText(ui::palette().bad, error_);

    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.5f;
    ImGui::BeginChild("entries", ImVec2(0, -footer), true);
    for (const Entry& entry : entries_) {
        std::string label = (entry.folder ? "[folder] " : "") + entry.name + (entry.scenario ? "   (scenario)" : "");
        if (ImGui::Selectable(label.c_str(), name_ == entry.name, ImGuiSelectableFlags_AllowDoubleClick)) {
            name_ = entry.name;
            if (ImGui::IsMouseDoubleClicked(0) && entry.folder && !(kind_ == Kind::Scenario && entry.scenario)) {
                enter((fs::path(folder_) / entry.name).string());
                name_.clear();
            } else if (ImGui::IsMouseDoubleClicked(0)) {
                chosen = (fs::path(folder_) / entry.name).string();
            }
        }
    }
    ImGui::EndChild();

    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##name", kind_ == Kind::Folder ? "new folder name (optional)" : "name", &name_);
    const char* action = kind_ == Kind::Folder ? "Choose" : "Open";
    // The folder shown may itself be what is wanted: any folder to save into, or a scenario folder.
    std::error_code ec;
    const bool ready = kind_ == Kind::Folder || !name_.empty() ||
                       (kind_ == Kind::Scenario && fs::exists(fs::path(folder_) / "scenario.json", ec));
    if (ui::primaryButton(action, ready)) chosen = name_.empty() ? folder_ : (fs::path(folder_) / name_).string();
    ImGui::SameLine();
    if (ui::secondaryButton("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    if (chosen) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return chosen;
}

}  // namespace haven::editor
