// The debrief: passed or not and why, a bar per competency, the indicators, the determination,
// the ending and the whole timeline; play again, export as HTML, back to the library.
#include "app/app.hpp"

#include "core/debrief_html.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <cmath>

namespace haven::app {
namespace {

int percent(double fraction) {
    return static_cast<int>(std::lround(fraction * 100));
}

void indicatorSection(const Scenario& scenario, const char* heading, const std::vector<std::string>& ids,
                      const char* why, const ImVec4& colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ui::boldText(std::string(heading) + " (" + std::to_string(ids.size()) + ")");
    ImGui::PopStyleColor();
    if (ids.empty()) {
        ui::mutedText("None.");
        return;
    }
    ui::mutedText(why);
    ImGui::Indent(ui::em() * 0.5f);
    for (const auto& id : ids) {
        const Indicator* indicator = scenario.findIndicator(id);
        std::string detail;
        if (indicator && !indicator->category.empty()) detail = indicator->category;
        if (indicator && !indicator->source.empty() && indicator->source != indicator->category)
            detail += (detail.empty() ? "" : ", ") + indicator->source;
        ui::bulletText((indicator ? indicator->text : id) + (detail.empty() ? "" : "  (" + detail + ")"));
    }
    ImGui::Unindent(ui::em() * 0.5f);
    ImGui::Spacing();
}

}  // namespace

void App::drawDebrief() {
    if (!attempt_ || !attempt_->debrief) {
        screen_ = Screen::Library;
        return;
    }
    const Debrief& d = *attempt_->debrief;
    const Scenario& scenario = *attempt_->scenario;
    const ui::Palette& colours = ui::palette();

    auto actions = [&](const char* id) {
        ImGui::PushID(id);
        if (ui::primaryButton("Play again")) {
            Mode mode = attempt_->session->mode();
            saveNotes();
            std::string error;
            chosen_ = scenario;
            if (!beginAttempt(mode, error)) notice_ = error;
        }
        ImGui::SameLine();
        if (screen_ == Screen::Debrief && ui::secondaryButton("Export as HTML")) exportDebrief();
        ImGui::SameLine();
        if (screen_ == Screen::Debrief && ui::secondaryButton("Back to library")) leaveAttempt(Screen::Library);
        ImGui::PopID();
    };

    ui::beginColumn(ui::em() * 48);
    ui::title("Debrief");
    ui::mutedText(d.title + "  ·  " + (d.mode == "practice" ? "Practice" : "Assessment"));
    ImGui::Spacing();

    ui::beginCard("result", ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, d.passed ? colours.good : colours.warn);
    ui::heading(d.passed ? "Passed" : "Not passed yet");
    ImGui::PopStyleColor();
    if (!d.verdict.empty()) ui::text(d.verdict);
    else
        ui::text(std::to_string(percent(d.scaled)) + " % of the best achievable on your path (the pass mark is " +
                 std::to_string(percent(d.passMark)) + " %).");
    ui::endCard();
    ImGui::Spacing();
    actions("top");
    if (screen_ != Screen::Debrief) {
        ui::endColumn();
        return;
    }
    if (!exportedPath_.empty()) ui::mutedText("Exported to " + exportedPath_ + " (open it in a browser to print).");

    ImGui::Spacing();
    ui::heading("Competencies");
    ui::mutedText("Points earned of the best achievable on the path you took.");
    for (const auto& c : d.competencies) ui::drawCompetencyBar(c.name, c.points, c.max);

    ImGui::Spacing();
    ui::heading("Indicators");
    indicatorSection(scenario, "Found", d.found, kIndicatorFoundNote, colours.good);
    indicatorSection(scenario, "Missed", d.missed, kIndicatorMissedNote, colours.warn);
    indicatorSection(scenario, "Ticked but not shown", d.falseAlarms, kIndicatorFalseAlarmNote, colours.warn);

    if (!d.decisions.empty()) {
        ImGui::Spacing();
        ui::heading("Determination");
        for (const auto& decision : d.decisions) {
            ui::boldText(decision.prompt);
            ui::text("You decided: " + optionsText(scenario, decision.node, decision.chosen));
            ImGui::PushStyleColor(ImGuiCol_Text, decision.correct ? colours.good : colours.warn);
            ui::text(decision.correct ? "That is the right determination."
                                      : "Not the best answer. The best: " +
                                            optionsText(scenario, decision.node, decision.correctOptions) + ".");
            ImGui::PopStyleColor();
            if (!decision.feedback.empty()) ui::text(decision.feedback);
        }
    }

    if (!d.endingText.empty() || !d.endingFeedback.empty()) {
        ImGui::Spacing();
        ui::heading("How it ended");
        if (!d.endingText.empty()) ui::text(d.endingText);
        if (!d.endingFeedback.empty()) {
            Feedback ending;
            ending.text = d.endingFeedback;
            ui::drawFeedback(ending, scenario);
        }
    }

    ImGui::Spacing();
    ui::heading("Timeline");
    int number = 0;
    for (const auto& entry : d.timeline) {
        if (entry.input.empty()) continue;  // the ending, shown above
        ImGui::PushID(++number);
        ImGui::Separator();
        std::string lead = std::to_string(number) + ".  " + (entry.speaker.empty() ? "" : entry.speaker + ": ");
        ui::mutedText(lead + entry.text);
        ui::text("You: " + entry.input);
        if (!entry.feedback.empty() || !entry.reference.empty()) {
            Feedback feedback;
            feedback.text = entry.feedback;
            feedback.reference = entry.reference;
            feedback.points = entry.points;
            ui::drawFeedback(feedback, scenario);
        }
        ImGui::PopID();
    }
    if (!attempt_->notes.empty()) {
        ImGui::Spacing();
        ui::heading("Your notebook");
        ui::text(attempt_->notes);
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    actions("bottom");
    ImGui::Spacing();
    ui::endColumn();
}

}  // namespace haven::app
