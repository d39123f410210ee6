// The scene: portrait and notebook beside the story; the transcript, the current step, the
// feedback (practice), and the choices, checklist or decision. Narrow windows stack it all.
#include "app/app.hpp"

#include "ui/fonts.hpp"
#include "ui/layout.hpp"
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
    const bool wide = avail >= ui::em() * 40;
    const std::string portrait = portraitPath(step);

    auto notebook = [&](float width, float height) {
        // Saved when the field is left, and with every answer.
        ui::notebookField("##notebook", playing.notes, width, height,
                          "Write what you notice. Your notes are kept with this attempt.");
        if (ImGui::IsItemDeactivatedAfterEdit()) saveNotes();
    };

    if (wide) {
        const float side = std::clamp(avail * 0.28f, ui::em() * 11, ui::em() * 18);
        ImGui::BeginChild("side", ImVec2(side, 0), false, ImGuiWindowFlags_NavFlattened);
        if (!playing.lastSpeaker.id.empty()) {
            const Character* character = scenario.findCharacter(playing.lastSpeaker.id);
            ui::drawPortrait(textures_.get(playing.lastSpeaker.portrait), std::min(side, ui::em() * 13));
            if (character) {
                ui::boldText(character->name);
                if (!character->role.empty()) ui::mutedText(character->role);
            }
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
    if (!step.speaker.empty()) {
        if (!wide) {
            ui::drawPortrait(textures_.get(portrait), ui::em() * 4);
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
        }
        ui::heading(step.speakerName);
    }
    if (!step.text.empty()) ui::text(step.text);

    for (const auto& warning : step.warnings)
        ui::colouredText(colours.warn, "This scenario's script had a problem (tell your trainer): " + warning);
    ImGui::Spacing();

    std::optional<Input> input;
    const bool keysFree = !popupOpen;
    switch (step.kind) {
    case NodeType::Scene:
        if (step.choices.empty()) {
            ui::colouredText(colours.warn, "This scenario has no way on from here. Please tell your trainer.");
            if (ui::primaryButton("Return to library")) leaveAttempt(Screen::Library);
        } else {
            ui::mutedText("What do you do?");
            input = ui::drawChoices(step);
        }
        break;
    case NodeType::Checklist:
        if (!step.prompt.empty()) ui::boldText(step.prompt);
        ui::mutedText("Tick what you observed or were told, not what you assume.");
        input = ui::drawChecklist(step, playing.selection);
        break;
    case NodeType::Decision:
        if (!step.prompt.empty()) ui::boldText(step.prompt);
        input = ui::drawDecision(step, playing.selection);
        break;
    case NodeType::Ending:
        if (!step.outcome.empty()) ui::tag("Outcome: " + step.outcome);
        ImGui::Spacing();
        if (ui::primaryButton("See your debrief")) screen_ = Screen::Debrief;
        break;
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
}

}  // namespace haven::app
