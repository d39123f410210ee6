// Replays what the fuzzers found (fuzz/regressions/) and what they start from (fuzz/corpus/)
// through the very code the libFuzzer harnesses run (fuzz/exercise.cpp), without libFuzzer or
// sanitizers, so that a fixed bug stays fixed in every ordinary build. See fuzz/README.md.
#include "exercise.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace haven;

namespace {

// Every file under fuzz/<area>/<harness>/, sorted, so failures name the same file every run.
std::vector<std::string> filesFor(const std::string& area, const std::string& harness) {
    std::vector<std::string> files;
    fs::path folder = test::source("fuzz/" + area + "/" + harness);
    if (!fs::is_directory(folder)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

void replayScenarios(const std::string& area) {
    auto files = filesFor(area, "scenario");
    REQUIRE_FALSE(files.empty());
    for (const auto& file : files) {
        CAPTURE(file);
        std::string problem;
        CHECK_NOTHROW(problem = fuzz::exerciseScenario(test::readText(file), test::source("fuzz/scenario-folder")));
        CHECK_MESSAGE(problem.empty(), problem);
    }
}

void replayInputs(const std::string& area) {
    auto files = filesFor(area, "input");
    REQUIRE_FALSE(files.empty());
    for (const auto& file : files) {
        CAPTURE(file);
        std::string problem;
        CHECK_NOTHROW(problem = fuzz::exerciseInputs(test::readText(file)));
        CHECK_MESSAGE(problem.empty(), problem);
    }
}

}  // namespace

TEST_CASE("fuzz regressions: every file belongs to a harness") {
    // A file anywhere else would silently never be replayed.
    for (const char* area : {"regressions", "corpus"}) {
        for (const auto& entry : fs::directory_iterator(test::source(std::string("fuzz/") + area))) {
            CAPTURE(entry.path().string());
            std::string name = entry.path().filename().string();
            CHECK((entry.is_directory() && (name == "scenario" || name == "input")));
        }
    }
}

TEST_CASE("fuzz regressions: scenario crashes stay fixed") {
    replayScenarios("regressions");
}

TEST_CASE("fuzz regressions: input file crashes stay fixed") {
    replayInputs("regressions");
}

TEST_CASE("fuzz regressions: the scenario seed corpus passes the harness checks") {
    replayScenarios("corpus");
}

TEST_CASE("fuzz regressions: the input seed corpus passes the harness checks") {
    replayInputs("corpus");
}
