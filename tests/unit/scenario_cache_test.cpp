// The player's scenario snapshots: a second open reads the snapshot, and anything that does not
// match (edited JSON, edited script, a damaged snapshot) falls back to loading the JSON.
#include "fixtures.hpp"

#include "core/scenario_cache.hpp"
#include "core/scenario_writer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace haven;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> snapshots(const std::string& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
    return files;
}

std::string copyTutorial() {
    std::string folder = test::temporaryFolder() + "/tutorial";
    fs::copy(test::source("scenarios/tutorial"), folder, fs::copy_options::recursive);
    return folder;
}

}  // namespace

TEST_CASE("a second open reads the snapshot and gives the same scenario") {
    std::string cache = test::temporaryFolder();
    std::string scenario = copyTutorial();
    LoadResult first = openForPlay(scenario, cache);
    REQUIRE(first.ok());
    REQUIRE(snapshots(cache).size() == 1);

    LoadResult second = openForPlay(scenario, cache);
    REQUIRE(second.ok());
    CHECK(writeScenarioJson(*second.scenario) == writeScenarioJson(*first.scenario));
    CHECK(second.scenario->scriptText == first.scenario->scriptText);
    CHECK(second.scenario->contentHash == first.scenario->contentHash);
    CHECK(second.scenario->folder == first.scenario->folder);
    CHECK(second.scenario->findNode(second.scenario->start) != nullptr);  // the index is rebuilt
}

TEST_CASE("a snapshot is used only for the content it was made from") {
    std::string cache = test::temporaryFolder();
    std::string scenario = copyTutorial();
    REQUIRE(openForPlay(scenario, cache).ok());

    SUBCASE("an edited scenario.json loads from the JSON and makes a new snapshot") {
        std::string file = scenario + "/scenario.json";
        std::string text = test::readText(file);
        text.replace(text.find("\"title\": \""), 10, "\"title\": \"Edited: ");
        test::writeText(file, text);
        LoadResult edited = openForPlay(scenario, cache);
        REQUIRE(edited.ok());
        CHECK(edited.scenario->title.rfind("Edited: ", 0) == 0);
        CHECK(snapshots(cache).size() == 2);
    }
    SUBCASE("an edited script is noticed although scenario.json is unchanged") {
        test::writeText(scenario + "/script.lua", test::readText(scenario + "/script.lua") + "\n-- edited\n");
        LoadResult edited = openForPlay(scenario, cache);
        REQUIRE(edited.ok());
        CHECK(edited.scenario->scriptText.find("-- edited") != std::string::npos);
    }
    SUBCASE("a damaged snapshot is ignored and replaced") {
        fs::path snapshot = snapshots(cache).front();
        std::string bytes = test::readText(snapshot.string());
        bytes[bytes.size() / 2] ^= 0x5a;
        test::writeText(snapshot.string(), bytes);
        LoadResult reloaded = openForPlay(scenario, cache);
        REQUIRE(reloaded.ok());
        CHECK(test::readText(snapshot.string()) != bytes);
    }
    SUBCASE("a truncated snapshot is ignored") {
        fs::path snapshot = snapshots(cache).front();
        std::string bytes = test::readText(snapshot.string());
        test::writeText(snapshot.string(), bytes.substr(0, bytes.size() / 3));
        CHECK(openForPlay(scenario, cache).ok());
    }
}

TEST_CASE("readSnapshot refuses another scenario's snapshot and garbage") {
    LoadResult loaded = openForPlay(test::source("scenarios/tutorial"), test::temporaryFolder());
    REQUIRE(loaded.ok());
    std::string snapshot = snapshotOf(*loaded.scenario, "json-hash", "script-hash");
    Scenario scenario;
    std::string scriptHash;
    CHECK(readSnapshot(snapshot, "json-hash", scenario, scriptHash));
    CHECK(scriptHash == "script-hash");
    Scenario other;
    CHECK_FALSE(readSnapshot(snapshot, "another-hash", other, scriptHash));
    CHECK_FALSE(readSnapshot("not a snapshot at all", "json-hash", other, scriptHash));
    CHECK_FALSE(readSnapshot(std::string(64, '\xff'), "json-hash", other, scriptHash));
}

TEST_CASE("a scenario with errors is not cached, and its errors are reported") {
    std::string cache = test::temporaryFolder();
    std::string scenario = copyTutorial();
    std::string file = scenario + "/scenario.json";
    std::string text = test::readText(file);
    text.replace(text.find("\"start\": \""), 10, "\"start\": \"nowhere-");
    test::writeText(file, text);
    LoadResult result = openForPlay(scenario, cache);
    CHECK_FALSE(result.ok());
    CHECK(snapshots(cache).empty());
}
