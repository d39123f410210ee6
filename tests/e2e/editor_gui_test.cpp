// haven-editor driven for real under Xvfb: its panels on screen (screenshots to look at), edits
// saved through the canonical writer, a new scenario from the template that checks clean, and
// unsaved work restored after the editor is killed with SIGKILL.
#include "../unit/test_support.hpp"
#include "screenshot_check.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <sys/wait.h>

using namespace haven::test;
namespace fs = std::filesystem;

namespace {

constexpr int kWidth = 1440, kHeight = 900;

// A machine of its own: the editor's recent files, recovery files and settings in temporary folders.
struct Desk {
    std::string data = temporaryFolder();
    std::string config = temporaryFolder();
    std::string cache = temporaryFolder();
    std::string shots = temporaryFolder();

    std::string command(const std::string& args) const {
        return "HAVEN_DATA_DIR='" + data + "' HAVEN_CONFIG_DIR='" + config + "' HAVEN_CACHE_DIR='" + cache +
               "' xvfb-run -a -s '-screen 0 " + std::to_string(kWidth) + "x" + std::to_string(kHeight) + "x24' '" +
               HAVEN_EDITOR_BINARY + "' --size " + std::to_string(kWidth) + "x" + std::to_string(kHeight) + " " + args;
    }
    Run editor(const std::string& args) const {
        std::string out = shots + "/out", err = shots + "/err";
        int raw = std::system((command(args) + " </dev/null >'" + out + "' 2>'" + err + "'").c_str());
        return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, readText(out), readText(err)};
    }
    // Runs the editor and screenshots it; the run must succeed and the picture must not be blank.
    std::string shot(const std::string& name, const std::string& args) const {
        std::string path = shots + "/" + name + ".png";
        Run run = editor(args + " --screenshot '" + path + "'");
        INFO(run.err);
        REQUIRE(run.status == 0);
        checkScreenshot(path, kWidth, kHeight);
        return path;
    }
};

// A copy of a shipped scenario to edit without touching the source tree.
std::string copyOf(const std::string& scenario) {
    std::string folder = temporaryFolder() + "/" + scenario;
    fs::copy(source("scenarios/" + scenario), folder, fs::copy_options::recursive);
    return folder;
}

std::string titleIn(const std::string& folder) {
    const std::string text = readText(folder + "/scenario.json");
    const auto key = text.find("\"title\": \"");
    REQUIRE(key != std::string::npos);
    const auto start = key + 10;
    return text.substr(start, text.find('"', start) - start);
}

}  // namespace

TEST_CASE("the editor shows the map, inspector, problems, find and play-test of a shipped scenario") {
    Desk desk;
    const std::string tutorial = "'" + source("scenarios/tutorial") + "' ";
    desk.shot("map", tutorial + "--select kitchen");
    desk.shot("inspector", tutorial + "--select identify --tab inspector");
    desk.shot("scenario", tutorial + "--tab scenario");
    desk.shot("find", tutorial + "--find manager --replace supervisor");
    desk.shot("playtest", tutorial + "--playtest --choices private-talk,introduce-explain");
    desk.shot("playtest-from-node", tutorial + "--playtest her-story");
    desk.shot("playtest-debrief",
              tutorial + "--playtest --input '" + source("tests/scenarios/tutorial/best.input.json") + "'");
    desk.shot("dark", tutorial + "--select assess --theme dark");
    // An edit the validator objects to shows in the problems panel; nothing is saved.
    const std::string folder = copyOf("tutorial");
    const std::string before = readText(folder + "/scenario.json");
    desk.shot("problems", "'" + folder + "' --select kitchen --set 'condition=trust >' --focus 'nodes[0].choices[0].condition'");
    CHECK(readText(folder + "/scenario.json") == before);
}

TEST_CASE("automation that cannot do what it is asked stops with a message naming the problem") {
    Desk desk;
    const std::string tutorial = "'" + source("scenarios/tutorial") + "' ";
    Run run = desk.editor(tutorial + "--select no-such-node --screenshot '" + desk.shots + "/x.png'");
    CHECK(run.status == 1);
    CHECK(run.err.find("no-such-node") != std::string::npos);

    run = desk.editor(tutorial + "--playtest --choices 9 --screenshot '" + desk.shots + "/x.png'");
    CHECK(run.status == 1);
    CHECK(run.err.find("play-test input 1") != std::string::npos);

    run = desk.editor("'" + desk.shots + "/missing' --screenshot '" + desk.shots + "/x.png'");
    CHECK(run.status == 1);
    CHECK(run.err.find("missing") != std::string::npos);

    run = desk.editor("--bogus");
    CHECK(run.status == 2);
    CHECK(run.err.find("usage: haven-editor") != std::string::npos);
}

TEST_CASE("an edit saved from the editor is written canonically and still checks clean") {
    Desk desk;
    const std::string folder = copyOf("tutorial");
    Run run = desk.editor("'" + folder + "' --set 'title=Kitchen visit, revised' --save --screenshot '" + desk.shots +
                          "/saved.png'");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(titleIn(folder) == "Kitchen visit, revised");
    CHECK(runHaven("check '" + folder + "'").status == 0);
    CHECK(runHaven("fmt --check '" + folder + "'").status == 0);
}

TEST_CASE("a scenario made from the template and saved passes haven check with no errors") {
    Desk desk;
    const std::string folder = temporaryFolder() + "/new-scenario";
    Run run = desk.editor("--new --save-as '" + folder + "' --screenshot '" + desk.shots + "/new.png'");
    INFO(run.err);
    REQUIRE(run.status == 0);
    REQUIRE(fs::exists(folder + "/scenario.json"));
    Run check = runHaven("check '" + folder + "'");
    INFO(check.out << check.err);
    CHECK(check.status == 0);
}

TEST_CASE("unsaved work survives SIGKILL and is restored on the next start") {
    Desk desk;
    const std::string folder = copyOf("tutorial");
    const std::string original = titleIn(folder);

    // The editor makes an unsaved edit and says it is holding once the edit is in its recovery
    // file; reading its output blocks until then, so no timing is guessed.
    FILE* editor = popen((desk.command("'" + folder + "' --set 'title=Not saved yet' --hold") + " 2>/dev/null").c_str(), "r");
    REQUIRE(editor);
    long pid = 0;
    char line[512];
    while (pid == 0 && std::fgets(line, sizeof line, editor)) {
        const char* at = std::strstr(line, "(pid ");
        if (at) pid = std::atol(at + 5);
    }
    REQUIRE(pid > 0);
    CHECK(kill(static_cast<pid_t>(pid), SIGKILL) == 0);
    pclose(editor);
    CHECK(titleIn(folder) == original);  // the edit was never saved

    // The next start offers the work back (the prompt is on screen) …
    const std::string prompt = desk.shot("restore-prompt", "'" + folder + "'");
    (void)prompt;
    // … and restoring it brings the edit back as unsaved work, which --save then keeps.
    Run run = desk.editor("'" + folder + "' --recovery restore --save --screenshot '" + desk.shots + "/restored.png'");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(titleIn(folder) == "Not saved yet");
    // Saved, the recovery file is gone: there is nothing left to offer.
    run = desk.editor("'" + folder + "' --recovery restore --screenshot '" + desk.shots + "/again.png'");
    CHECK(run.status == 1);
    CHECK(run.err.find("no unsaved work") != std::string::npos);
}
