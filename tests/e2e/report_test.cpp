// `haven report` end to end: a store filled through RecordStore (with a real play-through of the
// mini scenario), read back by the real binary as text and as JSON.
#include "../unit/test_support.hpp"

#include "core/json_text.hpp"
#include "core/records.hpp"
#include "core/scenario_loader.hpp"
#include "core/session.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using haven::test::runHaven;
namespace fs = std::filesystem;

namespace {

struct Filled {
    std::string learnerId;
    std::int64_t finished = 0;
    std::int64_t running = 0;
};

// Amina finished the mini scenario on its best path and has a second attempt in progress.
Filled fill(const std::string& path) {
    std::string error;
    auto store = haven::RecordStore::open(path, error);
    REQUIRE_MESSAGE(store, error);
    auto loaded = haven::loadScenario(haven::test::source("tests/data/mini"));
    REQUIRE(loaded.ok());
    const haven::Scenario& scenario = *loaded.scenario;

    Filled filled;
    filled.learnerId = store->createLearner("Amina").id;
    haven::Attempt attempt;
    attempt.learnerId = filled.learnerId;
    attempt.scenarioId = scenario.id;
    attempt.scenarioTitle = scenario.title;
    attempt.scenarioFolder = haven::test::source("tests/data/mini");
    attempt.mode = haven::Mode::Assessment;
    attempt.seed = 1;
    filled.finished = store->startAttempt(attempt);
    haven::Session session(scenario, attempt.mode, attempt.seed);
    for (const auto& input : {haven::Input::choose("listen"), haven::Input::checklist({"ilo-retention-of-documents"}),
                              haven::Input::decide({"presumed-victim"})}) {
        session.apply(input);
        store->saveProgress(filled.finished, session.inputs(), "");
    }
    REQUIRE(session.finished());
    store->finishAttempt(filled.finished, session.inputs(), "", session.debrief());

    filled.running = store->startAttempt(attempt);
    store->saveProgress(filled.running, {haven::Input::choose(2)}, "");
    store->createLearner("Ben");
    return filled;
}

rapidjson::Document parse(const std::string& text) {
    haven::JsonParse parsed;
    haven::parseJson(text, parsed);
    REQUIRE_MESSAGE(parsed.ok, text);
    return std::move(parsed.document);
}

// HAVEN_DATA_DIR for the duration of one test; the binary inherits it.
struct DataDir {
    std::string folder = haven::test::temporaryFolder() + "/data";
    DataDir() { ::setenv("HAVEN_DATA_DIR", folder.c_str(), 1); }
    ~DataDir() { ::unsetenv("HAVEN_DATA_DIR"); }
    std::string store() const { return folder + "/records.sqlite3"; }
};

}  // namespace

TEST_CASE("haven report: no store yet") {
    DataDir data;
    auto run = runHaven("report");
    CHECK(run.status == 0);
    CHECK(run.out.find("no records yet") == 0);
    auto json = runHaven("report --json");
    CHECK(json.status == 0);
    CHECK(parse(json.out)["learners"].Size() == 0);
    CHECK_FALSE(fs::exists(data.folder));  // a report never creates a store
}

TEST_CASE("haven report: learners and their attempts") {
    DataDir data;
    Filled filled = fill(data.store());

    SUBCASE("as text") {
        auto run = runHaven("report");
        INFO(run.out << run.err);
        CHECK(run.status == 0);
        CHECK(run.out.find("Records in " + data.store()) == 0);
        CHECK(run.out.find(filled.learnerId + "  Amina") != std::string::npos);
        CHECK(run.out.find("Ben") != std::string::npos);
        CHECK(run.out.find("no attempts") == std::string::npos);
        CHECK(run.out.find("#" + std::to_string(filled.running)) < run.out.find("#" + std::to_string(filled.finished)));
        CHECK(run.out.find("in progress (1 input)") != std::string::npos);
        CHECK(run.out.find(": 100% (4/4), passed, ending end") != std::string::npos);
        CHECK(run.out.find("assessment") != std::string::npos);
    }
    SUBCASE("as JSON") {
        auto run = runHaven("report --json");
        CHECK(run.status == 0);
        auto doc = parse(run.out);
        const auto& learners = doc["learners"];
        REQUIRE(learners.Size() == 2);
        const auto& amina = learners[1];  // Ben was created last, so used most recently
        CHECK(std::string(amina["id"].GetString()) == filled.learnerId);
        CHECK(std::string(amina["display_name"].GetString()) == "Amina");
        const auto& attempts = amina["attempts"];
        REQUIRE(attempts.Size() == 2);
        CHECK(attempts[0]["id"].GetInt64() == filled.running);
        CHECK(attempts[0]["finished"].IsNull());
        CHECK(attempts[0]["scaled"].IsNull());
        CHECK(attempts[0]["inputs"].GetInt() == 1);
        const auto& done = attempts[1];
        CHECK(std::string(done["scenario"].GetString()) == "mini");
        CHECK(std::string(done["mode"].GetString()) == "assessment");
        CHECK(done["finished"].IsString());
        CHECK(done["scaled"].GetDouble() == doctest::Approx(1.0));
        CHECK(done["passed"].GetBool());
        CHECK(std::string(done["ending"].GetString()) == "end");
        CHECK(done["competencies"]["rapport"]["points"].GetInt() == 2);
        CHECK(learners[0]["attempts"].Size() == 0);
    }
    SUBCASE("--db names another store") {
        std::string elsewhere = haven::test::temporaryFolder() + "/other.sqlite3";
        fs::copy_file(data.store(), elsewhere);
        fs::remove(data.store());
        auto run = runHaven("report --json --db '" + elsewhere + "'");
        CHECK(run.status == 0);
        CHECK(parse(run.out)["learners"].Size() == 2);
    }
}

TEST_CASE("haven report: a file that is not a store, and bad usage") {
    std::string path = haven::test::temporaryFolder() + "/records.sqlite3";
    haven::test::writeText(path, "not a database at all, but someone's notes\n");
    auto run = runHaven("report --db '" + path + "'");
    CHECK(run.status == 1);
    CHECK(run.err.find(path + " is not a Haven record store") != std::string::npos);
    CHECK(haven::test::readText(path) == "not a database at all, but someone's notes\n");

    CHECK(runHaven("report --frobnicate").status == 2);
    CHECK(runHaven("report --db").status == 2);
}
