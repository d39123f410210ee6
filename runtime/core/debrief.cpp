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

void scores(Writer& w, const Scores& points) {
    w.StartObject();
    for (const auto& [competency, value] : points) {
        text(w, competency);
        w.Int(value);
    }
    w.EndObject();
}

void writeScore(Writer& w, const Debrief& d) {
    w.Key("score");
    w.StartObject();
    w.Key("raw");
    w.Int(d.raw);
    w.Key("max");
    w.Int(d.max);
    w.Key("scaled");
    w.Double(std::round(d.scaled * 10000) / 10000);  // four places are plenty for a person
    w.Key("pass_mark");
    w.Double(d.passMark);
    w.Key("competencies");
    w.StartObject();
    for (const auto& c : d.competencies) {
        text(w, c.id);
        w.StartObject();
        w.Key("points");
        w.Int(c.points);
        w.Key("max");
        w.Int(c.max);
        w.EndObject();
    }
    w.EndObject();
    w.EndObject();
}

void writeIndicators(Writer& w, const Debrief& d) {
    w.Key("indicators");
    w.StartObject();
    w.Key("found");
    textList(w, d.found);
    w.Key("missed");
    textList(w, d.missed);
    w.Key("false_alarms");
    textList(w, d.falseAlarms);
    w.EndObject();
}

void writeDecisions(Writer& w, const Debrief& d) {
    w.Key("decisions");
    w.StartArray();
    for (const auto& decision : d.decisions) {
        w.StartObject();
        w.Key("node");
        text(w, decision.node);
        w.Key("chosen");
        textList(w, decision.chosen);
        w.Key("correct");
        w.Bool(decision.correct);
        w.Key("correct_options");
        textList(w, decision.correctOptions);
        w.EndObject();
    }
    w.EndArray();
}

void writeTimeline(Writer& w, const Debrief& d) {
    w.Key("timeline");
    w.StartArray();
    for (const auto& entry : d.timeline) {
        w.StartObject();
        w.Key("node");
        text(w, entry.node);
        w.Key("kind");
        w.String(toString(entry.kind));
        w.Key("speaker");
        text(w, entry.speaker);
        w.Key("text");
        text(w, entry.text);
        w.Key("input");
        text(w, entry.input);
        w.Key("ids");
        textList(w, entry.ids);
        w.Key("feedback");
        text(w, entry.feedback);
        w.Key("reference");
        text(w, entry.reference);
        w.Key("points");
        scores(w, entry.points);
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
    w.Key("scenario");
    text(w, d.scenarioId);
    w.Key("mode");
    text(w, d.mode);
    w.Key("completed");
    w.Bool(d.completed);
    w.Key("ending");
    text(w, d.ending);
    w.Key("outcome");
    text(w, d.outcome);
    w.Key("path");
    textList(w, d.path);
    w.Key("passed");
    w.Bool(d.passed);
    w.Key("verdict");
    text(w, d.verdict);
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
