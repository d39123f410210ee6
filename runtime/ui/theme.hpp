// Colours and spacing of Haven's three themes. Calm by default: warm paper, one accent, no red
// for anything but harm; high contrast for low vision and bright rooms.
#pragma once

#include "core/settings.hpp"

#include <imgui.h>

namespace haven::ui {

struct Palette {
    ImVec4 text, muted, accent, accentText, good, warn, bad, card, cardBorder, barTrack, barFill, notice;
};

// Sets ImGui's style for `theme` with every size multiplied by `scale` (text size × HiDPI).
void applyTheme(Theme theme, float scale);
const Palette& palette();
float uiScale();  // the `scale` last applied

}  // namespace haven::ui
