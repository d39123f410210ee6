// The debrief as the player shows it, for the player's debrief screen and the editor's
// play-test: the verdict card, then competencies, indicators, the determination, how it ended and
// the timeline. The screen around it adds its own actions (play again, export, restart).
#pragma once

#include "core/debrief.hpp"
#include "core/scenario.hpp"

namespace haven::ui {

// The title, the scenario and mode, and the card saying passed or not and why.
void drawDebriefResult(const Debrief& debrief);

// Everything below the result, down to the last timeline entry.
void drawDebriefDetails(const Debrief& debrief, const Scenario& scenario);

}  // namespace haven::ui
