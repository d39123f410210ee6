// The record store: learners and their attempts, in SQLite (WAL mode) in the user's data folder.
//
// An attempt is stored as what a Session is a pure function of — scenario id and content hash,
// mode, seed and the list of inputs — so resuming replays the inputs and a debrief can always be
// recomputed. Every input is written in its own transaction before the app shows its result, so
// a crash or power loss loses nothing the trainee already saw confirmed.
#pragma once

#include "core/debrief.hpp"
#include "core/input.hpp"
#include "core/session.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace haven {

struct Learner {
    std::string id;           // pseudonymous, generated: "L-7F3K-Q9XD"
    std::string displayName;  // what the learner typed; may be a nickname
    std::string created;      // ISO 8601 UTC
    std::string lastUsed;     // ISO 8601 UTC
};

struct AttemptScore {
    int raw = 0;
    int max = 0;
    double scaled = 0.0;
    bool passed = false;
    std::string ending;
    std::string competenciesJson;  // {"id": {"points": n, "max": n}}, from the debrief
};

struct Attempt {
    std::int64_t id = 0;
    std::string learnerId;
    std::string scenarioId;
    std::string scenarioTitle;
    std::string scenarioHash;
    std::string scenarioFolder;   // where it was played from, to reopen it
    Mode mode = Mode::Practice;
    std::uint64_t seed = 0;
    std::vector<Input> inputs;
    std::string notes;            // the officer's notebook
    std::string started;          // ISO 8601 UTC
    std::string updated;
    std::string finished;         // empty while in progress
    std::optional<AttemptScore> score;  // set when finished
};

class RecordStore {
public:
    // Opens (creating the file, folders and schema as needed) the store at `path`. On failure
    // returns nullptr with a message naming the file and the reason (corrupt, not a database,
    // read-only, disk full).
    static std::unique_ptr<RecordStore> open(const std::string& path, std::string& error);
    ~RecordStore();

    // $XDG_DATA_HOME/haven/records.sqlite3, else ~/.local/share/haven/records.sqlite3;
    // $HAVEN_DATA_DIR/records.sqlite3 when that is set (tests, portable installs).
    static std::string defaultPath();

    // All of these throw RecordError (a std::runtime_error naming the file) when SQLite fails.
    Learner createLearner(const std::string& displayName);
    std::vector<Learner> learners();                       // most recently used first
    std::optional<Learner> findLearner(const std::string& idOrDisplayName);
    void touchLearner(const std::string& learnerId);       // marks as last used

    std::int64_t startAttempt(const Attempt& attempt);     // id, inputs and score ignored
    void saveProgress(std::int64_t attemptId, const std::vector<Input>& inputs, const std::string& notes);
    void finishAttempt(std::int64_t attemptId, const std::vector<Input>& inputs, const std::string& notes,
                       const Debrief& debrief);
    std::optional<Attempt> attempt(std::int64_t attemptId);
    std::vector<Attempt> attempts(const std::string& learnerId);  // newest first
    std::vector<Attempt> allAttempts();                           // for reports
    // The newest unfinished attempt of this learner at this scenario, for "Continue".
    std::optional<Attempt> unfinished(const std::string& learnerId, const std::string& scenarioId);

private:
    explicit RecordStore(sqlite3* db, std::string path);
    sqlite3* db_;
    std::string path_;
};

class RecordError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace haven
