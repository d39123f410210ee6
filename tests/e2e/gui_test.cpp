// The windowed player, driven for real under Xvfb: scripted play-throughs through the same path
// as clicks and keys, the stored records, resume after a SIGKILL, and a screenshot of every screen.
#include "../unit/test_support.hpp"
#include "screenshot_check.hpp"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace haven::test;
namespace fs = std::filesystem;

namespace {

// A machine of its own: records, settings and the library, all in temporary folders.
struct Machine {
    std::string data = temporaryFolder();
    std::string config = temporaryFolder();
    std::string shots = temporaryFolder();

    std::string environment() const {
        return "HAVEN_DATA_DIR='" + data + "' HAVEN_CONFIG_DIR='" + config + "' HAVEN_SCENARIOS='" +
               source("scenarios") + "' ";
    }
    std::string guiCommand(const std::string& args, const std::string& size = "1280x800") const {
        return environment() + "xvfb-run -a -s '-screen 0 " + size + "x24' '" + HAVEN_BINARY + "' --size " + size + " " +
               args;
    }
    Run gui(const std::string& args, const std::string& size = "1280x800") const {
        std::string out = shots + "/out", err = shots + "/err";
        std::string command = guiCommand(args, size) + " </dev/null >'" + out + "' 2>'" + err + "'";
        int raw = std::system(command.c_str());
        return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, readText(out), readText(err)};
    }
    rapidjson::Document report() const {
        std::string out = shots + "/report.json";
        std::string command = environment() + "'" + HAVEN_BINARY + "' report --json >'" + out + "'";
        REQUIRE(std::system(command.c_str()) == 0);
        rapidjson::Document doc;
        doc.Parse(readText(out).c_str());
        REQUIRE_FALSE(doc.HasParseError());
        return doc;
    }
};

const rapidjson::Value* findLearner(const rapidjson::Document& report, const std::string& name) {
    for (const auto& learner : report["learners"].GetArray())
        if (learner["display_name"].GetString() == name) return &learner;
    return nullptr;
}

bool finished(const rapidjson::Value& attempt) {
    return attempt["finished"].IsString() && attempt["finished"].GetStringLength() > 0;
}

std::string writeInputs(const std::string& folder, const std::string& name, const std::string& json) {
    std::string path = folder + "/" + name;
    writeText(path, json);
    return path;
}

const char* kBestFirst = R"([{"choose": "private-talk"}, {"choose": "introduce-explain"}, {"choose": "open-tell-me"},
  {"choose": "ask-worries"}])";
const char* kBestRest = R"([{"choose": "check-safety"},
  {"checklist": ["ilo-abusive-conditions", "ilo-excessive-overtime", "ilo-debt-bondage", "ilo-withholding-wages",
                 "ilo-retention-of-documents", "ilo-intimidation-threats"]},
  {"decide": ["presumed-victim"]}, {"choose": "options-consent"}, {"choose": "go-together"}])";

}  // namespace

TEST_CASE("a scripted play-through of the tutorial reaches the debrief and is recorded") {
    Machine machine;
    std::string shot = machine.shots + "/debrief.png";
    Run run = machine.gui("--scenario '" + source("scenarios/tutorial") + "' --mode assessment --learner 'GUI Tester' " +
                          "--input '" + source("tests/scenarios/tutorial/best.input.json") + "' --screenshot '" + shot +
                          "'");
    INFO(run.err);
    REQUIRE(run.status == 0);
    checkScreenshot(shot, 1280, 800);

    auto report = machine.report();
    const rapidjson::Value* learner = findLearner(report, "GUI Tester");
    REQUIRE(learner);
    const auto& attempts = (*learner)["attempts"];
    REQUIRE(attempts.Size() == 1);
    const auto& attempt = attempts[0];
    CHECK(std::string(attempt["scenario"].GetString()) == "tutorial");
    CHECK(std::string(attempt["mode"].GetString()) == "assessment");
    CHECK(attempt["inputs"].GetInt() == 9);
    CHECK(finished(attempt));
    CHECK(attempt["passed"].GetBool());
    CHECK(attempt["scaled"].GetDouble() == doctest::Approx(1.0));
    CHECK(std::string(attempt["ending"].GetString()) == "end-protected");
}

TEST_CASE("an input that does not fit stops the run with a message naming it") {
    Machine machine;
    std::string inputs = writeInputs(machine.shots, "bad.json", R"([{"choose": 1}, {"choose": 7}])");
    Run run = machine.gui("--scenario '" + source("scenarios/tutorial") + "' --input '" + inputs + "' --screenshot '" +
                          machine.shots + "/x.png'");
    CHECK(run.status == 1);
    CHECK(run.err.find("input 2") != std::string::npos);
}

TEST_CASE("resume after the process is killed mid-attempt loses no confirmed input") {
    Machine machine;
    std::string first = writeInputs(machine.shots, "first.json", kBestFirst);
    std::string rest = writeInputs(machine.shots, "rest.json", kBestRest);
    std::string out = machine.shots + "/held.out";
    std::string command = machine.guiCommand("--scenario '" + source("scenarios/tutorial") +
                                             "' --mode practice --learner Resumer --input '" + first + "' --hold") +
                          " </dev/null >'" + out + "' 2>/dev/null";
    pid_t shell = fork();
    REQUIRE(shell >= 0);
    if (shell == 0) {
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // Wait for the player to say it has applied the inputs and is holding, then kill it hard.
    pid_t player = 0;
    for (int i = 0; i < 300 && player == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        std::string text = readText(out);
        auto at = text.find("(pid ");
        if (at != std::string::npos) player = static_cast<pid_t>(std::atoi(text.c_str() + at + 5));
    }
    REQUIRE(player > 0);
    CHECK(kill(player, SIGKILL) == 0);
    int status = 0;
    waitpid(shell, &status, 0);

    auto before = machine.report();
    const rapidjson::Value* learner = findLearner(before, "Resumer");
    REQUIRE(learner);
    REQUIRE((*learner)["attempts"].Size() == 1);
    CHECK((*learner)["attempts"][0]["inputs"].GetInt() == 4);
    CHECK_FALSE(finished((*learner)["attempts"][0]));

    std::string shot = machine.shots + "/resumed.png";
    Run run = machine.gui("--scenario '" + source("scenarios/tutorial") + "' --learner Resumer --continue --input '" +
                          rest + "' --screenshot '" + shot + "'");
    INFO(run.err);
    REQUIRE(run.status == 0);
    checkScreenshot(shot, 1280, 800);
    auto after = machine.report();
    learner = findLearner(after, "Resumer");
    REQUIRE(learner);
    REQUIRE((*learner)["attempts"].Size() == 1);  // the same attempt, continued
    const auto& attempt = (*learner)["attempts"][0];
    CHECK(attempt["inputs"].GetInt() == 9);
    CHECK(std::string(attempt["mode"].GetString()) == "practice");
    CHECK(attempt["passed"].GetBool());
}

TEST_CASE("every screen renders, at the smallest supported window too") {
    Machine machine;
    const std::string tutorial = "--scenario '" + source("scenarios/tutorial") + "' --learner Shots ";
    std::string scene = writeInputs(machine.shots, "scene.json", R"([{"choose": "private-talk"}])");
    std::string checklist = writeInputs(machine.shots, "checklist.json", R"([{"choose": "private-talk"},
      {"choose": "introduce-explain"}, {"choose": "open-tell-me"}, {"choose": "ask-worries"}, {"choose": "check-safety"}])");
    struct Shot {
        const char* name;
        std::string args;
    };
    const Shot shots[] = {
        {"learner", "--show learner"},
        {"library", "--learner Shots"},
        {"start", tutorial},
        {"scene", tutorial + "--mode practice --input '" + scene + "'"},
        {"checklist", tutorial + "--mode practice --input '" + checklist + "' --theme dark"},
        {"pause", tutorial + "--input '" + scene + "' --show pause --theme high-contrast"},
        {"settings", "--learner Shots --show settings --text-size 150"},
        {"debrief", tutorial + "--input '" + source("tests/scenarios/tutorial/best.input.json") + "' --text-size 150"},
    };
    for (const auto& shot : shots) {
        for (const char* size : {"1024x600"}) {
            CAPTURE(shot.name);
            std::string path = machine.shots + "/" + shot.name + ".png";
            Run run = machine.gui(shot.args + " --screenshot '" + path + "'", size);
            INFO(run.err);
            REQUIRE(run.status == 0);
            checkScreenshot(path, 1024, 600);
        }
    }
}

TEST_CASE("without a display the player says so; the library falls back to the terminal") {
    Machine machine;
    std::string env = machine.environment() + "DISPLAY= WAYLAND_DISPLAY= ";
    std::string out = machine.shots + "/out", err = machine.shots + "/err";
    int raw = std::system((env + "'" + HAVEN_BINARY + "' --scenario '" + source("scenarios/tutorial") +
                           "' --screenshot x.png >'" + out + "' 2>'" + err + "' </dev/null")
                              .c_str());
    CHECK(WEXITSTATUS(raw) == 1);
    CHECK(readText(err).find("no display") != std::string::npos);
    raw = std::system((env + "echo q | '" + HAVEN_BINARY + "' >'" + out + "' 2>'" + err + "'").c_str());
    CHECK(WEXITSTATUS(raw) == 0);
    CHECK(readText(err).find("no display") != std::string::npos);
    CHECK(readText(out).find("scenario library") != std::string::npos);
}
