// The scenario panel's frame, its focus handling, and the scenario's own fields: what the library
// card shows, who it is for, content notes, where it starts, the pass mark and the script.
#include "app/scenario_panel.hpp"

#include "app/field_widgets.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace haven::editor {
namespace {

fields::MakeText scenarioText(ScenarioText field) {
    return [field](std::string value) { return setScenarioText(field, std::move(value)); };
}

fields::MakeList scenarioList(ScenarioList field) {
    return [field](std::vector<std::string> value) { return setScenarioList(field, std::move(value)); };
}

void minutesField(EditorContext& context) {
    fields::label("Estimated minutes (a first play)");
    fields::takeFocus(context, "estimated_minutes");
    int minutes = context.scenario().estimatedMinutes;
    ImGui::SetNextItemWidth(fields::numberWidth());
    if (ImGui::InputInt("##minutes", &minutes, 1, 5)) context.execute(setEstimatedMinutes(std::max(0, minutes)));
    if (ImGui::IsItemDeactivated()) context.doc().history().endMerge();
}

void passMarkField(EditorContext& context) {
    fields::label("Pass mark: the share of the best possible score needed to pass");
    fields::takeFocus(context, "pass_mark");
    int percent = static_cast<int>(std::lround(context.scenario().passMark * 100));
    if (ImGui::SliderInt("##passmark", &percent, 0, 100, "%d %%", ImGuiSliderFlags_AlwaysClamp))
        context.execute(setPassMark(percent / 100.0));
    if (ImGui::IsItemDeactivated()) context.doc().history().endMerge();
    fields::hint("A trainee also fails on any wrong decision.");
}

}  // namespace

void ScenarioPanel::drawAbout(EditorContext& context) {
    const Scenario& s = context.scenario();
    bool focus = false;
    for (const char* name : {"id", "title", "summary", "language", "audience", "estimated_minutes", "content_notes",
                             "start", "pass_mark", "script"})
        focus = focus || fields::focusWithin(context, name);
    if (!fields::section("About this scenario", focus)) return;
    fields::textField(context, "Title (shown on the library card)", "title", s.title,
                      scenarioText(ScenarioText::Title));
    fields::gap();
    fields::proseField(context, "Summary (one or two sentences for the library card)", "summary", s.summary,
                       scenarioText(ScenarioText::Summary), 2);
    fields::gap();
    fields::textField(context, "Id (records refer to it: change it only before anyone plays)", "id", s.id,
                      scenarioText(ScenarioText::Id));
    fields::gap();
    fields::textField(context, "Language (e.g. en-GB; picks the spelling dictionary)", "language", s.language, scenarioText(ScenarioText::Language));
    fields::gap();
    fields::stringListField(context, "Audience (who it is for)", "audience", s.audience,
                            scenarioList(ScenarioList::Audience), "Add an audience");
    fields::gap();
    minutesField(context);
    fields::gap();
    fields::stringListField(context, "Content notes (shown before starting)", "content_notes", s.contentNotes,
                            scenarioList(ScenarioList::ContentNotes), "Add a content note");
    if (s.contentNotes.empty()) fields::hint("Every scenario has a content note: say what it touches on.");
    fields::gap();
    fields::gotoField(context, "Starts at", "start", s.start, scenarioText(ScenarioText::Start));
    fields::gap();
    passMarkField(context);
    fields::gap();
    fields::textField(context, "Helper script (a Lua file in the scenario folder; may be empty)", "script", s.script,
                      scenarioText(ScenarioText::Script));
    fields::gap();
}

void ScenarioPanel::draw(EditorContext& context) {
    // A path inside a node is the inspector's to show.
    if (context.focusPath.rfind("nodes[", 0) == 0) context.sideTab = SideTab::Inspector;
    if (!ImGui::BeginChild("scenario")) {
        ImGui::EndChild();
        return;
    }
    drawAbout(context);
    drawCompetencies(context);
    drawIndicators(context);
    drawCharacters(context);
    drawVariables(context);
    // Every field that could take it has been drawn: a path naming none is dropped.
    if (context.focusPath.rfind("nodes[", 0) != 0) context.focusPath.clear();
    ImGui::EndChild();
    takePickedPortrait(context);
}

}  // namespace haven::editor
