// The current step drawn as the player draws it, shared by the player's scene screen and the
// editor's play-test so both look alike: the layout (a side column for the portrait when there is
// room), who speaks, and what the step asks: the choices of a scene, the checklist or the decision
// with its prompt, or the outcome of an ending. Each screen adds its own way on from an ending or
// a scene with no choice on offer.
#pragma once

#include <imgui.h>

#include <optional>

#include "core/input.hpp"
#include "core/session.hpp"
#include "ui/widgets.hpp"

namespace haven::ui {

struct StoryLayout {
    bool wide = false;  // room for a side column beside the story
    float side = 0;     // its width
};
StoryLayout storyLayout(float availableWidth);

// Whoever spoke last: their portrait, name and role, at the top of the side column. Only the
// portrait when the character is unknown.
void drawSpeakerCard(ImTextureID portrait, const Character* character, float side);

// Who speaks now (nothing for narration), after a small portrait when there is no side column.
void drawSpeakerHeading(const Step& step, bool withPortrait, ImTextureID portrait);

// What the step asks; the input the trainee gave this frame, if any.
std::optional<Input> drawStepControls(const Step& step, Selection& selection);

}  // namespace haven::ui
