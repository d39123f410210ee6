#include "core/settings.hpp"

#include "core/atomic_file.hpp"
#include "core/json_text.hpp"

#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <vector>

#include <pwd.h>
#include <unistd.h>

namespace haven {
namespace {
namespace fs = std::filesystem;

constexpr int kMinTextScale = 100;
constexpr int kMaxTextScale = 200;
// Settings are a handful of fields; anything larger is not ours.
constexpr std::size_t kMaxSettingsBytes = 64u << 10;

struct ThemeName {
    Theme theme;
    const char* name;
};
constexpr ThemeName kThemes[] = {{Theme::Light, "light"}, {Theme::Dark, "dark"}, {Theme::HighContrast, "high-contrast"}};

}  // namespace

std::optional<Theme> themeFromString(const std::string& name) {
    for (const auto& t : kThemes)
        if (name == t.name) return t.theme;
    return std::nullopt;
}

namespace {

const char* envValue(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

fs::path homeFolder() {
    if (const char* home = envValue("HOME")) return home;
    if (const passwd* entry = ::getpwuid(::getuid()); entry && entry->pw_dir) return entry->pw_dir;
    return fs::current_path();
}

// Reads the fields it knows; each problem becomes one note and leaves that field's default.
// Unknown fields are ignored, so an older Haven reads a newer file.
Settings readSettings(const rapidjson::Value& root, std::vector<std::string>& notes) {
    Settings s;
    if (auto it = root.FindMember("text_scale_percent"); it != root.MemberEnd()) {
        if (!it->value.IsNumber()) notes.push_back("text_scale_percent is not a number");
        else {
            double wanted = it->value.GetDouble();
            s.textScalePercent = static_cast<int>(std::clamp(wanted, double(kMinTextScale), double(kMaxTextScale)));
            if (wanted != s.textScalePercent)
                notes.push_back("text_scale_percent must be a whole number from " + std::to_string(kMinTextScale) +
                                " to " + std::to_string(kMaxTextScale) + "; using " +
                                std::to_string(s.textScalePercent));
        }
    }
    if (auto it = root.FindMember("theme"); it != root.MemberEnd()) {
        std::string name = it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength()) : "";
        if (auto theme = themeFromString(name)) s.theme = *theme;
        else notes.push_back("unknown theme '" + name + "' (light, dark or high-contrast); using light");
    }
    if (auto it = root.FindMember("fullscreen"); it != root.MemberEnd()) {
        if (it->value.IsBool()) s.fullscreen = it->value.GetBool();
        else notes.push_back("fullscreen is not true or false");
    }
    if (auto it = root.FindMember("last_learner_id"); it != root.MemberEnd()) {
        if (it->value.IsString()) s.lastLearnerId.assign(it->value.GetString(), it->value.GetStringLength());
        else notes.push_back("last_learner_id is not a string");
    }
    return s;
}

}  // namespace

const char* toString(Theme theme) {
    for (const auto& t : kThemes)
        if (t.theme == theme) return t.name;
    return "light";
}

std::string userFolder(UserFolder kind) {
    struct Names {
        const char* own;
        const char* xdg;
        const char* fallback;
    };
    Names names = kind == UserFolder::Config ? Names{"HAVEN_CONFIG_DIR", "XDG_CONFIG_HOME", ".config"}
                  : kind == UserFolder::Data ? Names{"HAVEN_DATA_DIR", "XDG_DATA_HOME", ".local/share"}
                                             : Names{"HAVEN_CACHE_DIR", "XDG_CACHE_HOME", ".cache"};
    if (const char* own = envValue(names.own)) return own;
    // The XDG spec says a relative value is invalid and must be ignored.
    const char* xdg = envValue(names.xdg);
    fs::path base = xdg && *xdg == '/' ? fs::path(xdg) : homeFolder() / names.fallback;
    return (base / "haven").string();
}

std::string defaultSettingsPath() {
    return userFolder(UserFolder::Config) + "/settings.json";
}

Settings loadSettings(const std::string& path, std::string& warning) {
    warning.clear();
    std::error_code ec;
    if (!fs::exists(path, ec)) return {};
    std::string text, error;
    if (!readFileCapped(path, kMaxSettingsBytes, text, error)) {
        warning = error + "; using the default settings";
        return {};
    }
    JsonParse parsed;
    parseJson(text, parsed);
    if (!parsed.ok || !parsed.document.IsObject()) {
        std::string where = parsed.ok ? "" : ":" + std::to_string(parsed.position.line) + ":" +
                                                 std::to_string(parsed.position.column);
        warning = path + where + ": " + (parsed.ok ? std::string("not a JSON object") : parsed.error) +
                  "; using the default settings";
        return {};
    }
    std::vector<std::string> notes;
    Settings settings = readSettings(parsed.document, notes);
    for (const auto& note : notes) warning += (warning.empty() ? path + ": " : "; ") + note;
    return settings;
}

bool saveSettings(const std::string& path, const Settings& settings, std::string& error) {
    fs::path folder = fs::path(path).parent_path();
    std::error_code ec;
    if (!folder.empty() && !fs::is_directory(folder, ec) && !fs::create_directories(folder, ec) && ec) {
        error = path + ": cannot create the folder " + folder.string() + ": " + ec.message();
        return false;
    }
    rapidjson::StringBuffer buffer;
    {
        rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
        w.StartObject();
        w.Key("format");
        w.String("haven-settings");
        w.Key("version");
        w.Int(1);
        w.Key("text_scale_percent");
        w.Int(settings.textScalePercent);
        w.Key("theme");
        w.String(toString(settings.theme));
        w.Key("fullscreen");
        w.Bool(settings.fullscreen);
        w.Key("last_learner_id");
        w.String(settings.lastLearnerId.c_str(), static_cast<rapidjson::SizeType>(settings.lastLearnerId.size()));
        w.EndObject();
    }
    return writeFileAtomically(path, std::string(buffer.GetString()) + "\n", error);
}

}  // namespace haven
