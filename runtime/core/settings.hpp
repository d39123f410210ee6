// Per-machine settings of the player: text size, theme, full screen, the last learner.
// Saved as JSON with the atomic writer; a missing or corrupt file gives the defaults and a
// warning, never a failure to start.
#pragma once

#include <string>

namespace haven {

enum class Theme { Light, Dark, HighContrast };
const char* toString(Theme theme);

struct Settings {
    int textScalePercent = 100;  // 100..200
    Theme theme = Theme::Light;
    bool fullscreen = false;
    std::string lastLearnerId;
};

// $XDG_CONFIG_HOME/haven/settings.json, else ~/.config/haven/settings.json.
std::string defaultSettingsPath();

// Defaults when the file is missing; defaults plus `warning` (naming the file) when it is corrupt
// or holds values out of range (those are clamped).
Settings loadSettings(const std::string& path, std::string& warning);
bool saveSettings(const std::string& path, const Settings& settings, std::string& error);

}  // namespace haven
