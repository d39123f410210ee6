// Player settings: defaults, saving and loading, and a bad file never stopping the player.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "core/settings.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace haven;

namespace {

std::string settingsFile(const std::string& text) {
    std::string path = test::temporaryFolder() + "/settings.json";
    test::writeText(path, text);
    return path;
}

Settings loadWarned(const std::string& path, std::string& warning) {
    Settings settings = loadSettings(path, warning);
    INFO(warning);
    CHECK(warning.find(path) == 0);  // every warning names the file
    return settings;
}

}  // namespace

TEST_CASE("a missing file gives the defaults without a warning") {
    std::string warning = "stale";
    Settings s = loadSettings(test::temporaryFolder() + "/none/settings.json", warning);
    CHECK(warning.empty());
    CHECK(s.textScalePercent == 100);
    CHECK(s.theme == Theme::Light);
    CHECK_FALSE(s.fullscreen);
    CHECK(s.lastLearnerId.empty());
}

TEST_CASE("settings round-trip, creating the folder") {
    std::string path = test::temporaryFolder() + "/config/haven/settings.json";
    Settings saved;
    saved.textScalePercent = 175;
    saved.theme = Theme::HighContrast;
    saved.fullscreen = true;
    saved.lastLearnerId = "L-7F3K-Q9XD";
    std::string error;
    REQUIRE_MESSAGE(saveSettings(path, saved, error), error);
    std::string text = test::readText(path);
    CHECK(text.find("\"theme\": \"high-contrast\"") != std::string::npos);
    CHECK(text.back() == '\n');

    std::string warning;
    Settings loaded = loadSettings(path, warning);
    CHECK(warning.empty());
    CHECK(loaded.textScalePercent == 175);
    CHECK(loaded.theme == Theme::HighContrast);
    CHECK(loaded.fullscreen);
    CHECK(loaded.lastLearnerId == "L-7F3K-Q9XD");

    for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        saved.theme = theme;
        REQUIRE(saveSettings(path, saved, error));
        CHECK(loadSettings(path, warning).theme == theme);
    }
}

TEST_CASE("a corrupt file gives the defaults, a warning with the line, and is left alone") {
    std::string text = "{\n  \"theme\": \"dark\",\n  oops\n}\n";
    std::string path = settingsFile(text);
    std::string warning;
    Settings s = loadWarned(path, warning);
    CHECK(warning.find(path + ":3:") == 0);
    CHECK(warning.find("using the default settings") != std::string::npos);
    CHECK(s.theme == Theme::Light);
    CHECK(test::readText(path) == text);

    SUBCASE("not an object") {
        path = settingsFile("[1, 2]");
        loadWarned(path, warning);
        CHECK(warning.find("not a JSON object") != std::string::npos);
    }
}

TEST_CASE("out-of-range and unknown values are replaced, with a warning") {
    std::string warning;
    SUBCASE("text scale is clamped to 100..200") {
        CHECK(loadWarned(settingsFile(R"({"text_scale_percent": 40})"), warning).textScalePercent == 100);
        CHECK(warning.find("using 100") != std::string::npos);
        CHECK(loadWarned(settingsFile(R"({"text_scale_percent": 1e300})"), warning).textScalePercent == 200);
        CHECK(loadWarned(settingsFile(R"({"text_scale_percent": 150.5})"), warning).textScalePercent == 150);
        CHECK(loadWarned(settingsFile(R"({"text_scale_percent": "big"})"), warning).textScalePercent == 100);
    }
    SUBCASE("an unknown theme gives the default") {
        Settings s = loadWarned(settingsFile(R"({"theme": "neon", "fullscreen": true})"), warning);
        CHECK(s.theme == Theme::Light);
        CHECK(s.fullscreen);  // the good fields are kept
        CHECK(warning.find("unknown theme 'neon'") != std::string::npos);
    }
    SUBCASE("wrong types keep the defaults, every problem is named") {
        Settings s = loadWarned(settingsFile(R"({"fullscreen": "yes", "last_learner_id": 7, "theme": 1})"), warning);
        CHECK_FALSE(s.fullscreen);
        CHECK(s.lastLearnerId.empty());
        CHECK(warning.find("fullscreen") != std::string::npos);
        CHECK(warning.find("last_learner_id") != std::string::npos);
        CHECK(warning.find("theme") != std::string::npos);
    }
    SUBCASE("unknown fields are ignored quietly (a newer Haven may add some)") {
        Settings s = loadSettings(settingsFile(R"({"dark_sidebar": true, "theme": "dark"})"), warning);
        CHECK(warning.empty());
        CHECK(s.theme == Theme::Dark);
    }
}

TEST_CASE("saving where it cannot be written reports the file") {
    std::string blocker = settingsFile("{}");  // a file where a folder should be
    std::string path = blocker + "/settings.json";
    std::string error;
    CHECK_FALSE(saveSettings(path, Settings{}, error));
    CHECK(error.find(path) == 0);
}

TEST_CASE("defaultSettingsPath: HAVEN_CONFIG_DIR, then XDG_CONFIG_HOME, then ~/.config") {
    ::setenv("HAVEN_CONFIG_DIR", "/tmp/haven-config", 1);
    CHECK(defaultSettingsPath() == "/tmp/haven-config/settings.json");
    ::unsetenv("HAVEN_CONFIG_DIR");
    ::setenv("XDG_CONFIG_HOME", "/xdg/config", 1);
    CHECK(defaultSettingsPath() == "/xdg/config/haven/settings.json");
    ::unsetenv("XDG_CONFIG_HOME");
    CHECK(defaultSettingsPath().find("/.config/haven/settings.json") != std::string::npos);
    CHECK(std::string(toString(Theme::HighContrast)) == "high-contrast");
}
