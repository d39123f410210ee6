#include "ui/step_view.hpp"

#include <algorithm>

namespace haven::ui {

StoryLayout storyLayout(float availableWidth) {
    if (availableWidth < em() * 40) return {};
    return {true, std::clamp(availableWidth * 0.28f, em() * 11, em() * 18)};
}

void drawSpeakerCard(ImTextureID portrait, const Character* character, float side) {
    drawPortrait(portrait, std::min(side, em() * 13));
    if (!character) return;
    boldText(character->name);
    if (!character->role.empty()) mutedText(character->role);
}

void drawSpeakerHeading(const Step& step, bool withPortrait, ImTextureID portrait) {
    if (step.speaker.empty()) return;
    if (withPortrait) {
        drawPortrait(portrait, em() * 4);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
    }
    heading(step.speakerName);
}

std::optional<Input> drawStepControls(const Step& step, Selection& selection) {
    switch (step.kind) {
        case NodeType::Scene:
            if (step.choices.empty()) return std::nullopt;
            mutedText("What do you do?");
            return drawChoices(step);
        case NodeType::Checklist:
            if (!step.prompt.empty()) boldText(step.prompt);
            mutedText("Tick what you observed or were told, not what you assume.");
            return drawChecklist(step, selection);
        case NodeType::Decision:
            if (!step.prompt.empty()) boldText(step.prompt);
            return drawDecision(step, selection);
        case NodeType::Ending:
            if (!step.outcome.empty()) tag("Outcome: " + step.outcome);
            ImGui::Spacing();
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace haven::ui
