#include "core/debrief.hpp"

#include "core/json_text.hpp"

#include <rapidjson/prettywriter.h>

#include <cmath>
#include <sstream>

namespace haven {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void text(Writer& w, const std::string& s) {
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
}

void textList(Writer& w, const std::vector<std::string>& items) {
    w.StartArray();
    for (const auto& item : items) text(w, item);
    w.EndArray();
}

// One key and its value. Overloads by value type; a const char* must be wrapped in std::string
// (it would otherwise convert to bool).
void put(Writer& w, const char* key, const std::string& value) {
    w.Key(key);
    text(w, value);
}
void put(Writer& w, const char* key, bool value) {
    w.Key(key);
    w.Bool(value);
}
void put(Writer& w, const char* key, int value) {
    w.Key(key);
    w.Int(value);
}
void put(Writer& w, const char* key, double value) {
    w.Key(key);
    w.Double(value);
}
void put(Writer& w, const char* key, const std::vector<std::string>& values) {
    w.Key(key);
    textList(w, values);
}
void put(Writer& w, const char* key, const Scores& points) {
    w.Key(key);
    w.StartObject();
    for (const auto& [competency, value] : points) put(w, competency.c_str(), value);
    w.EndObject();
}

void writeScore(Writer& w, const Debrief& d) {
    w.Key("score");
    w.StartObject();
    put(w, "raw", d.raw);
    put(w, "max", d.max);
    put(w, "scaled", std::round(d.scaled * 10000) / 10000);  // four places are plenty for a person
    put(w, "pass_mark", d.passMark);
    w.Key("competencies");
    w.StartObject();
    for (const auto& c : d.competencies) {
        w.Key(c.id.c_str());
        w.StartObject();
        put(w, "points", c.points);
        put(w, "max", c.max);
        w.EndObject();
    }
    w.EndObject();
    w.EndObject();
}

void writeIndicators(Writer& w, const Debrief& d) {
    w.Key("indicators");
    w.StartObject();
    put(w, "found", d.found);
    put(w, "missed", d.missed);
    put(w, "false_alarms", d.falseAlarms);
    w.EndObject();
}

void writeDecisions(Writer& w, const Debrief& d) {
    w.Key("decisions");
    w.StartArray();
    for (const auto& decision : d.decisions) {
        w.StartObject();
        put(w, "node", decision.node);
        put(w, "chosen", decision.chosen);
        put(w, "correct", decision.correct);
        put(w, "correct_options", decision.correctOptions);
        w.EndObject();
    }
    w.EndArray();
}

void writeTimeline(Writer& w, const Debrief& d) {
    w.Key("timeline");
    w.StartArray();
    for (const auto& entry : d.timeline) {
        w.StartObject();
        put(w, "node", entry.node);
        put(w, "kind", std::string(toString(entry.kind)));
        put(w, "speaker", entry.speaker);
        put(w, "text", entry.text);
        put(w, "input", entry.input);
        put(w, "ids", entry.ids);
        put(w, "feedback", entry.feedback);
        put(w, "reference", entry.reference);
        put(w, "points", entry.points);
        w.EndObject();
    }
    w.EndArray();
}

std::string percent(double x) {
    return std::to_string(static_cast<int>(std::lround(x * 100))) + " %";
}

std::string indicatorText(const Scenario& scenario, const std::string& id) {
    const Indicator* indicator = scenario.findIndicator(id);
    return indicator ? indicator->text : id;
}

}  // namespace

std::string debriefJson(const Debrief& d) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.SetIndent(' ', 2);
    w.StartObject();
    put(w, "scenario", d.scenarioId);
    put(w, "mode", d.mode);
    put(w, "completed", d.completed);
    put(w, "ending", d.ending);
    put(w, "outcome", d.outcome);
    put(w, "path", d.path);
    put(w, "passed", d.passed);
    put(w, "verdict", d.verdict);
    writeScore(w, d);
    writeIndicators(w, d);
    writeDecisions(w, d);
    writeTimeline(w, d);
    w.EndObject();
    return std::string(buffer.GetString()) + "\n";
}

std::string debriefText(const Debrief& d, const Scenario& scenario) {
    std::ostringstream out;
    out << "Debrief: " << d.title << "\n\n" << d.verdict << "\n";
    out << "Score: " << d.raw << " of " << d.max << " points, " << percent(d.scaled) << ".\n";
    if (d.completed) {
        out << "\nEnding: " << (d.outcome.empty() ? d.ending : d.outcome) << "\n";
        if (!d.endingFeedback.empty()) out << d.endingFeedback << "\n";
    }
    out << "\nCompetencies:\n";
    for (const auto& c : d.competencies)
        out << "  " << c.name << ": " << c.points << " of " << c.max << " achievable on your path\n";
    auto list = [&](const char* heading, const std::vector<std::string>& ids) {
        if (ids.empty()) return;
        out << "\n" << heading << ":\n";
        for (const auto& id : ids) out << "  - " << indicatorText(scenario, id) << "\n";
    };
    list("Indicators you found", d.found);
    list("Indicators you missed", d.missed);
    list("Ticked but not observed on your path", d.falseAlarms);
    for (const auto& decision : d.decisions) {
        out << "\nDetermination (" << decision.prompt << "): " << (decision.correct ? "correct" : "not correct") << "\n";
        if (!decision.feedback.empty()) out << decision.feedback << "\n";
    }
    out << "\nTimeline:\n";
    int n = 0;
    for (const auto& entry : d.timeline) {
        if (entry.kind == NodeType::Ending) continue;
        out << "\n" << ++n << ". " << entry.text << "\n   You: " << entry.input << "\n";
        if (!entry.feedback.empty()) out << "   Why: " << entry.feedback << "\n";
        if (!entry.reference.empty()) out << "   Principle: " << entry.reference << "\n";
    }
    return out.str();
}

}  // namespace haven
