// haven report: the learners in the record store and their attempts, for a person or as JSON.
#include "app/cli.hpp"

#include "core/json_text.hpp"
#include "core/records.hpp"

#include <rapidjson/prettywriter.h>

#include <cmath>
#include <filesystem>
#include <iostream>

namespace haven::cli {
namespace {

const char* kReportUsage = "usage: haven report [--json] [--db PATH]\n";

struct LearnerRecord {
    Learner learner;
    std::vector<Attempt> attempts;
};

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void putText(Writer& w, const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

// "2024-05-01T12:34:56.789Z" → "2024-05-01 12:34": minutes are enough for a person.
std::string shortTime(const std::string& iso) {
    if (iso.size() < 16) return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string percent(double scaled) {
    return std::to_string(static_cast<int>(std::lround(scaled * 100))) + "%";
}

void writeScore(Writer& w, const std::optional<AttemptScore>& score) {
    if (!score) {
        for (const char* key : {"raw", "max", "scaled", "passed", "ending", "competencies"}) {
            w.Key(key);
            w.Null();
        }
        return;
    }
    w.Key("raw");
    w.Int(score->raw);
    w.Key("max");
    w.Int(score->max);
    w.Key("scaled");
    w.Double(std::round(score->scaled * 10000) / 10000);
    w.Key("passed");
    w.Bool(score->passed);
    putText(w, "ending", score->ending);
    w.Key("competencies");
    JsonParse competencies;
    parseJson(score->competenciesJson, competencies);
    if (competencies.ok) competencies.document.Accept(w);
    else w.Null();
}

void writeAttempt(Writer& w, const Attempt& a) {
    w.StartObject();
    w.Key("id");
    w.Int64(a.id);
    putText(w, "scenario", a.scenarioId);
    putText(w, "title", a.scenarioTitle);
    putText(w, "mode", toString(a.mode));
    putText(w, "started", a.started);
    putText(w, "updated", a.updated);
    w.Key("finished");
    if (a.finished.empty()) w.Null();
    else w.String(a.finished.c_str(), static_cast<rapidjson::SizeType>(a.finished.size()));
    w.Key("inputs");
    w.Uint64(a.inputs.size());
    writeScore(w, a.score);
    w.EndObject();
}

void printJson(const std::vector<LearnerRecord>& records) {
    rapidjson::StringBuffer buffer;
    {
        Writer w(buffer);
        w.StartObject();
        w.Key("learners");
        w.StartArray();
        for (const auto& [learner, attempts] : records) {
            w.StartObject();
            putText(w, "id", learner.id);
            putText(w, "display_name", learner.displayName);
            putText(w, "created", learner.created);
            putText(w, "last_used", learner.lastUsed);
            w.Key("attempts");
            w.StartArray();
            for (const auto& a : attempts) writeAttempt(w, a);
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    std::cout << buffer.GetString() << "\n";
}

void printText(const std::string& path, const std::vector<LearnerRecord>& records) {
    std::cout << "Records in " << path << "\n";
    if (records.empty()) std::cout << "\nno learners yet\n";
    for (const auto& [learner, attempts] : records) {
        std::cout << "\n" << learner.id << "  " << learner.displayName << "  (last used "
                  << shortTime(learner.lastUsed) << ", " << attempts.size()
                  << (attempts.size() == 1 ? " attempt)\n" : " attempts)\n");
        for (const auto& a : attempts) {
            std::cout << "  #" << a.id << "  " << a.scenarioTitle << " (" << a.scenarioId << "), " << toString(a.mode)
                      << ", started " << shortTime(a.started) << ", ";
            if (!a.score) {
                std::cout << "in progress (" << a.inputs.size() << (a.inputs.size() == 1 ? " input)\n" : " inputs)\n");
                continue;
            }
            std::cout << "finished " << shortTime(a.finished) << ": " << percent(a.score->scaled) << " ("
                      << a.score->raw << "/" << a.score->max << "), " << (a.score->passed ? "passed" : "not passed")
                      << ", ending " << a.score->ending << "\n";
        }
    }
}

}  // namespace

int report(const Args& args) {
    bool json = false;
    std::string path;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--json") json = true;
        else if (args[i] == "--db" && i + 1 < args.size()) path = args[++i];
        else {
            std::cerr << "haven report: unknown argument or missing value: " << args[i] << "\n" << kReportUsage;
            return 2;
        }
    }
    if (path.empty()) path = RecordStore::defaultPath();

    // A report only reads: it must not create a store where there is none.
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        if (json) std::cout << "{\"learners\": []}\n";
        else std::cout << "no records yet (" << path << " does not exist)\n";
        return 0;
    }
    std::string error;
    auto store = RecordStore::open(path, error);
    if (!store) {
        std::cerr << "haven report: " << error << "\n";
        return 1;
    }
    std::vector<LearnerRecord> records;
    try {
        for (auto& learner : store->learners()) {
            auto attempts = store->attempts(learner.id);
            records.push_back({std::move(learner), std::move(attempts)});
        }
    } catch (const RecordError& e) {
        std::cerr << "haven report: " << e.what() << "\n";
        return 1;
    }
    if (json) printJson(records);
    else printText(path, records);
    return 0;
}

}  // namespace haven::cli
