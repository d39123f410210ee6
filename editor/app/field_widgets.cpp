// Sections: focus · sections and labels · text · Lua · lists and pickers · scores.
#include "app/field_widgets.hpp"

#include "model/lua_check.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

namespace haven::editor::fields {
namespace {

// Only one field has the keyboard at a time, so the state of the field being edited can be one
// value for all of them, as ImGui keeps its own active id.
struct Editing {
    ImGuiID id = 0;
    int since = 0;           // the frame editing began: focus lands a frame or two later
    bool focusNext = false;  // give the field the keyboard when it is next drawn
    std::string buffer;      // a committed field's text until it is committed
};
Editing editing;

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

// Closes the undo step of a field the author has just left.
void endMergeOnLeave(EditorContext& context) {
    if (ImGui::IsItemDeactivated()) context.doc().history().endMerge();
}

void beginEditing(ImGuiID id) {
    editing = {id, ImGui::GetFrameCount(), true, {}};
}

// Stops editing once the field has lost the keyboard (it may take two frames to gain it).
void leaveEditingWhenInactive(ImGuiID id) {
    if (editing.id == id && !ImGui::IsItemActive() && ImGui::GetFrameCount() > editing.since + 2) editing.id = 0;
}

void focusWhenAsked() {
    if (!editing.focusNext) return;
    ImGui::SetKeyboardFocusHere();
    editing.focusNext = false;
}

// Prose as it will read: wrapped, in a frame like a field's. True when clicked.
bool wrappedBox(const std::string& value, float lines) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const float inner = width - 2 * style.FramePadding.x;
    const ImVec2 textSize = ImGui::CalcTextSize(value.c_str(), nullptr, false, inner);
    const float height = std::max(textSize.y, lines * ImGui::GetTextLineHeight()) + 2 * style.FramePadding.y;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("##box", ImVec2(width, height));
    const ImU32 background = ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), background, style.FrameRounding);
    if (style.FrameBorderSize > 0)
        draw->AddRect(pos, ImVec2(pos.x + width, pos.y + height), ImGui::GetColorU32(ImGuiCol_Border),
                      style.FrameRounding, 0, style.FrameBorderSize);
    draw->AddText(nullptr, 0.0f, ImVec2(pos.x + style.FramePadding.x, pos.y + style.FramePadding.y),
                  ImGui::GetColorU32(ImGuiCol_Text), value.c_str(), nullptr, inner);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    return clicked;
}

std::string itemText(const PickItem& item) {
    return item.label.empty() ? item.id : item.label;
}

}  // namespace

void executeStep(EditorContext& context, CommandPtr command) {
    context.doc().history().endMerge();
    context.execute(std::move(command));
    context.doc().history().endMerge();
}

// ------------------------------------------------------------------------------------ focus

bool focusWithin(const EditorContext& context, const std::string& path) {
    const std::string& focus = context.focusPath;
    return focus == path || startsWith(focus, path + ".") || startsWith(focus, path + "[");
}

bool focusWithinAny(const EditorContext& context, const std::string& base, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(),
                       [&](const char* name) { return focusWithin(context, base + "." + name); });
}

bool takeFocus(EditorContext& context, const std::string& path) {
    if (context.focusPath.empty() || !focusWithin(context, path)) return false;
    ImGui::SetScrollHereY(0.25f);
    ImGui::SetKeyboardFocusHere();
    context.focusPath.clear();
    return true;
}

// ------------------------------------------------------------------------ sections and labels

bool section(const char* title, bool focusInside, bool defaultOpen) {
    if (focusInside)
        ImGui::SetNextItemOpen(true);
    else if (defaultOpen)
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    return ImGui::CollapsingHeader(title);
}

void label(const std::string& text) {
    if (!text.empty()) ui::text(text);
    ImGui::SetNextItemWidth(-FLT_MIN);
}

void hint(const std::string& text) {
    ui::mutedText(text);
}

void problem(const std::string& text) {
    ui::colouredText(ui::palette().bad, text);
}

void gap() {
    ImGui::Dummy(ImVec2(0, 0.2f * ui::em()));
}

float numberWidth() {
    return 3.5f * ui::em() + 2 * (ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
}

// ------------------------------------------------------------------------------------- text

void textField(EditorContext& context, const std::string& labelText, const std::string& path, const std::string& value,
               const MakeText& make) {
    ImGui::PushID(path.c_str());
    label(labelText);
    takeFocus(context, path);
    ImGui::SetNextItemWidth(-FLT_MIN);
    std::string edited = value;
    if (ImGui::InputText("##text", &edited)) context.execute(make(edited));
    endMergeOnLeave(context);
    ImGui::PopID();
}

void proseField(EditorContext& context, const std::string& labelText, const std::string& path, const std::string& value,
                const MakeText& make, float lines) {
    ImGui::PushID(path.c_str());
    label(labelText);
    const ImGuiID id = ImGui::GetID("##prose");
    if (takeFocus(context, path)) beginEditing(id);
    if (editing.id != id) {
        if (wrappedBox(value, lines)) beginEditing(id);
        ImGui::PopID();
        return;
    }
    focusWhenAsked();
    std::string edited = value;
    const ImVec2 size(-FLT_MIN, (lines + 0.5f) * ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().FramePadding.y);
    if (ImGui::InputTextMultiline("##prose", &edited, size)) context.execute(make(edited));
    endMergeOnLeave(context);
    leaveEditingWhenInactive(id);
    ImGui::PopID();
}

std::optional<std::string> committedField(EditorContext& context, const std::string& labelText, const std::string& path,
                                          const std::string& value, const Check& check) {
    ImGui::PushID(path.c_str());
    label(labelText);
    takeFocus(context, path);
    const ImGuiID id = ImGui::GetID("##committed");
    const bool mine = editing.id == id;
    std::string shown = mine ? editing.buffer : value;
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputText("##committed", &shown);
    std::optional<std::string> result;
    if (ImGui::IsItemActive()) {
        if (!mine) beginEditing(id);
        editing.focusNext = false;
        editing.buffer = shown;
    }
    if (editing.id == id) {
        const std::string wrong = editing.buffer == value ? std::string() : check(editing.buffer);
        if (ImGui::IsItemDeactivated()) {
            if (wrong.empty() && editing.buffer != value) result = editing.buffer;
            editing.id = 0;
        } else if (!wrong.empty()) {
            problem(wrong);
        }
    }
    ImGui::PopID();
    return result;
}

// -------------------------------------------------------------------------------------- Lua

void luaField(EditorContext& context, const std::string& labelText, const std::string& path, const std::string& value,
              ChunkKind kind, const MakeText& make) {
    ImGui::PushID(path.c_str());
    label(labelText);
    takeFocus(context, path);
    std::string edited = value;
    const float lines = static_cast<float>(std::clamp<long>(std::count(value.begin(), value.end(), '\n') + 1, 2, 8));
    const ImVec2 size(-FLT_MIN, (lines + 0.3f) * ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().FramePadding.y);
    if (ImGui::InputTextMultiline("##lua", &edited, size)) context.execute(make(edited));
    endMergeOnLeave(context);
    if (auto wrong = checkLua(edited, kind)) problem(describe(*wrong));
    ImGui::PopID();
}

// ------------------------------------------------------------------------- lists and pickers

// The start of `text` that fits in `width`, cut at a space, with an ellipsis when cut.
std::string fitted(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string cut = text;
    while (!cut.empty() && ImGui::CalcTextSize((cut + "…").c_str()).x > width) {
        const std::size_t space = cut.find_last_of(' ', cut.size() - 2);
        cut.resize(space == std::string::npos || space == 0 ? cut.size() - 1 : space);
    }
    return cut + "…";
}

std::string namedId(const std::string& name, const std::string& id) {
    if (name.empty()) return id;
    return id.empty() || id == name ? name : name + "  (" + id + ")";
}

void stringListField(EditorContext& context, const std::string& labelText, const std::string& path,
                     const std::vector<std::string>& values, const MakeList& make, const char* addLabel) {
    ImGui::PushID(path.c_str());
    ui::text(labelText);
    const float remove = ui::buttonWidth("Remove");
    for (std::size_t i = 0; i < values.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        takeFocus(context, path + "[" + std::to_string(i) + "]");
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - remove - ImGui::GetStyle().ItemSpacing.x);
        std::string edited = values[i];
        if (ImGui::InputText("##item", &edited)) {
            auto changed = values;
            changed[i] = edited;
            context.execute(make(std::move(changed)));
        }
        endMergeOnLeave(context);
        ImGui::SameLine();
        if (ui::secondaryButton("Remove")) {
            auto changed = values;
            changed.erase(changed.begin() + static_cast<std::ptrdiff_t>(i));
            executeStep(context, make(std::move(changed)));
        }
        ImGui::PopID();
    }
    if (ui::secondaryButton(addLabel)) {
        auto changed = values;
        changed.emplace_back();
        executeStep(context, make(std::move(changed)));
    }
    ImGui::PopID();
}

std::optional<std::string> idPicker(EditorContext& context, const std::string& labelText, const std::string& path,
                                    const std::string& current, const std::vector<PickItem>& items, const char* none) {
    ImGui::PushID(path.c_str());
    label(labelText);
    takeFocus(context, path);
    const auto found =
        std::find_if(items.begin(), items.end(), [&](const PickItem& item) { return item.id == current; });
    std::string preview = found != items.end() ? itemText(*found)
                          : current.empty()    ? std::string(none ? none : "(choose)")
                                               : current + "  (not in this scenario)";
    std::optional<std::string> picked;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##pick", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (none && ImGui::Selectable(none, current.empty())) picked = std::string();
        for (const PickItem& item : items)
            if (ImGui::Selectable(itemText(item).c_str(), item.id == current)) picked = item.id;
        ImGui::EndCombo();
    }
    ImGui::PopID();
    if (picked && *picked == current) picked.reset();
    return picked;
}

std::vector<PickItem> nodeItems(const Scenario& scenario) {
    std::vector<PickItem> items;
    items.reserve(scenario.nodes.size());
    for (const Node& node : scenario.nodes) items.push_back({node.id, node.id + "  · " + toString(node.type)});
    return items;
}

void gotoField(EditorContext& context, const std::string& labelText, const std::string& path,
               const std::string& current, const MakeText& make) {
    if (auto target = idPicker(context, labelText, path, current, nodeItems(context.scenario()), "(nowhere yet)"))
        context.execute(make(*target));
}

void indicatorSetField(EditorContext& context, const std::string& labelText, const std::string& path,
                       const std::vector<std::string>& chosen, const MakeList& make) {
    ImGui::PushID(path.c_str());
    ui::text(labelText);
    const Scenario& scenario = context.scenario();
    // Tags flow along the line and wrap, each one the button that takes it off.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleColor(ImGuiCol_Button, ui::palette().barTrack);
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const Indicator* indicator = scenario.findIndicator(chosen[i]);
        const std::string text = (indicator ? indicator->text : chosen[i] + " (not in this scenario)") + "  ×";
        const float width = ImGui::CalcTextSize(text.c_str()).x + 2 * style.FramePadding.x;
        if (i > 0 && ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
        if (ImGui::SmallButton(text.c_str())) {
            auto changed = chosen;
            changed.erase(changed.begin() + static_cast<std::ptrdiff_t>(i));
            executeStep(context, make(std::move(changed)));
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s", chosen[i].c_str());
        ImGui::PopID();
    }
    ImGui::PopStyleColor();
    takeFocus(context, path);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##add", "Add an indicator…", ImGuiComboFlags_HeightLarge)) {
        for (const Indicator& indicator : scenario.indicators) {
            if (std::find(chosen.begin(), chosen.end(), indicator.id) != chosen.end()) continue;
            if (ImGui::Selectable(indicator.text.c_str())) {
                auto changed = chosen;
                changed.push_back(indicator.id);
                executeStep(context, make(std::move(changed)));
            }
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
}

// ----------------------------------------------------------------------------------- scores

void scoresField(EditorContext& context, const std::string& path, const Scores& scores, const MakeScores& make) {
    const auto& competencies = context.scenario().competencies;
    ImGui::PushID(path.c_str());
    ui::text("Points per competency (negative when it harms)");
    if (competencies.empty()) hint("The scenario has no competencies yet: add them in the Scenario tab.");
    for (const Competency& competency : competencies) {
        ImGui::PushID(competency.id.c_str());
        // A path naming the scores alone lands on the first competency.
        if (context.focusPath == path) takeFocus(context, path);
        takeFocus(context, path + "." + competency.id);
        const auto it = scores.find(competency.id);
        int points = it == scores.end() ? 0 : it->second;
        ImGui::SetNextItemWidth(numberWidth());
        if (ImGui::InputInt("##points", &points, 1, 1)) {
            Scores changed = scores;
            if (points == 0)
                changed.erase(competency.id);
            else
                changed[competency.id] = points;
            context.execute(make(std::move(changed)));
        }
        endMergeOnLeave(context);
        ImGui::SameLine();
        ui::text(competency.name.empty() ? competency.id : competency.name);
        ImGui::PopID();
    }
    // Points for a competency the scenario does not have: shown so the author can clear them.
    for (const auto& [id, points] : scores) {
        if (context.scenario().findCompetency(id)) continue;
        ImGui::PushID(id.c_str());
        problem(std::to_string(points) + " points for '" + id + "', which is not a competency of this scenario");
        ImGui::SameLine();
        if (ui::secondaryButton("Clear")) {
            Scores changed = scores;
            changed.erase(id);
            context.execute(make(std::move(changed)));
        }
        ImGui::PopID();
    }
    ImGui::PopID();
}

}  // namespace haven::editor::fields
