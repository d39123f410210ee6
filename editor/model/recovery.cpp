// Index: names and notes · write and discard · orphans · restore.
#include "model/recovery.hpp"

#include "core/atomic_file.hpp"
#include "core/scenario_loader.hpp"
#include "core/scenario_writer.hpp"
#include "core/settings.hpp"
#include "core/utc_time.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace haven::editor {
namespace fs = std::filesystem;

namespace {

// ------------------------------------------------------------------------- names and notes

constexpr const char* kScenarioSuffix = ".scenario.json";
constexpr const char* kNoteSuffix = ".note.json";

std::string noteJson(const Document& document) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    writer.Key("original");
    writer.String(document.file().c_str());
    writer.Key("title");
    writer.String(document.scenario().title.c_str());
    writer.Key("saved_at");
    writer.String(utcNow("%Y-%m-%d %H:%M:%S UTC").c_str());
    writer.Key("pid");
    writer.Int64(static_cast<std::int64_t>(getpid()));
    writer.EndObject();
    return std::string(buffer.GetString()) + "\n";
}

std::optional<RecoveryEntry> readNote(const fs::path& note) {
    std::ifstream in(note, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document json;
    json.Parse(text.str().c_str());
    if (json.HasParseError() || !json.IsObject()) return std::nullopt;
    auto string = [&](const char* key) {
        auto found = json.FindMember(key);
        return found != json.MemberEnd() && found->value.IsString() ? std::string(found->value.GetString())
                                                                    : std::string();
    };
    RecoveryEntry entry;
    entry.noteFile = note.string();
    std::string base = note.string().substr(0, note.string().size() - std::string(kNoteSuffix).size());
    entry.scenarioFile = base + kScenarioSuffix;
    entry.originalFile = string("original");
    entry.title = string("title");
    entry.savedAt = string("saved_at");
    auto pid = json.FindMember("pid");
    if (pid != json.MemberEnd() && pid->value.IsInt64()) entry.pid = static_cast<long>(pid->value.GetInt64());
    return entry;
}

// A process that no longer exists (or, after a reboot, is someone else's) cannot be writing.
bool processRunning(long pid) {
    if (pid <= 0) return false;
    if (pid == static_cast<long>(getpid())) return true;
    return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

}  // namespace

Recovery::Recovery(std::string folder) : folder_(std::move(folder)) {}

std::string Recovery::defaultFolder() {
    return (fs::path(userFolder(UserFolder::Data)) / "editor" / "recovery").string();
}

// Each editor writes files of its own (the process id is in the name): one left on the same
// scenario by an editor that stopped is never overwritten or removed by the next, and waits for
// the author's answer to the offer.
std::string Recovery::keyFor(const Document& document) const {
    const std::string pid = std::to_string(getpid());
    if (!document.hasFile()) return "untitled-" + pid;
    return "file-" + hashHex(fs::absolute(document.file()).lexically_normal().string()) + "-" + pid;
}

// ------------------------------------------------------------------------ write and discard

bool Recovery::write(const Document& document, std::string& error) {
    std::error_code ec;
    fs::create_directories(folder_, ec);
    if (ec) {
        error = folder_ + ": cannot create the recovery folder: " + ec.message();
        return false;
    }
    const std::string base = (fs::path(folder_) / keyFor(document)).string();
    // The scenario first: a note never points at a copy that is not there yet.
    return writeFileAtomically(base + kScenarioSuffix, writeScenarioJson(document.scenario()), error) &&
           writeFileAtomically(base + kNoteSuffix, noteJson(document), error);
}

void Recovery::discard(const Document& document) {
    const std::string base = (fs::path(folder_) / keyFor(document)).string();
    std::error_code ec;
    fs::remove(base + kNoteSuffix, ec);
    fs::remove(base + kScenarioSuffix, ec);
}

void Recovery::discard(const RecoveryEntry& entry) {
    std::error_code ec;
    fs::remove(entry.noteFile, ec);
    fs::remove(entry.scenarioFile, ec);
}

// ------------------------------------------------------------------------------------ orphans

std::vector<RecoveryEntry> Recovery::orphans() const {
    std::vector<RecoveryEntry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= std::string(kNoteSuffix).size() || !name.ends_with(kNoteSuffix)) continue;
        auto entry = readNote(it->path());
        if (!entry || processRunning(entry->pid) || !fs::exists(entry->scenarioFile)) continue;
        entries.push_back(std::move(*entry));
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.savedAt > b.savedAt; });
    return entries;
}

std::optional<RecoveryEntry> Recovery::orphanFor(const std::string& scenarioFile) const {
    const std::string wanted = fs::absolute(scenarioFile).lexically_normal().string();
    for (auto& entry : orphans())
        if (!entry.originalFile.empty() && fs::absolute(entry.originalFile).lexically_normal().string() == wanted)
            return entry;
    return std::nullopt;
}

// ------------------------------------------------------------------------------------ restore

std::optional<Document> Recovery::restore(const RecoveryEntry& entry, Diagnostics& diagnostics) {
    std::ifstream in(entry.scenarioFile, std::ios::binary);
    if (!in) {
        diagnostics.push_back({Severity::Error, entry.scenarioFile, "", 0, 0, "cannot read the recovery file"});
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    // Read as if it lived where it belongs, so its script and portraits are found.
    const std::string folder =
        entry.originalFile.empty() ? std::string() : fs::path(entry.originalFile).parent_path().string();
    LoadResult loaded = loadScenarioText(text.str(), entry.scenarioFile, folder, std::nullopt);
    diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    if (!loaded.scenario || hasErrors(loaded.diagnostics)) return std::nullopt;
    loaded.scenario->file = entry.originalFile;
    loaded.scenario->folder = folder;
    return Document::restored(std::move(*loaded.scenario));
}

}  // namespace haven::editor
