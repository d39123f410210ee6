#include "core/scenario_cache.hpp"

#include "core/atomic_file.hpp"
#include "core/json_text.hpp"
#include "core/settings.hpp"

#include <cereal/archives/binary.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/variant.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace haven {
namespace fs = std::filesystem;

template <class Archive>
void serialize(Archive& ar, Competency& c) {
    ar(c.id, c.name, c.description);
}

template <class Archive>
void serialize(Archive& ar, Indicator& i) {
    ar(i.id, i.text, i.category, i.source);
}

template <class Archive>
void serialize(Archive& ar, Character& c) {
    ar(c.id, c.name, c.role, c.portraits);
}

template <class Archive>
void serialize(Archive& ar, Choice& c) {
    ar(c.id, c.text, c.goTo, c.condition, c.effect, c.scores, c.feedback, c.reveals, c.reference);
}

template <class Archive>
void serialize(Archive& ar, Option& o) {
    ar(o.id, o.text, o.correct, o.goTo, o.scores, o.feedback, o.reference);
}

template <class Archive>
void serialize(Archive& ar, EditorPosition& p) {
    ar(p.x, p.y);
}

template <class Archive>
void serialize(Archive& ar, Node& n) {
    ar(n.id, n.type, n.speaker, n.mood, n.text, n.onEnter, n.reveals, n.choices, n.prompt, n.goTo, n.items,
       n.expected, n.competency, n.multiple, n.options, n.outcome, n.feedback, n.position);
}

namespace {

// Bump whenever the model or this layout changes: an old snapshot then simply misses.
constexpr const char* kMagic = "haven-snapshot-4";
constexpr std::size_t kMaxSnapshotBytes = 256u << 20;
constexpr std::size_t kSnapshotsKept = 32;

// Scenario or const Scenario: one list of fields for writing and reading.
template <class Archive, class S>
void fields(Archive& ar, S& s) {
    ar(s.version, s.id, s.title, s.summary, s.language, s.audience, s.estimatedMinutes, s.contentNotes, s.passMark,
       s.start, s.competencies, s.indicators, s.characters, s.variables, s.script, s.scriptText, s.contentHash,
       s.nodes);
}

// Hashes in fixed pieces, so that a file can be hashed as it is read, without holding all of it:
// opening from a snapshot then never has the whole JSON text in memory.
constexpr std::size_t kPiece = 1u << 20;

std::string hashOf(std::string_view bytes) {
    ContentHash hash;
    for (std::size_t at = 0; at < bytes.size(); at += kPiece) hash.add(bytes.substr(at, kPiece));
    return hash.hex();
}

// The same over the rest of a stream; false when it is longer than `limit` or cannot be read.
bool hashStream(std::istream& in, std::size_t limit, std::string& hex) {
    ContentHash hash;
    std::string piece(kPiece, '\0');
    std::size_t total = 0;
    while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0) {
        total += static_cast<std::size_t>(in.gcount());
        if (total > limit) return false;
        hash.add(std::string_view(piece.data(), static_cast<std::size_t>(in.gcount())));
    }
    hex = hash.hex();
    return !in.bad();
}

fs::path scenarioFile(const std::string& path) {
    std::error_code ec;
    bool isFile = fs::is_regular_file(path, ec) || fs::path(path).extension() == ".json";
    return isFile ? fs::path(path) : fs::path(path) / "scenario.json";
}

// The snapshot's script must still be what is on disk beside the scenario.
bool scriptUnchanged(const Scenario& scenario, const std::string& scriptHash) {
    if (scenario.script.empty()) return scriptHash == hashOf("");
    std::string text, error;
    if (!readFileCapped((fs::path(scenario.folder) / scenario.script).string(), kMaxFileBytes, text, error))
        return false;
    return hashOf(text) == scriptHash;
}

// Keeps the newest snapshots: each edit of a scenario makes a new one.
void prune(const fs::path& folder) {
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".snapshot") files.emplace_back(entry.last_write_time(ec), entry.path());
    if (files.size() <= kSnapshotsKept) return;
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = kSnapshotsKept; i < files.size(); ++i) fs::remove(files[i].second, ec);
}

}  // namespace

std::string snapshotOf(const Scenario& scenario, const std::string& jsonHash, const std::string& scriptHash) {
    std::ostringstream payload;
    {
        cereal::BinaryOutputArchive ar(payload);
        fields(ar, scenario);
    }
    std::string body = payload.str();
    std::ostringstream out;
    {
        cereal::BinaryOutputArchive ar(out);
        ar(std::string(kMagic), kFormatVersion, jsonHash, scriptHash, hashOf(body));
    }
    return out.str() + body;
}

namespace {

// Reads a snapshot from `in`: the header, then the body's checksum over the rest of the stream,
// then the body itself. Never holds the whole file in memory.
bool readSnapshotStream(std::istream& in, std::size_t limit, const std::string& jsonHash, Scenario& scenario,
                        std::string& scriptHash) {
    try {
        cereal::BinaryInputArchive ar(in);
        std::string magic, storedJsonHash, bodyHash, actualBodyHash;
        int version = 0;
        ar(magic);
        if (magic != kMagic) return false;
        ar(version, storedJsonHash, scriptHash, bodyHash);
        if (version != kFormatVersion || storedJsonHash != jsonHash) return false;
        std::streampos bodyStart = in.tellg();
        if (!hashStream(in, limit, actualBodyHash) || actualBodyHash != bodyHash) return false;
        in.clear();
        in.seekg(bodyStart);
        fields(ar, scenario);
        return in.peek() == std::char_traits<char>::eof();
    } catch (const std::exception&) {  // truncated, or a length no memory can hold
        return false;
    }
}

}  // namespace

bool readSnapshot(const std::string& bytes, const std::string& jsonHash, Scenario& scenario, std::string& scriptHash) {
    std::istringstream in(bytes);
    return readSnapshotStream(in, bytes.size(), jsonHash, scenario, scriptHash);
}

LoadResult openForPlay(const std::string& path, const std::string& cacheFolder) {
    fs::path file = scenarioFile(path);
    std::string folder = file.has_parent_path() ? file.parent_path().string() : std::string(".");
    std::string jsonHash, scriptHash, text, error;
    std::ifstream json(file, std::ios::binary);
    if (json && hashStream(json, kMaxFileBytes, jsonHash)) {
        fs::path snapshotPath = fs::path(cacheFolder) / (jsonHash + ".snapshot");
        std::ifstream snapshot(snapshotPath, std::ios::binary);
        Scenario cached;
        cached.file = file.string();
        cached.folder = folder;
        if (snapshot && readSnapshotStream(snapshot, kMaxSnapshotBytes, jsonHash, cached, scriptHash) &&
            scriptUnchanged(cached, scriptHash)) {
            cached.buildIndex();
            LoadResult result;
            result.scenario = std::move(cached);
            return result;
        }
    }
    if (!readFileCapped(file.string(), kMaxFileBytes, text, error)) {
        LoadResult result;
        result.diagnostics.push_back({Severity::Error, file.string(), "", 0, 0, error});
        return result;
    }
    jsonHash = hashOf(text);
    fs::path snapshotPath = fs::path(cacheFolder) / (jsonHash + ".snapshot");
    ValidateOptions structure;
    structure.scripts = false;
    structure.assets = false;
    LoadResult result = loadScenarioText(text, file.string(), folder, structure);
    if (result.ok()) {
        std::error_code ec;
        fs::create_directories(cacheFolder, ec);
        // Best effort: a cache that cannot be written only means the next open parses again.
        std::string snapshot = snapshotOf(*result.scenario, jsonHash, hashOf(result.scenario->scriptText));
        if (writeFileAtomically(snapshotPath.string(), snapshot, error)) prune(cacheFolder);
    }
    return result;
}

LoadResult openForPlay(const std::string& path) {
    return openForPlay(path, (fs::path(userFolder(UserFolder::Cache)) / "scenarios").string());
}

}  // namespace haven
