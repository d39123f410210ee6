// Before you start: the content notes, the mode, and that a pause is always one key away.
#include "app/app.hpp"

#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace haven::app {

void App::drawBeforeStart() {
    if (!chosen_) {
        screen_ = Screen::Library;
        return;
    }
    const Scenario& s = *chosen_;
    const bool popupOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (!popupOpen && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        screen_ = Screen::Library;
        return;
    }
    ui::beginColumn(ui::em() * 46);
    ui::title(s.title);
    std::string meta;
    if (s.estimatedMinutes > 0) meta = "About " + std::to_string(s.estimatedMinutes) + " minutes";
    if (!s.competencies.empty())
        meta += (meta.empty() ? "" : "  ·  ") + std::to_string(s.competencies.size()) + " competencies";
    if (!meta.empty()) ui::mutedText(meta);
    if (!s.summary.empty()) ui::text(s.summary);
    ImGui::Spacing();

    if (!s.contentNotes.empty()) {
        ui::beginCard("notes", ImGui::GetContentRegionAvail().x);
        ui::boldText("Content notes");
        ui::text("This scenario touches on:");
        for (const auto& note : s.contentNotes) ui::bulletText(note);
        ui::mutedText("It is a fictional composite. You can pause or stop at any moment.");
        ui::endCard();
        ImGui::Spacing();
    }

    ui::heading("How do you want to play?");
    const float width = ImGui::GetContentRegionAvail().x;
    if (ui::wrappedRow("##practice", ui::RowKind::Radio, 0,
                       "Practice: feedback after each choice, with the principle behind it, and you can try another way.",
                       width, chosenMode_ == Mode::Practice))
        chosenMode_ = Mode::Practice;
    if (ui::wrappedRow("##assessment", ui::RowKind::Radio, 0,
                       "Assessment: no feedback until the debrief, as in a real conversation. Your result counts.",
                       width, chosenMode_ == Mode::Assessment))
        chosenMode_ = Mode::Assessment;
    ImGui::Spacing();
    ui::colouredText(ui::palette().accent, "A pause is always one key away: press Esc at any moment. Your progress is "
                                           "saved after every answer.");
    ImGui::Spacing();

    std::string error;
    if (chosenUnfinished_) {
        ui::mutedText("You have an unfinished " + std::string(toString(chosenUnfinished_->mode)) + " attempt (" +
                      std::to_string(chosenUnfinished_->inputs.size()) + " answers given).");
        if (ui::primaryButton("Continue where you left off")) {
            Attempt unfinished = *chosenUnfinished_;
            if (!resumeAttempt(unfinished, error)) notice_ = "This attempt cannot be continued: " + error;
        }
        ImGui::SameLine();
        if (ui::secondaryButton("Start again") && !beginAttempt(chosenMode_, error)) notice_ = error;
    } else {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        if (ui::primaryButton("Begin") && !beginAttempt(chosenMode_, error)) notice_ = error;
    }
    ImGui::SameLine();
    if (ui::secondaryButton("Back to library")) screen_ = Screen::Library;
    ImGui::Spacing();
    ui::endColumn();
}

}  // namespace haven::app
