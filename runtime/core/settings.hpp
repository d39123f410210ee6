// Per-machine settings of the player: text size, theme, full screen, the last learner.
// Saved as JSON with the atomic writer; a missing or corrupt file gives the defaults and a
// warning, never a failure to start.
#pragma once

#include <optional>
#include <string>

namespace haven {

enum class Theme { Light, Dark, HighContrast };
const char* toString(Theme theme);
std::optional<Theme> themeFromString(const std::string& name);  // "light", "dark", "high-contrast"

struct Settings {
    int textScalePercent = 100;  // 100..200
    Theme theme = Theme::Light;
    bool fullscreen = false;
    std::string lastLearnerId;
};

// $XDG_CONFIG_HOME/haven/settings.json, else ~/.config/haven/settings.json. $HAVEN_CONFIG_DIR,
// when set, is the folder itself (tests and portable installs use it).
std::string defaultSettingsPath();

// Where Haven keeps per-user files: Config is $HAVEN_CONFIG_DIR, else $XDG_CONFIG_HOME/haven,
// else ~/.config/haven; Data is $HAVEN_DATA_DIR, else $XDG_DATA_HOME/haven, else
// ~/.local/share/haven; Cache is $HAVEN_CACHE_DIR, else $XDG_CACHE_HOME/haven, else
// ~/.cache/haven. Shared with the record store (RecordStore::defaultPath) and the scenario cache.
enum class UserFolder { Config, Data, Cache };
std::string userFolder(UserFolder kind);

// Defaults when the file is missing; defaults plus `warning` (naming the file) when it is corrupt
// or holds values out of range (those are clamped).
Settings loadSettings(const std::string& path, std::string& warning);
bool saveSettings(const std::string& path, const Settings& settings, std::string& error);

}  // namespace haven
