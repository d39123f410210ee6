// The record store: learners, attempts, reopening, refusing files that are not ours, and keeping
// every confirmed input through a crash.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "core/records.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace haven;
namespace fs = std::filesystem;

namespace {

std::string storePath() {
    return test::temporaryFolder() + "/records.sqlite3";
}

std::unique_ptr<RecordStore> openStore(const std::string& path) {
    std::string error;
    auto store = RecordStore::open(path, error);
    INFO(error);
    REQUIRE(store);
    CHECK(error.empty());
    return store;
}

Attempt newAttempt(const std::string& learnerId, const std::string& scenarioId = "tutorial") {
    Attempt a;
    a.learnerId = learnerId;
    a.scenarioId = scenarioId;
    a.scenarioTitle = "Tutorial: a first conversation";
    a.scenarioHash = "sha256:0123abcd";
    a.scenarioFolder = "/opt/haven/scenarios/" + scenarioId;
    a.mode = Mode::Assessment;
    a.seed = 0xfedcba9876543210ull;  // above INT64_MAX: stored as its bit pattern
    a.notes = "arrived by van";
    return a;
}

Debrief finishedDebrief() {
    Debrief d;
    d.ending = "safe-referral";
    d.raw = 17;
    d.max = 20;
    d.scaled = 0.85;
    d.passed = true;
    d.competencies = {{"rapport", "Rapport", 9, 10}, {"identification", "Identification", 8, 10}};
    return d;
}

const std::vector<Input> kInputs = {Input::choose(2), Input::choose("ask-open"),
                                    Input::checklist({"ilo-deception", "ilo-debt"}), Input::checklist({}),
                                    Input::decide({"presumed-victim"}), Input::choose("ünïcode-id \"quoted\"")};

bool wellFormedId(const std::string& id) {
    const std::string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    if (id.size() != 11 || id.rfind("L-", 0) != 0 || id[6] != '-') return false;
    for (std::size_t i : {2u, 3u, 4u, 5u, 7u, 8u, 9u, 10u})
        if (alphabet.find(id[i]) == std::string::npos) return false;
    return true;
}

void waitAMoment() {
    std::this_thread::sleep_for(std::chrono::milliseconds(3));  // timestamps have millisecond resolution
}

}  // namespace

TEST_CASE("learners: create, find, list most recently used first, touch") {
    auto store = openStore(storePath());
    CHECK(store->learners().empty());
    Learner amina = store->createLearner("  Amina  ");
    CHECK(wellFormedId(amina.id));
    CHECK(amina.displayName == "Amina");
    CHECK(amina.created == amina.lastUsed);
    CHECK(amina.created.size() == 24);  // 2024-05-01T12:34:56.789Z
    CHECK(amina.created.back() == 'Z');
    waitAMoment();
    Learner ben = store->createLearner("Ben");

    SUBCASE("found by id in any case, and by display name") {
        CHECK(store->findLearner(amina.id)->displayName == "Amina");
        std::string lower = amina.id;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(store->findLearner(lower)->id == amina.id);
        CHECK(store->findLearner("Ben")->id == ben.id);
        CHECK_FALSE(store->findLearner("Carol"));
        CHECK_FALSE(store->findLearner(""));
    }
    SUBCASE("most recently used first; touching moves a learner up") {
        auto list = store->learners();
        REQUIRE(list.size() == 2);
        CHECK(list[0].id == ben.id);
        waitAMoment();
        store->touchLearner(amina.id);
        list = store->learners();
        CHECK(list[0].id == amina.id);
        CHECK(list[0].lastUsed > list[0].created);
    }
    SUBCASE("namesakes: the one used last") {
        waitAMoment();
        Learner second = store->createLearner("Amina");
        CHECK(store->findLearner("Amina")->id == second.id);
        CHECK(store->findLearner(amina.id)->id == amina.id);
    }
}

TEST_CASE("learner ids are unique and well formed") {
    auto store = openStore(storePath());
    std::set<std::string> ids;
    for (int i = 0; i < 300; ++i) {
        Learner learner = store->createLearner("Learner " + std::to_string(i));
        INFO(learner.id);
        CHECK(wellFormedId(learner.id));
        ids.insert(learner.id);
    }
    CHECK(ids.size() == 300);
    CHECK(store->learners().size() == 300);
}

TEST_CASE("attempts: start, save progress, finish, unfinished, newest first") {
    auto store = openStore(storePath());
    Learner learner = store->createLearner("Amina");
    std::int64_t first = store->startAttempt(newAttempt(learner.id));
    CHECK(first > 0);

    auto fresh = store->attempt(first);
    REQUIRE(fresh);
    CHECK(fresh->learnerId == learner.id);
    CHECK(fresh->scenarioTitle == "Tutorial: a first conversation");
    CHECK(fresh->scenarioHash == "sha256:0123abcd");
    CHECK(fresh->scenarioFolder == "/opt/haven/scenarios/tutorial");
    CHECK(fresh->mode == Mode::Assessment);
    CHECK(fresh->seed == 0xfedcba9876543210ull);
    CHECK(fresh->inputs.empty());
    CHECK(fresh->notes == "arrived by van");
    CHECK(fresh->finished.empty());
    CHECK_FALSE(fresh->score);
    CHECK(store->unfinished(learner.id, "tutorial")->id == first);
    CHECK_FALSE(store->unfinished(learner.id, "market"));

    store->saveProgress(first, {Input::choose(1)}, "notes 1");
    store->saveProgress(first, kInputs, "notes 2");
    auto saved = store->attempt(first);
    CHECK(saved->inputs == kInputs);
    CHECK(saved->notes == "notes 2");
    CHECK(saved->updated >= saved->started);

    store->finishAttempt(first, kInputs, "final notes", finishedDebrief());
    auto done = store->attempt(first);
    REQUIRE(done->score);
    CHECK_FALSE(done->finished.empty());
    CHECK(done->notes == "final notes");
    CHECK(done->score->raw == 17);
    CHECK(done->score->max == 20);
    CHECK(done->score->scaled == doctest::Approx(0.85));
    CHECK(done->score->passed);
    CHECK(done->score->ending == "safe-referral");
    CHECK(done->score->competenciesJson ==
          R"({"rapport":{"points":9,"max":10},"identification":{"points":8,"max":10}})");
    CHECK_FALSE(store->unfinished(learner.id, "tutorial"));

    std::int64_t second = store->startAttempt(newAttempt(learner.id, "market"));
    std::int64_t third = store->startAttempt(newAttempt(learner.id, "market"));
    CHECK(store->unfinished(learner.id, "market")->id == third);
    Learner other = store->createLearner("Ben");
    std::int64_t others = store->startAttempt(newAttempt(other.id));

    auto mine = store->attempts(learner.id);
    REQUIRE(mine.size() == 3);
    CHECK(mine[0].id == third);
    CHECK(mine[1].id == second);
    CHECK(mine[2].id == first);
    auto all = store->allAttempts();
    REQUIRE(all.size() == 4);
    CHECK(all[0].id == others);
    CHECK_FALSE(store->attempt(9999));
}

TEST_CASE("mistakes are RecordErrors naming the file") {
    std::string path = storePath();
    auto store = openStore(path);
    Learner learner = store->createLearner("Amina");
    std::int64_t id = store->startAttempt(newAttempt(learner.id));
    store->finishAttempt(id, kInputs, "", finishedDebrief());

    CHECK_THROWS_WITH_AS(store->startAttempt(newAttempt("L-NOPE-NOPE")), doctest::Contains(path.c_str()), RecordError);
    CHECK_THROWS_WITH_AS(store->saveProgress(9999, kInputs, ""), doctest::Contains("no such attempt"), RecordError);
    CHECK_THROWS_WITH_AS(store->saveProgress(id, {}, ""), doctest::Contains("already finished"), RecordError);
    CHECK_THROWS_WITH_AS(store->finishAttempt(9999, {}, "", finishedDebrief()), doctest::Contains(path.c_str()),
                         RecordError);
    // A refused write changes nothing.
    CHECK(store->attempt(id)->inputs == kInputs);
}

TEST_CASE("finishing again keeps the finish time and saves the notes written in the debrief") {
    auto store = openStore(storePath());
    std::int64_t id = store->startAttempt(newAttempt(store->createLearner("Amina").id));
    store->finishAttempt(id, kInputs, "", finishedDebrief());
    std::string finishedAt = store->attempt(id)->finished;
    waitAMoment();
    store->finishAttempt(id, kInputs, "remember the interpreter", finishedDebrief());
    auto again = store->attempt(id);
    CHECK(again->finished == finishedAt);
    CHECK(again->updated > finishedAt);
    CHECK(again->notes == "remember the interpreter");
    CHECK(again->score->ending == "safe-referral");
}

TEST_CASE("reopening the file shows everything that was written") {
    std::string path = test::temporaryFolder() + "/nested/folders/records.sqlite3";
    std::string learnerId;
    std::int64_t finished = 0, running = 0;
    {
        auto store = openStore(path);  // creates the folders
        learnerId = store->createLearner("Amina").id;
        finished = store->startAttempt(newAttempt(learnerId));
        store->finishAttempt(finished, kInputs, "done", finishedDebrief());
        running = store->startAttempt(newAttempt(learnerId, "market"));
        store->saveProgress(running, {Input::choose(3), Input::decide({"refer"})}, "halfway");
    }
    auto store = openStore(path);
    REQUIRE(store->learners().size() == 1);
    CHECK(store->learners()[0].id == learnerId);
    auto done = store->attempt(finished);
    REQUIRE(done);
    CHECK(done->inputs == kInputs);
    REQUIRE(done->score);
    CHECK(done->score->ending == "safe-referral");
    auto inProgress = store->unfinished(learnerId, "market");
    REQUIRE(inProgress);
    CHECK(inProgress->id == running);
    CHECK(inProgress->inputs == std::vector<Input>{Input::choose(3), Input::decide({"refer"})});
    CHECK(inProgress->notes == "halfway");
}

TEST_CASE("a file that is not a Haven record store is refused and left untouched") {
    std::string folder = test::temporaryFolder();
    std::string path = folder + "/records.sqlite3";
    std::string error;

    SUBCASE("not a database") {
        std::string text;
        for (int i = 0; i < 200; ++i) text += "my notes, line " + std::to_string(i) + "\n";
        test::writeText(path, text);
        CHECK_FALSE(RecordStore::open(path, error));
        CHECK(error == path + " is not a Haven record store (file is not a database); it was left untouched");
        CHECK(test::readText(path) == text);
        CHECK_FALSE(fs::exists(path + "-wal"));
        CHECK_FALSE(fs::exists(path + "-journal"));
    }

    // The header fields are big-endian at fixed offsets (sqlite.org/fileformat.html): user_version
    // at 60, application_id at 68. Patching them stands in for a newer Haven or another program.
    auto patchHeader = [&](std::size_t offset, unsigned char byte) {
        { openStore(path)->createLearner("Amina"); }  // closing the last connection checkpoints the WAL
        REQUIRE_FALSE(fs::exists(path + "-wal"));
        std::string bytes = test::readText(path);
        REQUIRE(bytes.size() > offset + 3);
        bytes[offset + 3] = static_cast<char>(byte);
        test::writeText(path, bytes);
        return bytes;
    };
    SUBCASE("a newer schema") {
        std::string bytes = patchHeader(60, 99);
        CHECK_FALSE(RecordStore::open(path, error));
        CHECK(error.find(path + " was written by a newer Haven (records schema 99") == 0);
        CHECK(error.find("left untouched") != std::string::npos);
        CHECK(test::readText(path) == bytes);
    }
    SUBCASE("another program's database") {
        std::string bytes = patchHeader(68, 0x01);
        CHECK_FALSE(RecordStore::open(path, error));
        CHECK(error == path + " is not a Haven record store (it is another program's database); it was left untouched");
        CHECK(test::readText(path) == bytes);
    }
    SUBCASE("a damaged page") {
        std::string bytes = patchHeader(60, 1);  // the schema version it already has
        // Overwrite the schema page (page 1, after the 100-byte header) with noise.
        for (std::size_t i = 100; i < 4096 && i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
        test::writeText(path, bytes);
        CHECK_FALSE(RecordStore::open(path, error));
        CHECK(error.find(path) == 0);
        CHECK(error.find("left untouched") != std::string::npos);
        CHECK(test::readText(path) == bytes);
    }
}

TEST_CASE("a read-only store is reported, naming the file") {
    if (::geteuid() == 0) {
        MESSAGE("skipped: root ignores file permissions");
        return;
    }
    std::string path = storePath();
    { openStore(path)->createLearner("Amina"); }
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    std::string error;
    CHECK_FALSE(RecordStore::open(path, error));
    CHECK(error.find(path) == 0);
    CHECK(error.find("read-only") != std::string::npos);
}

TEST_CASE("a crash loses no input that was confirmed saved") {
    std::string path = storePath();
    std::int64_t attemptId = 0;
    {
        auto store = openStore(path);
        attemptId = store->startAttempt(newAttempt(store->createLearner("Amina").id));
    }  // closed before fork: a SQLite connection must not cross a fork
    int pipeFds[2];
    REQUIRE(::pipe(pipeFds) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child saves one more input at a time and reports each save once it has returned.
        ::close(pipeFds[0]);
        std::string error;
        auto store = RecordStore::open(path, error);
        if (!store) ::_exit(2);
        std::vector<Input> inputs;
        for (int i = 1; i < 100000; ++i) {
            inputs.push_back(Input::choose(i));
            try {
                store->saveProgress(attemptId, inputs, "note " + std::to_string(i));
            } catch (...) {
                ::_exit(3);
            }
            if (::write(pipeFds[1], &i, sizeof i) != sizeof i) ::_exit(4);
        }
        ::_exit(0);
    }
    ::close(pipeFds[1]);
    int confirmed = 0;
    while (confirmed < 25) {
        int value = 0;
        if (::read(pipeFds[0], &value, sizeof value) != sizeof value) break;
        confirmed = value;
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(pipeFds[0]);
    REQUIRE(confirmed == 25);
    CHECK(WIFSIGNALED(status));

    auto store = openStore(path);
    auto attempt = store->attempt(attemptId);
    REQUIRE(attempt);
    INFO("confirmed " << confirmed << ", stored " << attempt->inputs.size());
    REQUIRE(attempt->inputs.size() >= static_cast<std::size_t>(confirmed));
    for (std::size_t i = 0; i < attempt->inputs.size(); ++i) CHECK(attempt->inputs[i] == Input::choose(int(i) + 1));
    CHECK(attempt->notes == "note " + std::to_string(attempt->inputs.size()));
}

TEST_CASE("defaultPath: HAVEN_DATA_DIR, then XDG_DATA_HOME, then ~/.local/share") {
    ::setenv("HAVEN_DATA_DIR", "/tmp/haven-data", 1);
    CHECK(RecordStore::defaultPath() == "/tmp/haven-data/records.sqlite3");
    ::unsetenv("HAVEN_DATA_DIR");
    ::setenv("XDG_DATA_HOME", "/xdg/data", 1);
    CHECK(RecordStore::defaultPath() == "/xdg/data/haven/records.sqlite3");
    ::setenv("XDG_DATA_HOME", "relative/is/ignored", 1);
    std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
    ::setenv("HOME", "/home/someone", 1);
    CHECK(RecordStore::defaultPath() == "/home/someone/.local/share/haven/records.sqlite3");
    ::unsetenv("XDG_DATA_HOME");
    ::setenv("HOME", home.c_str(), 1);
}
