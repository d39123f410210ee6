#include "ui/debrief_view.hpp"

#include <imgui.h>

#include <cmath>

#include "core/debrief_html.hpp"
#include "core/session.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace haven::ui {
namespace {

int percent(double fraction) {
    return static_cast<int>(std::lround(fraction * 100));
}

void indicatorSection(const Scenario& scenario, const char* heading, const std::vector<std::string>& ids,
                      const char* why, const ImVec4& colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    boldText(std::string(heading) + " (" + std::to_string(ids.size()) + ")");
    ImGui::PopStyleColor();
    if (ids.empty()) {
        mutedText("None.");
        return;
    }
    mutedText(why);
    ImGui::Indent(em() * 0.5f);
    for (const auto& id : ids) {
        const Indicator* indicator = scenario.findIndicator(id);
        std::string detail;
        if (indicator && !indicator->category.empty()) detail = indicator->category;
        if (indicator && !indicator->source.empty() && indicator->source != indicator->category)
            detail += (detail.empty() ? "" : ", ") + indicator->source;
        bulletText((indicator ? indicator->text : id) + (detail.empty() ? "" : "  (" + detail + ")"));
    }
    ImGui::Unindent(em() * 0.5f);
    ImGui::Spacing();
}

}  // namespace

void drawDebriefResult(const Debrief& d) {
    const Palette& colours = palette();
    title("Debrief");
    mutedText(d.title + "  ·  " + (d.mode == "practice" ? "Practice" : "Assessment"));
    ImGui::Spacing();

    beginCard("result", ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, d.passed ? colours.good : colours.warn);
    heading(d.passed ? "Passed" : "Not passed yet");
    ImGui::PopStyleColor();
    if (!d.verdict.empty())
        text(d.verdict);
    else
        text(std::to_string(percent(d.scaled)) + " % of the best achievable on your path (the pass mark is " +
             std::to_string(percent(d.passMark)) + " %).");
    endCard();
    ImGui::Spacing();
}

void drawDebriefDetails(const Debrief& d, const Scenario& scenario) {
    const Palette& colours = palette();
    ImGui::Spacing();
    heading("Competencies");
    mutedText("Points earned of the best achievable on the path you took.");
    for (const auto& c : d.competencies) drawCompetencyBar(c.name, c.points, c.max);

    ImGui::Spacing();
    heading("Indicators");
    indicatorSection(scenario, "Found", d.found, kIndicatorFoundNote, colours.good);
    indicatorSection(scenario, "Missed", d.missed, kIndicatorMissedNote, colours.warn);
    indicatorSection(scenario, "Ticked but not shown", d.falseAlarms, kIndicatorFalseAlarmNote, colours.warn);

    if (!d.decisions.empty()) {
        ImGui::Spacing();
        heading("Determination");
        for (const auto& decision : d.decisions) {
            boldText(decision.prompt);
            text("You decided: " + optionsText(scenario, decision.node, decision.chosen));
            ImGui::PushStyleColor(ImGuiCol_Text, decision.correct ? colours.good : colours.warn);
            text(decision.correct ? "That is the right determination."
                                  : "Not the best answer. The best: " +
                                        optionsText(scenario, decision.node, decision.correctOptions) + ".");
            ImGui::PopStyleColor();
            if (!decision.feedback.empty()) text(decision.feedback);
        }
    }

    if (!d.endingText.empty() || !d.endingFeedback.empty()) {
        ImGui::Spacing();
        heading("How it ended");
        if (!d.endingText.empty()) text(d.endingText);
        if (!d.endingFeedback.empty()) {
            Feedback ending;
            ending.text = d.endingFeedback;
            drawFeedback(ending, scenario);
        }
    }

    ImGui::Spacing();
    heading("Timeline");
    int number = 0;
    for (const auto& entry : d.timeline) {
        if (entry.input.empty()) continue;  // the ending, shown above
        ImGui::PushID(++number);
        ImGui::Separator();
        std::string lead = std::to_string(number) + ".  " + (entry.speaker.empty() ? "" : entry.speaker + ": ");
        mutedText(lead + entry.text);
        text("You: " + entry.input);
        if (!entry.feedback.empty() || !entry.reference.empty()) {
            Feedback feedback;
            feedback.text = entry.feedback;
            feedback.reference = entry.reference;
            feedback.points = entry.points;
            drawFeedback(feedback, scenario);
        }
        ImGui::PopID();
    }
}

}  // namespace haven::ui
