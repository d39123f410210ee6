// The scenario panel's variables: each a name, a type and an initial value. Conditions, effects
// and {interpolation} read them; Lua tells whole numbers from decimals, so the types do too.
#include "app/scenario_panel.hpp"

#include "app/field_widgets.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cctype>
#include <cmath>

namespace haven::editor {
namespace {

// In the order of Value's alternatives, so a type's index is the variant's.
const char* const kTypeNames[] = {"yes/no", "number", "decimal", "text"};

bool isLuaName(const std::string& name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    return true;
}

std::string nameProblem(const std::map<std::string, Value>& variables, const std::string& name) {
    if (!isLuaName(name))
        return "A name is letters, digits and _, not starting with a digit (e.g. trust, asked_passport).";
    if (variables.count(name)) return "There is already a variable called '" + name + "'.";
    return {};
}

// The same value, as near as it goes, in the type at `index` of kTypeNames.
Value converted(const Value& value, std::size_t index) {
    double number = 0;
    if (const auto* i = std::get_if<std::int64_t>(&value)) number = static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value)) number = *d;
    switch (index) {
        case 0:
            return number != 0;
        case 1:
            return static_cast<std::int64_t>(std::llround(number));
        case 2:
            return number;
        default:
            return std::string();
    }
}

// The value's own field; true when it changed `value`.
bool valueField(Value& value) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (auto* b = std::get_if<bool>(&value)) return ImGui::Checkbox("##value", b);
    if (auto* i = std::get_if<std::int64_t>(&value)) return ImGui::InputScalar("##value", ImGuiDataType_S64, i);
    if (auto* d = std::get_if<double>(&value)) return ImGui::InputDouble("##value", d, 0, 0, "%g");
    return ImGui::InputText("##value", &std::get<std::string>(value));
}

std::string freshName(const std::map<std::string, Value>& variables) {
    std::string name = "new_variable";
    for (int k = 2; variables.count(name); ++k) name = "new_variable_" + std::to_string(k);
    return name;
}

// One row: name, type, value, Remove. False when the variables changed shape (renamed or
// removed), so the caller stops iterating the map it was given.
bool drawVariable(EditorContext& context, const std::string& name, const Value& initial) {
    const auto& variables = context.scenario().variables;
    ImGui::PushID(name.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const auto check = [&](const std::string& proposed) { return nameProblem(variables, proposed); };
    const auto renamed = fields::committedField(context, "", "variables." + name, name, check);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    int type = static_cast<int>(initial.index());
    Value value = initial;
    const bool retyped = ImGui::Combo("##type", &type, kTypeNames, IM_ARRAYSIZE(kTypeNames));
    if (retyped) value = converted(initial, static_cast<std::size_t>(type));
    ImGui::TableNextColumn();
    const bool typed = valueField(value);
    if (ImGui::IsItemDeactivated()) context.doc().history().endMerge();
    ImGui::TableNextColumn();
    const bool remove = ui::secondaryButton("Remove");
    ImGui::PopID();

    auto changed = variables;
    if (renamed) {
        changed.erase(name);
        changed.emplace(*renamed, initial);
        fields::executeStep(context, setVariables(std::move(changed)));
    } else if (remove) {
        changed.erase(name);
        fields::executeStep(context, setVariables(std::move(changed)));
    } else if (retyped || typed) {
        changed[name] = value;
        // A new type or a ticked box is a step of its own; typing a value merges until it is left.
        const bool step = retyped || std::holds_alternative<bool>(value);
        if (step) fields::executeStep(context, setVariables(std::move(changed)));
        else context.execute(setVariables(std::move(changed)));
    }
    return !renamed && !remove;
}

}  // namespace

void ScenarioPanel::drawVariables(EditorContext& context) {
    const auto& variables = context.scenario().variables;
    if (!fields::section("Variables", fields::focusWithin(context, "variables"), false)) return;
    fields::hint(
        "What conditions and effects remember (trust, asked_passport), with their value at the start. "
        "Texts show them as {name}. A number is whole (3); a decimal may have a fraction (0.5).");
    if (!variables.empty() && ImGui::BeginTable("variables", 4, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn("At the start", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ui::buttonWidth("Remove"));
        ImGui::TableHeadersRow();
        for (const auto& [name, initial] : variables)
            if (!drawVariable(context, name, initial)) break;
        ImGui::EndTable();
    }
    if (ui::primaryButton("Add a variable")) {
        auto changed = variables;
        changed.emplace(freshName(variables), Value{std::int64_t{0}});
        fields::executeStep(context, setVariables(std::move(changed)));
    }
    fields::gap();
}

}  // namespace haven::editor
