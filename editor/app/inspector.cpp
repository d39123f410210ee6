// The inspector's frame and the fields every node has: id, type, speaker and mood, text with its
// interpolation preview, on_enter, reveals. Index: focus routing · node fields · the frame.
#include "app/inspector.hpp"

#include "app/field_widgets.hpp"
#include "app/inspector_sections.hpp"
#include "core/interpolate.hpp"
#include "model/lua_check.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <cstdio>
#include <optional>

namespace haven::editor {
namespace {

using inspector::nodePath;

// ------------------------------------------------------------------------------ focus routing

// The node a validator path lies in ("nodes[3].choices[1].condition" → 3); none for a path of
// the scenario's own fields, which the scenario panel shows.
std::optional<std::size_t> nodeOfPath(const std::string& path) {
    static constexpr std::string_view kPrefix = "nodes[";
    if (path.rfind(kPrefix, 0) != 0) return std::nullopt;
    std::size_t node = 0;
    if (std::sscanf(path.c_str() + kPrefix.size(), "%zu", &node) != 1) return std::nullopt;
    return node;
}

// Sends a focus request to where its field is drawn: the scenario tab, or another node.
void routeFocus(EditorContext& context) {
    if (context.focusPath.empty()) return;
    const auto node = nodeOfPath(context.focusPath);
    if (!node) {
        context.sideTab = SideTab::Scenario;
    } else if (*node >= context.scenario().nodes.size()) {
        context.focusPath.clear();
    } else if (context.primary() != node) {
        context.select(*node, true);
    }
}

// ------------------------------------------------------------------------------- node fields

std::string valueText(const Value& value) {
    if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
    if (const double* d = std::get_if<double>(&value)) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", *d);
        return text;
    }
    return std::get<std::string>(value);
}

// The text as the trainee first reads it: {variables} filled from their initial values.
std::string previewOf(const Scenario& scenario, const std::string& text) {
    return interpolate(text, [&](const std::string& name) -> std::optional<std::string> {
        const auto it = scenario.variables.find(name);
        if (it == scenario.variables.end()) return std::nullopt;
        return valueText(it->second);
    });
}

std::string duplicateOrEmpty(const Scenario& scenario, const std::string& id) {
    if (id.empty()) return "A node needs an id.";
    for (const Node& node : scenario.nodes)
        if (node.id == id) return "Another node is already called '" + id + "'.";
    return {};
}

void drawIdentity(EditorContext& context, std::size_t n) {
    const Node& node = context.scenario().nodes[n];
    const std::string base = nodePath(n);
    if (!fields::section("Node", fields::focusWithinAny(context, base, {"id", "type"}))) return;
    const auto check = [&](const std::string& id) { return duplicateOrEmpty(context.scenario(), id); };
    if (auto id =
            fields::committedField(context, "Id (links to this node follow a rename)", base + ".id", node.id, check))
        context.execute(renameNode(n, *id));
    fields::gap();
    fields::label("Type");
    fields::takeFocus(context, base + ".type");
    if (ImGui::BeginCombo("##type", toString(node.type))) {
        for (NodeType type : {NodeType::Scene, NodeType::Checklist, NodeType::Decision, NodeType::Ending})
            if (ImGui::Selectable(toString(type), type == node.type) && type != node.type)
                context.execute(setNodeType(n, type));
        ImGui::EndCombo();
    }
    fields::gap();
    if (context.scenario().start == node.id) fields::hint("The scenario starts here.");
    if (ui::secondaryButton("Play-test from here")) context.playtestRequest = node.id;
    fields::gap();
}

std::vector<fields::PickItem> speakers(const Scenario& scenario) {
    std::vector<fields::PickItem> items;
    for (const Character& character : scenario.characters)
        items.push_back({character.id, fields::namedId(character.name, character.id)});
    return items;
}

void drawSpeakerFields(EditorContext& context, std::size_t n, const Character* character) {
    const Node& node = context.scenario().nodes[n];
    const std::string base = nodePath(n);
    if (auto id = fields::idPicker(context, "Speaker", base + ".speaker", node.speaker, speakers(context.scenario()),
                                   "Narration"))
        context.execute(setNodeText(n, NodeText::Speaker, *id));
    std::vector<fields::PickItem> moods;
    if (character)
        for (const auto& [mood, file] : character->portraits) moods.push_back({mood, ""});
    if (auto mood = fields::idPicker(context, "Mood", base + ".mood", node.mood, moods, "(no mood)"))
        context.execute(setNodeText(n, NodeText::Mood, *mood));
}

// The speaker and mood pickers, beside a preview of the portrait they choose when a character speaks.
void drawSpeaker(EditorContext& context, std::size_t n) {
    const Scenario& scenario = context.scenario();
    const Node& node = scenario.nodes[n];
    const Character* character = scenario.findCharacter(node.speaker);
    const float side = 5 * ui::em();
    if (!character || !ImGui::BeginTable("speaker", 2)) {
        drawSpeakerFields(context, n, character);
        return;
    }
    ImGui::TableSetupColumn("fields", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("portrait", ImGuiTableColumnFlags_WidthFixed, side);
    ImGui::TableNextColumn();
    drawSpeakerFields(context, n, character);
    ImGui::TableNextColumn();
    // What the player will show: the mood's portrait, or another of the character's.
    const std::string file = scenario.folder.empty() ? "" : scenario.portraitFile(node.speaker, node.mood);
    ImTextureID texture = file.empty() || !context.textures ? nullptr : context.textures->get(file);
    ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() * 0.5f));
    ui::drawPortrait(texture, side);
    ImGui::EndTable();
}

void drawStory(EditorContext& context, std::size_t n) {
    const Node& node = context.scenario().nodes[n];
    const std::string base = nodePath(n);
    if (!fields::section("What is said",
                         fields::focusWithinAny(context, base, {"speaker", "mood", "text", "on_enter"})))
        return;
    drawSpeaker(context, n);
    fields::gap();
    fields::proseField(context, "Text", base + ".text", node.text,
                       [n](std::string text) { return setNodeText(n, NodeText::Text, std::move(text)); });
    const std::string preview = previewOf(context.scenario(), node.text);
    if (preview != node.text) fields::hint("Reads at the start as: " + preview);
    fields::gap();
    fields::luaField(context, "On entering (Lua statements, e.g. distress = distress + 1)", base + ".on_enter",
                     node.onEnter, ChunkKind::Statements,
                     [n](std::string lua) { return setNodeText(n, NodeText::OnEnter, std::move(lua)); });
    fields::gap();
}

void drawNodeReveals(EditorContext& context, std::size_t n) {
    const Node& node = context.scenario().nodes[n];
    const std::string base = nodePath(n);
    if (!fields::section("Indicators this node reveals", fields::focusWithin(context, base + ".reveals"),
                         !node.reveals.empty()))
        return;
    fields::hint("Signs the trainee can observe here whatever they choose, e.g. a passport in someone else's hand.");
    fields::indicatorSetField(context, "Revealed", base + ".reveals", node.reveals, [n](std::vector<std::string> ids) {
        return setNodeList(n, NodeList::Reveals, std::move(ids));
    });
    fields::gap();
}

struct LuaChunk {
    std::string path;  // the validator's path of the field
    std::string name;  // how the author knows it
    const std::string* code;
    ChunkKind kind;
};

std::vector<LuaChunk> luaChunks(const Node& node, const std::string& base) {
    std::vector<LuaChunk> chunks{{base + ".on_enter", "On entering", &node.onEnter, ChunkKind::Statements}};
    for (std::size_t c = 0; c < node.choices.size(); ++c) {
        const std::string choice = base + ".choices[" + std::to_string(c) + "]";
        const std::string name = "Choice " + std::to_string(c + 1);
        chunks.push_back(
            {choice + ".condition", name + ", condition", &node.choices[c].condition, ChunkKind::Expression});
        chunks.push_back({choice + ".effect", name + ", effect", &node.choices[c].effect, ChunkKind::Statements});
    }
    return chunks;
}

// Lua that does not compile, listed at the top, where the author sees it whatever is scrolled
// into view; a click brings the field.
void drawLuaProblems(EditorContext& context, std::size_t n) {
    const std::string base = nodePath(n);
    for (const LuaChunk& chunk : luaChunks(context.scenario().nodes[n], base)) {
        const auto problem = checkLua(*chunk.code, chunk.kind);
        if (!problem) continue;
        const std::string text = chunk.name + " — " + describe(*problem);
        ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().bad);
        if (ImGui::Selectable((text + "##" + chunk.path).c_str())) context.focusPath = chunk.path;
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show this Lua");
    }
}

// The section of each type of node, in NodeType's order.
void (*const kKindSections[])(EditorContext&, std::size_t) = {inspector::drawChoices, inspector::drawChecklist,
                                                              inspector::drawDecision, inspector::drawEnding};

void drawKind(EditorContext& context, std::size_t n) {
    kKindSections[static_cast<std::size_t>(context.scenario().nodes[n].type)](context, n);
}

void drawNothingSelected() {
    ImGui::Dummy(ImVec2(0, 2 * ui::em()));
    ui::heading("Nothing selected");
    ui::mutedText(
        "Click a node on the map to see and edit everything about it here: what is said, the choices "
        "and where they lead, scores, feedback and the indicators it reveals.");
}

}  // namespace

std::string inspector::nodePath(std::size_t node) {
    return "nodes[" + std::to_string(node) + "]";
}

// --------------------------------------------------------------------------------- the frame

void Inspector::draw(EditorContext& context) {
    routeFocus(context);
    if (!ImGui::BeginChild("inspector")) {
        ImGui::EndChild();
        return;
    }
    if (const auto n = context.primary()) {
        const Node& node = context.scenario().nodes[*n];
        ui::heading(node.id.empty() ? "(no id)" : node.id);
        ui::tag(toString(node.type));
        if (context.selected.size() > 1) {
            ImGui::SameLine();
            ui::mutedText("and " + std::to_string(context.selected.size() - 1) + " more selected");
        }
        drawLuaProblems(context, *n);
        fields::gap();
        ImGui::PushID(static_cast<int>(*n));
        drawIdentity(context, *n);
        drawStory(context, *n);
        drawKind(context, *n);
        drawNodeReveals(context, *n);
        ImGui::PopID();
        // A path naming no field shown here (the node itself) has brought the node into view.
        if (nodeOfPath(context.focusPath) == n) context.focusPath.clear();
    } else {
        drawNothingSelected();
    }
    ImGui::EndChild();
}

}  // namespace haven::editor
