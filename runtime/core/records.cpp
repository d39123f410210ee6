// The record store in SQLite. Sections:
//   1. Errors and small wrappers (statement with bound parameters, transaction guard)
//   2. Schema and migrations, and what open() refuses (never touching a file it does not own)
//   3. Learners (pseudonymous ids from the kernel's CSPRNG)
//   4. Attempts
#include "core/records.hpp"

#include "core/json_text.hpp"
#include "core/settings.hpp"

#include <rapidjson/writer.h>
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iterator>

#include <sys/random.h>

namespace haven {
namespace {
namespace fs = std::filesystem;

// ---------------------------------------------------------------- 1. errors and wrappers

// "Haven" in ASCII, in the database header, so a foreign SQLite file is never taken for ours.
constexpr int kApplicationId = 0x48617665;
constexpr int kBusyTimeoutMs = 5000;

std::string hint(int code) {
    switch (code & 0xff) {
        case SQLITE_FULL: return " (the disk is full; free some space — what was saved before is intact)";
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN: return " (check that the file and its folder are writable)";
        default: return "";
    }
}

[[noreturn]] void fail(sqlite3* db, const std::string& path, const std::string& what) {
    int code = sqlite3_extended_errcode(db);
    throw RecordError(path + ": " + what + ": " + sqlite3_errmsg(db) + hint(code));
}

// One prepared statement; parameters are bound in order with bind(), never spliced into the SQL.
class Statement {
public:
    Statement(sqlite3* db, const std::string& path, const std::string& sql) : db_(db), path_(path) {
        if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &statement_, nullptr) != SQLITE_OK)
            fail(db_, path_, "cannot read the records");
    }
    ~Statement() { sqlite3_finalize(statement_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(const std::string& value) {
        return check(sqlite3_bind_text(statement_, ++bound_, value.data(), static_cast<int>(value.size()),
                                       SQLITE_TRANSIENT));
    }
    Statement& bind(std::int64_t value) { return check(sqlite3_bind_int64(statement_, ++bound_, value)); }
    Statement& bind(double value) { return check(sqlite3_bind_double(statement_, ++bound_, value)); }

    // True while there is a row to read.
    bool step() {
        int rc = sqlite3_step(statement_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(db_, path_, sqlite3_stmt_readonly(statement_) ? "cannot read the records" : "cannot save");
    }
    void run() {
        while (step()) {
        }
    }

    bool isNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
    std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
    double real(int column) const { return sqlite3_column_double(statement_, column); }
    std::string text(int column) const {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
        return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))) : "";
    }

private:
    Statement& check(int rc) {
        if (rc != SQLITE_OK) fail(db_, path_, "cannot prepare a query");
        return *this;
    }
    sqlite3* db_;
    const std::string& path_;
    sqlite3_stmt* statement_ = nullptr;
    int bound_ = 0;
};

void exec(sqlite3* db, const std::string& path, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, path, "cannot save");
}

// BEGIN IMMEDIATE takes the write lock up front, so two Haven windows never deadlock mid-way;
// anything but commit() rolls back.
class Transaction {
public:
    Transaction(sqlite3* db, const std::string& path) : db_(db), path_(path) { exec(db_, path_, "BEGIN IMMEDIATE"); }
    ~Transaction() {
        if (!committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        exec(db_, path_, "COMMIT");
        committed_ = true;
    }

private:
    sqlite3* db_;
    const std::string& path_;
    bool committed_ = false;
};

std::int64_t pragmaInteger(sqlite3* db, const std::string& path, const char* sql) {
    Statement statement(db, path, sql);
    return statement.step() ? statement.integer(0) : 0;
}

// ISO 8601 UTC with milliseconds, so the order of events within a second survives.
std::string nowUtc() {
    using namespace std::chrono;
    auto ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    return text + ("." + std::to_string(1000 + ms % 1000).substr(1)) + "Z";  // 1000 + keeps the zeros
}

// ---------------------------------------------------------------- 2. schema and migrations

// kMigrations[i] moves the schema from version i to i + 1. Append a step for every change;
// never edit one that has shipped, since stores in the field have already run it.
const char* const kMigrations[] = {
    R"sql(
    CREATE TABLE learners (
      id           TEXT PRIMARY KEY NOT NULL,
      display_name TEXT NOT NULL,
      created      TEXT NOT NULL,
      last_used    TEXT NOT NULL
    );
    CREATE TABLE attempts (
      id                INTEGER PRIMARY KEY,
      learner_id        TEXT NOT NULL REFERENCES learners(id),
      scenario_id       TEXT NOT NULL,
      scenario_title    TEXT NOT NULL,
      scenario_hash     TEXT NOT NULL,
      scenario_folder   TEXT NOT NULL,
      mode              TEXT NOT NULL,
      seed              INTEGER NOT NULL,
      inputs            TEXT NOT NULL,
      notes             TEXT NOT NULL,
      started           TEXT NOT NULL,
      updated           TEXT NOT NULL,
      finished          TEXT,
      raw               INTEGER,
      max               INTEGER,
      scaled            REAL,
      passed            INTEGER,
      ending            TEXT,
      competencies_json TEXT
    );
    CREATE INDEX attempts_by_learner ON attempts(learner_id, scenario_id);
    )sql",
};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

std::string untouched(const std::string& path, const std::string& why) {
    return path + " " + why + "; it was left untouched";
}

// Refuses, before anything is written, a file that is not ours: not a database, damaged, another
// program's database, or a newer schema than this build understands.
void refuseForeign(sqlite3* db, const std::string& path) {
    sqlite3_stmt* probe = nullptr;
    int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &probe, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(probe);
    std::int64_t objects = rc == SQLITE_ROW ? sqlite3_column_int64(probe, 0) : 0;
    sqlite3_finalize(probe);
    if (rc != SQLITE_ROW) {
        std::string reason = sqlite3_errmsg(db);
        int primary = rc & 0xff;
        if (primary == SQLITE_NOTADB) throw RecordError(untouched(path, "is not a Haven record store (" + reason + ")"));
        if (primary == SQLITE_CORRUPT) throw RecordError(untouched(path, "is damaged (" + reason + ")"));
        fail(db, path, "cannot open the records");
    }
    std::int64_t application = pragmaInteger(db, path, "PRAGMA application_id");
    if (application != kApplicationId && (application != 0 || objects > 0))
        throw RecordError(untouched(path, "is not a Haven record store (it is another program's database)"));
    std::int64_t version = pragmaInteger(db, path, "PRAGMA user_version");
    if (version > kSchemaVersion)
        throw RecordError(untouched(path, "was written by a newer Haven (records schema " + std::to_string(version) +
                                              "; this one reads up to " + std::to_string(kSchemaVersion) + ")"));
    if (sqlite3_db_readonly(db, "main") == 1)
        throw RecordError(path + " is read-only; Haven needs to write its records there" +
                          hint(SQLITE_READONLY));
}

void migrate(sqlite3* db, const std::string& path) {
    Transaction transaction(db, path);
    // Read again under the write lock: another Haven may have migrated since refuseForeign().
    auto version = static_cast<int>(pragmaInteger(db, path, "PRAGMA user_version"));
    if (version == kSchemaVersion) return;
    for (int step = version; step < kSchemaVersion; ++step)
        if (sqlite3_exec(db, kMigrations[step], nullptr, nullptr, nullptr) != SQLITE_OK)
            fail(db, path, "cannot upgrade the records to schema " + std::to_string(step + 1));
    // PRAGMA takes no bound parameters; these are integers of ours, not user data.
    std::string stamp = "PRAGMA user_version = " + std::to_string(kSchemaVersion) +
                        "; PRAGMA application_id = " + std::to_string(kApplicationId);
    exec(db, path, stamp.c_str());
    transaction.commit();
}

void prepareStore(sqlite3* db, const std::string& path) {
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    refuseForeign(db, path);
    // WAL: readers never block the writer. synchronous=FULL: a commit survives power loss too,
    // which is what "every input is written before the app shows its result" promises.
    exec(db, path, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
    migrate(db, path);
}

// ---------------------------------------------------------------- 3. learners

// No 0/O, 1/I/L: an id is read aloud and typed back by people.
constexpr char kIdAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
constexpr unsigned kIdAlphabetSize = sizeof kIdAlphabet - 1;

char randomIdCharacter() {
    // Rejection sampling keeps every character equally likely.
    constexpr unsigned limit = 256 - 256 % kIdAlphabetSize;
    for (;;) {
        unsigned char byte = 0;
        if (::getrandom(&byte, 1, 0) != 1) continue;  // EINTR; the pool never runs dry after boot
        if (byte < limit) return kIdAlphabet[byte % kIdAlphabetSize];
    }
}

std::string newLearnerId() {
    std::string id = "L-";
    for (int i = 0; i < 8; ++i) {
        if (i == 4) id += '-';
        id += randomIdCharacter();
    }
    return id;
}

std::string trimmed(const std::string& text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string upper(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

// Every query of learners reads these columns in this order (readLearner depends on it).
std::string learnerQuery(const char* rest) {
    return std::string("SELECT id, display_name, created, last_used FROM learners ") + rest;
}

Learner readLearner(const Statement& row) {
    return {row.text(0), row.text(1), row.text(2), row.text(3)};
}

// ---------------------------------------------------------------- 4. attempts

std::string competenciesJson(const Debrief& debrief) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    for (const auto& c : debrief.competencies) {
        writer.Key(c.id.c_str(), static_cast<rapidjson::SizeType>(c.id.size()));
        writer.StartObject();
        writer.Key("points");
        writer.Int(c.points);
        writer.Key("max");
        writer.Int(c.max);
        writer.EndObject();
    }
    writer.EndObject();
    return buffer.GetString();
}

// Every query of attempts reads these columns in this order (readAttempt depends on it).
std::string attemptQuery(const char* rest) {
    return std::string("SELECT id, learner_id, scenario_id, scenario_title, scenario_hash, scenario_folder, mode,"
                       " seed, inputs, notes, started, updated, finished, raw, max, scaled, passed, ending,"
                       " competencies_json FROM attempts ") +
           rest;
}

Attempt readAttempt(const Statement& row, const std::string& path) {
    Attempt a;
    a.id = row.integer(0);
    a.learnerId = row.text(1);
    a.scenarioId = row.text(2);
    a.scenarioTitle = row.text(3);
    a.scenarioHash = row.text(4);
    a.scenarioFolder = row.text(5);
    a.mode = modeFromString(row.text(6)).value_or(Mode::Practice);
    a.seed = static_cast<std::uint64_t>(row.integer(7));  // stored as its 64-bit pattern
    Diagnostics diagnostics;
    std::string where = path + " (attempt " + std::to_string(a.id) + ")";
    if (!parseInputs(row.text(8), where, a.inputs, diagnostics))
        throw RecordError(where + ": the stored inputs are damaged: " +
                          (diagnostics.empty() ? std::string("unreadable") : format(diagnostics.front())));
    a.notes = row.text(9);
    a.started = row.text(10);
    a.updated = row.text(11);
    a.finished = row.text(12);
    if (!row.isNull(12)) {
        AttemptScore score;
        score.raw = static_cast<int>(row.integer(13));
        score.max = static_cast<int>(row.integer(14));
        score.scaled = row.real(15);
        score.passed = row.integer(16) != 0;
        score.ending = row.text(17);
        score.competenciesJson = row.text(18);
        a.score = std::move(score);
    }
    return a;
}

std::vector<Attempt> readAttempts(Statement& statement, const std::string& path) {
    std::vector<Attempt> out;
    while (statement.step()) out.push_back(readAttempt(statement, path));
    return out;
}

// Progress is saved only while an attempt runs: inputs saved after the finish would no longer
// match its score. Finishing again is allowed (the player saves notes written in the debrief).
void requireAttempt(sqlite3* db, const std::string& path, std::int64_t attemptId, bool inProgress) {
    Statement statement(db, path, "SELECT finished IS NOT NULL FROM attempts WHERE id = ?");
    statement.bind(attemptId);
    std::string what = std::string("cannot ") + (inProgress ? "save" : "finish") + " attempt " +
                       std::to_string(attemptId);
    if (!statement.step()) throw RecordError(path + ": " + what + ": there is no such attempt");
    if (inProgress && statement.integer(0) != 0) throw RecordError(path + ": " + what + ": it is already finished");
}

}  // namespace

// ---------------------------------------------------------------- the store

RecordStore::RecordStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

RecordStore::~RecordStore() {
    sqlite3_close_v2(db_);
}

std::string RecordStore::defaultPath() {
    return userFolder(UserFolder::Data) + "/records.sqlite3";
}

std::unique_ptr<RecordStore> RecordStore::open(const std::string& path, std::string& error) {
    fs::path folder = fs::path(path).parent_path();
    std::error_code ec;
    if (!folder.empty() && !fs::is_directory(folder, ec) && !fs::create_directories(folder, ec) && ec) {
        error = path + ": cannot create the folder " + folder.string() + ": " + ec.message();
        return nullptr;
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<RecordStore> store(new RecordStore(db, path));  // closes `db` whatever happens next
    if (rc != SQLITE_OK) {
        error = path + ": cannot open: " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) + hint(rc);
        return nullptr;
    }
    try {
        prepareStore(db, path);
    } catch (const RecordError& e) {
        error = e.what();
        return nullptr;
    }
    return store;
}

Learner RecordStore::createLearner(const std::string& displayName) {
    Learner learner{newLearnerId(), trimmed(displayName), nowUtc(), {}};
    learner.lastUsed = learner.created;
    Transaction transaction(db_, path_);
    // 31^8 ids make a clash vanishingly rare, but a clash must never merge two people's records.
    while (Statement(db_, path_, "SELECT 1 FROM learners WHERE id = ?").bind(learner.id).step())
        learner.id = newLearnerId();
    Statement(db_, path_, "INSERT INTO learners (id, display_name, created, last_used) VALUES (?, ?, ?, ?)")
        .bind(learner.id)
        .bind(learner.displayName)
        .bind(learner.created)
        .bind(learner.lastUsed)
        .run();
    transaction.commit();
    return learner;
}

std::vector<Learner> RecordStore::learners() {
    Statement statement(db_, path_, learnerQuery("ORDER BY last_used DESC, rowid DESC"));
    std::vector<Learner> out;
    while (statement.step()) out.push_back(readLearner(statement));
    return out;
}

std::optional<Learner> RecordStore::findLearner(const std::string& idOrDisplayName) {
    std::string wanted = trimmed(idOrDisplayName);
    // An id first (typed back in any case), then a display name; of namesakes, the latest used.
    Statement statement(db_, path_,
                        learnerQuery("WHERE id = ? OR display_name = ? ORDER BY id = ? DESC, last_used DESC, rowid DESC"
                                     " LIMIT 1"));
    statement.bind(upper(wanted)).bind(wanted).bind(upper(wanted));
    if (!statement.step()) return std::nullopt;
    return readLearner(statement);
}

void RecordStore::touchLearner(const std::string& learnerId) {
    Transaction transaction(db_, path_);
    Statement(db_, path_, "UPDATE learners SET last_used = ? WHERE id = ?").bind(nowUtc()).bind(learnerId).run();
    transaction.commit();
}

std::int64_t RecordStore::startAttempt(const Attempt& attempt) {
    std::string now = nowUtc();
    Transaction transaction(db_, path_);
    if (!Statement(db_, path_, "SELECT 1 FROM learners WHERE id = ?").bind(attempt.learnerId).step())
        throw RecordError(path_ + ": cannot start an attempt: no learner '" + attempt.learnerId + "'");
    Statement(db_, path_,
              "INSERT INTO attempts (learner_id, scenario_id, scenario_title, scenario_hash, scenario_folder, mode,"
              " seed, inputs, notes, started, updated) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)")
        .bind(attempt.learnerId)
        .bind(attempt.scenarioId)
        .bind(attempt.scenarioTitle)
        .bind(attempt.scenarioHash)
        .bind(attempt.scenarioFolder)
        .bind(std::string(toString(attempt.mode)))
        .bind(static_cast<std::int64_t>(attempt.seed))
        .bind(attempt.notes)
        .bind(now)
        .bind(now)
        .run();
    std::int64_t id = sqlite3_last_insert_rowid(db_);
    Statement(db_, path_, "UPDATE learners SET last_used = ? WHERE id = ?").bind(now).bind(attempt.learnerId).run();
    transaction.commit();
    return id;
}

void RecordStore::saveProgress(std::int64_t attemptId, const std::vector<Input>& inputs, const std::string& notes) {
    Transaction transaction(db_, path_);
    requireAttempt(db_, path_, attemptId, true);
    Statement(db_, path_, "UPDATE attempts SET inputs = ?, notes = ?, updated = ? WHERE id = ?")
        .bind(inputsToJson(inputs))
        .bind(notes)
        .bind(nowUtc())
        .bind(attemptId)
        .run();
    transaction.commit();
}

void RecordStore::finishAttempt(std::int64_t attemptId, const std::vector<Input>& inputs, const std::string& notes,
                                const Debrief& debrief) {
    std::string now = nowUtc();
    Transaction transaction(db_, path_);
    requireAttempt(db_, path_, attemptId, false);
    Statement(db_, path_,
              "UPDATE attempts SET inputs = ?, notes = ?, updated = ?, finished = coalesce(finished, ?), raw = ?, max = ?, scaled = ?,"
              " passed = ?, ending = ?, competencies_json = ? WHERE id = ?")
        .bind(inputsToJson(inputs))
        .bind(notes)
        .bind(now)
        .bind(now)
        .bind(std::int64_t{debrief.raw})
        .bind(std::int64_t{debrief.max})
        .bind(debrief.scaled)
        .bind(std::int64_t{debrief.passed ? 1 : 0})
        .bind(debrief.ending)
        .bind(competenciesJson(debrief))
        .bind(attemptId)
        .run();
    transaction.commit();
}

std::optional<Attempt> RecordStore::attempt(std::int64_t attemptId) {
    Statement statement(db_, path_, attemptQuery("WHERE id = ?"));
    statement.bind(attemptId);
    if (!statement.step()) return std::nullopt;
    return readAttempt(statement, path_);
}

std::vector<Attempt> RecordStore::attempts(const std::string& learnerId) {
    Statement statement(db_, path_, attemptQuery("WHERE learner_id = ? ORDER BY id DESC"));
    statement.bind(learnerId);
    return readAttempts(statement, path_);
}

std::vector<Attempt> RecordStore::allAttempts() {
    Statement statement(db_, path_, attemptQuery("ORDER BY id DESC"));
    return readAttempts(statement, path_);
}

std::optional<Attempt> RecordStore::unfinished(const std::string& learnerId, const std::string& scenarioId) {
    Statement statement(db_, path_,
                        attemptQuery("WHERE learner_id = ? AND scenario_id = ? AND finished IS NULL"
                                     " ORDER BY id DESC LIMIT 1"));
    statement.bind(learnerId).bind(scenarioId);
    if (!statement.step()) return std::nullopt;
    return readAttempt(statement, path_);
}

}  // namespace haven
