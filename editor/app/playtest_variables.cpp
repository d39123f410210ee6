// Play-test's variables strip: every variable the scenario declares with its value now, to watch
// and change; the node the run is at, to select for editing; and a jump to any node.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/playtest_view.hpp"
#include "ui/theme.hpp"

namespace haven::editor {
namespace {

// A field for `value` of its own type; the new value when the author changed it this frame.
std::optional<Value> editValue(const Value& value, float width) {
    ImGui::SetNextItemWidth(width);
    if (const bool* flag = std::get_if<bool>(&value)) {
        bool edited = *flag;
        // "###value": the label shows the value, the id stays the same when it flips.
        if (ImGui::Checkbox(edited ? "true###value" : "false###value", &edited)) return edited;
    } else if (const auto* whole = std::get_if<std::int64_t>(&value)) {
        std::int64_t edited = *whole;
        const std::int64_t one = 1;
        // − and + buttons only where they leave room to read the number.
        const std::int64_t* step = width >= ui::em() * 7 ? &one : nullptr;
        if (ImGui::InputScalar("##value", ImGuiDataType_S64, &edited, step)) return edited;
    } else if (const auto* real = std::get_if<double>(&value)) {
        double edited = *real;
        if (ImGui::InputDouble("##value", &edited, 0.0, 0.0, "%g")) return edited;
    } else {
        std::string edited = std::get<std::string>(value);
        const bool changed = ImGui::InputText("##value", &edited);
        // A long text (a line a later node shows) does not fit the field: read it whole on hover.
        if (ImGui::IsItemHovered() && !ImGui::IsItemActive() && ImGui::CalcTextSize(edited.c_str()).x > width) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ui::em() * 24);
            ImGui::TextUnformatted(edited.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (changed) return edited;
    }
    return std::nullopt;
}

}  // namespace

void PlaytestView::drawVariables(EditorContext& context) {
    const ui::Palette& colours = ui::palette();
    const float width = ImGui::GetContentRegionAvail().x;
    ui::heading("Variables");
    ui::mutedText(
        "An edit takes effect at once: this step's choices and texts are worked out again. "
        "Step back past it or restart to undo it.");
    ImGui::Spacing();
    if (run_->scenario().variables.empty()) ui::mutedText("This scenario declares no variables.");
    // Name and field on one row; a name too long for its half goes above a full-width field.
    const float labelWidth = width * 0.42f;
    for (const auto& [name, initial] : run_->scenario().variables) {
        ImGui::PushID(name.c_str());
        const bool edited = run_->edited(name);
        const std::string label = (edited ? "● " : "") + name;
        const float left = ImGui::GetCursorPosX();
        ImGui::AlignTextToFramePadding();
        if (edited) ImGui::PushStyleColor(ImGuiCol_Text, colours.accent);
        ImGui::TextUnformatted(label.c_str());
        if (edited) ImGui::PopStyleColor();
        if (edited && ImGui::IsItemHovered()) ImGui::SetTooltip("Changed in this run");
        const bool oneRow = ImGui::CalcTextSize(label.c_str()).x < labelWidth - ui::em() * 0.5f;
        if (oneRow) ImGui::SameLine(left + labelWidth);
        const auto now = values_.find(name);
        if (now == values_.end()) {
            ui::mutedText("nil: a script cleared it");
        } else if (auto value = editValue(now->second, oneRow ? width - labelWidth : width)) {
            run_->setVariable(name, *value);
            refresh();
        }
        ImGui::PopID();
    }

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    const std::string& node = run_->session().step().nodeId;
    ui::boldText("Now at '" + node + "'");
    const std::size_t index = context.scenario().nodeIndex(node);
    if (ui::secondaryButton("Select it in the inspector", index != std::string::npos)) {
        context.select(index, true);
        context.sideTab = SideTab::Inspector;
    }
    ImGui::Spacing();
    drawJump();
}

void PlaytestView::drawJump() {
    ui::boldText("Jump to a node");
    ui::mutedText("Skips the path between: the variables stay as they are.");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (!ImGui::BeginCombo("##jump", "Choose a node…")) return;
    for (const Node& node : run_->scenario().nodes) {
        if (!ImGui::Selectable(node.id.c_str())) continue;
        std::string error;
        if (run_->jumpTo(node.id, error))
            refresh();
        else
            notice_ = error;
    }
    ImGui::EndCombo();
}

}  // namespace haven::editor
