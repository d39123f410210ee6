// The debrief: passed or not and why, a bar per competency, the indicators, the determination,
// the ending and the whole timeline; play again, export as HTML, back to the library.
#include "app/app.hpp"

#include "ui/debrief_view.hpp"
#include "ui/layout.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace haven::app {

void App::drawDebrief() {
    if (!attempt_ || !attempt_->debrief) {
        screen_ = Screen::Library;
        return;
    }
    const Debrief& d = *attempt_->debrief;
    const Scenario& scenario = *attempt_->scenario;

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
    ui::drawDebriefResult(d);
    actions("top");
    if (screen_ != Screen::Debrief) {
        ui::endColumn();
        return;
    }
    if (!exportedPath_.empty()) ui::mutedText("Exported to " + exportedPath_ + " (open it in a browser to print).");

    ui::drawDebriefDetails(d, scenario);
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
