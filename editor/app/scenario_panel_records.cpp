// The scenario panel's competencies and indicators, and the library of indicators to start from.
#include "app/scenario_panel.hpp"

#include "app/scenario_panel_records.hpp"
#include "model/indicator_library.hpp"

namespace haven::editor {
void ScenarioPanel::drawCompetencies(EditorContext& context) {
    const auto& list = context.scenario().competencies;
    const records::ListText text{"Competencies", "competencies",
                                 "What is scored. Use the shared ids of the content guide (rapport, safety-privacy, "
                                 "indicators, rights, referral) so debriefs compare across scenarios.",
                                 "Add a competency"};
    const auto fieldsOf = [](const records::RecordFields<Competency>& record) {
        record.text("Id", "id", &Competency::id);
        record.text("Name", "name", &Competency::name);
        record.prose("Description (one sentence)", "description", &Competency::description);
    };
    if (records::drawList(
            context, text, list, &setCompetencies, [](const Competency& c) { return c.name; }, fieldsOf,
            Competency{fields::freshId(list, "competency"), "New competency", ""}))
        fields::gap();
}

void ScenarioPanel::drawIndicators(EditorContext& context) {
    const auto& list = context.scenario().indicators;
    const records::ListText text{"Indicators", "indicators", "What can be observed and ticked in checklists.",
                                 "Add an indicator"};
    const auto fieldsOf = [](const records::RecordFields<Indicator>& record) {
        record.text("Id", "id", &Indicator::id);
        record.prose("Text", "text", &Indicator::text);
        record.text("Category", "category", &Indicator::category);
        record.text("Source", "source", &Indicator::source);
    };
    if (!records::drawList(
            context, text, list, &setIndicators, [](const Indicator& i) { return i.text; }, fieldsOf,
            Indicator{fields::freshId(list, "indicator"), "New indicator", "", ""}))
        return;
    ImGui::SameLine();
    if (ui::secondaryButton("Add from library…")) {
        libraryChosen_.clear();
        ImGui::OpenPopup("Indicator library");
    }
    drawLibrary(context);
    fields::gap();
}

// The ILO's 11 and the checklist items the scenario does not have yet, grouped by category.
void ScenarioPanel::drawLibrary(EditorContext& context) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(44 * ui::em(), viewport->Size.x * 0.9f), viewport->Size.y * 0.75f),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Indicator library", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const auto missing = missingIndicators(context.scenario());
    ui::mutedText(
        "The ILO's 11 indicators of forced labour and common screening-checklist items. Tick those this "
        "scenario can show; you can edit their texts afterwards.");
    const float buttons = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("entries", ImVec2(0, -buttons), true);
    if (missing.empty()) ui::text("The scenario already has every indicator of the library.");
    std::string category;
    for (const Indicator& indicator : missing) {
        if (indicator.category != category) {
            category = indicator.category;
            fields::gap();
            ui::boldText(category);
        }
        bool ticked = libraryChosen_.count(indicator.id) > 0;
        if (ImGui::Checkbox(indicator.text.c_str(), &ticked)) {
            if (ticked)
                libraryChosen_.insert(indicator.id);
            else
                libraryChosen_.erase(indicator.id);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s · %s", indicator.id.c_str(), indicator.source.c_str());
    }
    ImGui::EndChild();
    const std::size_t count = libraryChosen_.size();
    const std::string add = count == 0   ? std::string("Add")
                            : count == 1 ? std::string("Add 1 indicator")
                                         : "Add " + std::to_string(count) + " indicators";
    if (ui::primaryButton(add.c_str(), !libraryChosen_.empty())) {
        auto changed = context.scenario().indicators;
        for (const Indicator& indicator : missing)
            if (libraryChosen_.count(indicator.id)) changed.push_back(indicator);
        fields::executeStep(context, setIndicators(std::move(changed)));
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ui::secondaryButton("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace haven::editor
