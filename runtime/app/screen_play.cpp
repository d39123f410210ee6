// The scene: portrait and notebook beside the story; the transcript, the current step, the
// feedback (practice), and the choices, checklist or decision. Narrow windows stack it all.
#include "app/app.hpp"

#include "ui/fonts.hpp"
#include "ui/layout.hpp"
#include "ui/step_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace haven::app {

void App::drawPlay() {
    if (!attempt_) {
        screen_ = Screen::Library;
        return;
    }
    Playing& playing = *attempt_;
    Session& session = *playing.session;
    const Step& step = session.step();
    const Scenario& scenario = *playing.scenario;
    const ui::Palette& colours = ui::palette();
    const bool popupOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (!popupOpen && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) openPause_ = true;

    const float avail = ImGui::GetContentRegionAvail().x;
    const ui::StoryLayout layout = ui::storyLayout(avail);
    const bool wide = layout.wide;
    const std::string portrait = portraitPath(step);

    auto notebook = [&](float width, float height) {
        // Saved when the field is left, and with every answer.
        ui::notebookField("##notebook", playing.notes, width, height,
                          "Write what you notice. Your notes are kept with this attempt.");
        if (ImGui::IsItemDeactivatedAfterEdit()) saveNotes();
    };

    if (wide) {
        const float side = layout.side;
        ImGui::BeginChild("side", ImVec2(side, 0), false, ImGuiWindowFlags_NavFlattened);
        if (!playing.lastSpeaker.id.empty()) {
            ui::drawSpeakerCard(textures_.get(playing.lastSpeaker.portrait),
                                scenario.findCharacter(playing.lastSpeaker.id), side);
            ImGui::Spacing();
        }
        ui::heading("Notebook");
        notebook(side, std::max(ui::em() * 5, ImGui::GetContentRegionAvail().y));
        ImGui::EndChild();
        ImGui::SameLine(0, ui::em() * 1.5f);
    }

    ImGui::BeginChild("story", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    ui::beginColumn(ui::em() * 44);
    if (!playing.transcript.empty()) {
        ui::drawTranscript(playing.transcript);
    }
    // The current step starts at the top of the view whenever it changes.
    // (for a few frames: the new content's height is known only after it is drawn once)
    if (playing.scrollFrames > 0) {
        ImGui::SetScrollHereY(0.0f);
        --playing.scrollFrames;
    }
    if (step.feedback && session.mode() == Mode::Practice) {
        ui::drawFeedback(*step.feedback, scenario);
        if (session.canUndo() && !session.finished()) {
            if (ui::secondaryButton("Try another way")) undo();
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ui::mutedText("Take this answer back and choose again (once).");
        }
        ImGui::Spacing();
    }
    ui::drawSpeakerHeading(step, !wide, wide ? nullptr : textures_.get(portrait));
    if (!step.text.empty()) ui::text(step.text);

    for (const auto& warning : step.warnings)
        ui::colouredText(colours.warn, "This scenario's script had a problem (tell your trainer): " + warning);
    ImGui::Spacing();

    const bool keysFree = !popupOpen;
    std::optional<Input> input = ui::drawStepControls(step, playing.selection);
    // Leaving frees the attempt this frame still draws from: it happens once the frame is drawn.
    bool leave = false;
    if (session.stuck()) {
        ui::colouredText(colours.warn, "This scenario has no way on from here. Please tell your trainer.");
        leave = ui::primaryButton("Return to library");
    } else if (session.finished() && ui::primaryButton("See your debrief")) {
        screen_ = Screen::Debrief;
    }
    if (input && keysFree) {
        std::string error;
        if (!submit(*input, error)) notice_ = error;
    }
    if (!wide) {
        ImGui::Spacing();
        if (ImGui::CollapsingHeader("Notebook")) notebook(ImGui::GetContentRegionAvail().x, ui::em() * 8);
    }
    ImGui::Dummy(ImVec2(0, ui::em()));
    ui::endColumn();
    ImGui::EndChild();
    if (leave) leaveAttempt(Screen::Library);
}

}  // namespace haven::app
