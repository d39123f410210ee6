// The debrief: score arithmetic, the pass rule, indicator sets, and the documented JSON and text.
#include "fixtures.hpp"

#include "core/debrief.hpp"
#include "core/scenario_loader.hpp"
#include "core/session.hpp"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

using namespace haven;
using namespace haven::test;

namespace {

Scenario load(const std::string& text) {
    LoadResult result = loadScenarioText(text, "scenario.json", "", std::nullopt);
    INFO(describe(result.diagnostics));
    REQUIRE(result.ok());
    return std::move(*result.scenario);
}

// One scene whose choices score competency "a" (and "b") as given, then a decision, then endings.
std::string scoredStory(const std::string& passMark, const std::string& choices, const std::string& options) {
    return R"({
  "format": "haven-scenario", "version": 1, "id": "scored", "title": "Scored \"quotes\"", "start": "meet",
  "pass_mark": )" + passMark + R"(,
  "competencies": [{"id": "a", "name": "Alpha skill"}, {"id": "b", "name": "Beta skill"}],
  "indicators": [{"id": "i1", "text": "One"}, {"id": "i2", "text": "Two"}, {"id": "i3", "text": "Three"}, {"id": "i4", "text": "Four"}],
  "characters": [{"id": "mai", "name": "Mai"}],
  "nodes": [
    {"id": "meet", "type": "scene", "speaker": "mai", "text": "Hello.", "reveals": ["i1"], "choices": [)" + choices + R"(]},
    {"id": "list", "type": "checklist", "prompt": "Seen?", "goto": "decide", "expected": ["i2"], "competency": "b"},
    {"id": "decide", "type": "decision", "prompt": "Decide?", "options": [)" + options + R"(]},
    {"id": "end", "type": "ending", "text": "The end.", "outcome": "protected", "feedback": "Good for her."}
  ]
})";
}

const std::string kNoDecisionScore =
    R"({"id": "right", "text": "Right", "correct": true, "goto": "end", "feedback": "Yes."},
       {"id": "wrong", "text": "Wrong", "goto": "end", "feedback": "No."})";

const CompetencyResult& competency(const Debrief& debrief, const std::string& id) {
    for (const auto& c : debrief.competencies)
        if (c.id == id) return c;
    FAIL("no competency " << id);
    throw 0;
}

// meet (choice index) -> list (ticks) -> decide (option).
Debrief play(const Scenario& s, int choice, std::vector<std::string> ticks, std::string option) {
    Session session(s, Mode::Assessment, 1);
    session.choose(choice);
    session.submitChecklist(ticks);
    session.decide({option});
    REQUIRE(session.finished());
    return session.debrief();
}

}  // namespace

TEST_CASE("raw, max and scaled, per competency and in total") {
    Scenario s = load(scoredStory("0.7",
                                  R"({"text": "Good", "goto": "list", "scores": {"a": 3, "b": 1}},
                                     {"text": "Fair", "goto": "list", "scores": {"a": 2}})",
                                  kNoDecisionScore));
    Debrief d = play(s, 2, {"i2"}, "right");
    CHECK(competency(d, "a").points == 2);
    CHECK(competency(d, "a").max == 3);
    CHECK(competency(d, "a").name == "Alpha skill");
    CHECK(competency(d, "b").points == 0 + 1);  // checklist: i2 ticked
    CHECK(competency(d, "b").max == 1 + 1);     // best scene choice for b, plus one expected indicator
    CHECK(d.raw == 3);
    CHECK(d.max == 5);
    CHECK(d.scaled == doctest::Approx(0.6));
    CHECK(d.passMark == doctest::Approx(0.7));
    CHECK_FALSE(d.passed);
    CHECK(d.verdict == "Not passed: 60 % is below the pass mark of 70 %.");
    CHECK(d.competencies.size() == 2);
    CHECK(d.competencies[0].id == "a");  // in the scenario's order
}

TEST_CASE("the scaled score stays within 0..1 while competencies show real points") {
    Scenario s = load(scoredStory("0.5",
                                  R"({"text": "Good", "goto": "list", "scores": {"a": 2}},
                                     {"text": "Harmful", "goto": "list", "scores": {"a": -5}})",
                                  kNoDecisionScore));
    Debrief d = play(s, 2, {}, "right");
    CHECK(competency(d, "a").points == -5);
    CHECK(competency(d, "a").max == 2);
    CHECK(d.raw == -5);
    CHECK(d.max == 3);
    CHECK(d.scaled == 0.0);
    CHECK_FALSE(d.passed);
    CHECK(d.verdict.find("0 %") != std::string::npos);

    SUBCASE("nothing scorable scales to 1") {
        Scenario plain = load(scenarioText());
        Session session(plain, Mode::Assessment, 1);
        session.choose(1);
        Debrief p = session.debrief();
        CHECK(p.max == 0);
        CHECK(p.scaled == 1.0);
        CHECK(p.passed);
        CHECK(p.verdict == "Passed with 100 % (pass mark 70 %).");
    }
}

TEST_CASE("passing at exactly the pass mark") {
    struct Case {
        const char* passMark;
        int bestPoints, chosenPoints;
        bool passed;
    };
    const Case cases[] = {
        {"0.7", 10, 7, true},  {"0.7", 10, 6, false}, {"0.35", 20, 7, true}, {"0.1", 10, 1, true},
        {"0.3", 10, 3, true},  {"1", 3, 3, true},     {"1", 3, 2, false},    {"0", 5, 0, true},
    };
    for (const auto& c : cases) {
        INFO(std::string(c.passMark) << " with " << c.chosenPoints << "/" << c.bestPoints);
        std::string choices = R"({"text": "Best", "goto": "list", "scores": {"a": )" + std::to_string(c.bestPoints) +
                              R"(}}, {"text": "Chosen", "goto": "list", "scores": {"a": )" +
                              std::to_string(c.chosenPoints) + "}}";
        // The checklist expects i2 and scores b: make it contribute nothing by expecting none.
        std::string text = replaceOnce(scoredStory(c.passMark, choices, kNoDecisionScore), R"("expected": ["i2"], "competency": "b")",
                                       R"("expected": [])");
        Scenario s = load(text);
        Debrief d = play(s, 2, {}, "right");
        CHECK(d.raw == c.chosenPoints);
        CHECK(d.max == c.bestPoints);
        CHECK(d.passed == c.passed);
        CHECK(d.verdict.rfind(c.passed ? "Passed with" : "Not passed:", 0) == 0);
    }
}

TEST_CASE("an incorrect determination fails even with full points") {
    Scenario s = load(scoredStory("0.5", R"({"text": "Good", "goto": "list", "scores": {"a": 2}})", kNoDecisionScore));
    Debrief d = play(s, 1, {"i2"}, "wrong");
    CHECK(d.raw == d.max);
    CHECK(d.scaled == 1.0);
    CHECK_FALSE(d.passed);
    CHECK(d.verdict == "Not passed: the determination at 'decide' was not correct.");
    REQUIRE(d.decisions.size() == 1);
    CHECK_FALSE(d.decisions[0].correct);
    CHECK(d.decisions[0].prompt == "Decide?");
    CHECK(d.decisions[0].feedback == "No.");

    Debrief right = play(s, 1, {"i2"}, "right");
    CHECK(right.passed);
    CHECK(right.verdict == "Passed with 100 % (pass mark 50 %), and every determination was correct.");
}

TEST_CASE("a play-through that has not ended has not passed") {
    Scenario s = load(scoredStory("0.5", R"({"text": "Good", "goto": "list", "scores": {"a": 2}})", kNoDecisionScore));
    Session session(s, Mode::Assessment, 1);
    session.choose(1);
    Debrief d = session.debrief();
    CHECK_FALSE(d.completed);
    CHECK_FALSE(d.passed);
    CHECK(d.ending.empty());
    CHECK(d.outcome.empty());
    CHECK(d.scaled == 1.0);  // 2 of 2 so far, still not passed
    CHECK(d.verdict == "Not finished: the scenario has not reached an ending yet.");
    CHECK(d.path == std::vector<std::string>{"meet", "list"});
}

TEST_CASE("found, missed and false alarms") {
    // i1 revealed by the node, i3 revealed by the choice, i2 expected by the checklist, i4 neither.
    Scenario s = load(scoredStory("0.5", R"({"text": "Look", "goto": "list", "reveals": ["i3"]})", kNoDecisionScore));
    Debrief d = play(s, 1, {"i4", "i3", "i2"}, "right");
    CHECK(d.found == std::vector<std::string>{"i2", "i3"});
    CHECK(d.missed == std::vector<std::string>{"i1"});
    CHECK(d.falseAlarms == std::vector<std::string>{"i4"});
    CHECK(competency(d, "b").points == 0);  // one hit (i2), one false alarm (i4)
    CHECK(competency(d, "b").max == 1);

    Debrief none = play(s, 1, {}, "right");
    CHECK(none.found.empty());
    CHECK(none.missed == std::vector<std::string>{"i1", "i2", "i3"});
    CHECK(none.falseAlarms.empty());
}

TEST_CASE("debriefJson has the documented shape and values") {
    Scenario s = load(scoredStory("0.7",
                                  R"({"id": "good", "text": "Good", "goto": "list", "scores": {"a": 3}, "feedback": "Kind.", "reference": "WHO"},
                                     {"id": "fair", "text": "Fair", "goto": "list", "scores": {"a": 2}})",
                                  R"({"id": "right", "text": "Right", "correct": true, "goto": "end", "feedback": "Yes.", "scores": {"b": 1}},
                                     {"id": "wrong", "text": "Wrong", "goto": "end", "feedback": "No."})"));
    Session session(s, Mode::Practice, 1);
    session.choose("fair");
    session.submitChecklist({"i2", "i4"});
    session.decide({"right"});
    Debrief d = session.debrief();
    std::string json = debriefJson(d);
    CHECK(json.back() == '\n');

    rapidjson::Document doc;
    doc.Parse(json.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsObject());
    for (const char* key : {"scenario", "mode", "completed", "ending", "outcome", "path", "passed", "verdict", "score",
                            "indicators", "decisions", "timeline"}) {
        INFO(std::string(key));
        CHECK(doc.HasMember(key));
    }
    CHECK(std::string(doc["scenario"].GetString()) == "scored");
    CHECK(std::string(doc["mode"].GetString()) == "practice");
    CHECK(doc["completed"].GetBool());
    CHECK(std::string(doc["ending"].GetString()) == "end");
    CHECK(std::string(doc["outcome"].GetString()) == "protected");
    REQUIRE(doc["path"].IsArray());
    REQUIRE(doc["path"].Size() == 4);
    CHECK(std::string(doc["path"][0].GetString()) == "meet");
    CHECK(std::string(doc["path"][3].GetString()) == "end");
    CHECK(doc["passed"].GetBool() == d.passed);
    CHECK(std::string(doc["verdict"].GetString()) == d.verdict);

    const auto& score = doc["score"];
    CHECK(score["raw"].GetInt() == 2 + 0 + 1);  // fair, (i2 hit - i4 false alarm), right
    CHECK(score["max"].GetInt() == 3 + 1 + 1);
    CHECK(score["scaled"].GetDouble() == doctest::Approx(0.6));
    CHECK(score["pass_mark"].GetDouble() == doctest::Approx(0.7));
    REQUIRE(score["competencies"].IsObject());
    CHECK(score["competencies"]["a"]["points"].GetInt() == 2);
    CHECK(score["competencies"]["a"]["max"].GetInt() == 3);
    CHECK(score["competencies"]["b"]["points"].GetInt() == 1);
    CHECK(score["competencies"]["b"]["max"].GetInt() == 2);

    const auto& indicators = doc["indicators"];
    REQUIRE(indicators["found"].Size() == 1);
    CHECK(std::string(indicators["found"][0].GetString()) == "i2");
    REQUIRE(indicators["missed"].Size() == 1);
    CHECK(std::string(indicators["missed"][0].GetString()) == "i1");
    REQUIRE(indicators["false_alarms"].Size() == 1);
    CHECK(std::string(indicators["false_alarms"][0].GetString()) == "i4");

    REQUIRE(doc["decisions"].Size() == 1);
    const auto& decision = doc["decisions"][0];
    CHECK(std::string(decision["node"].GetString()) == "decide");
    REQUIRE(decision["chosen"].Size() == 1);
    CHECK(std::string(decision["chosen"][0].GetString()) == "right");
    CHECK(decision["correct"].GetBool());
    CHECK(decision.HasMember("correct_options"));

    const auto& timeline = doc["timeline"];
    REQUIRE(timeline.Size() == 4);  // three inputs and the ending
    const auto& first = timeline[0];
    CHECK(std::string(first["node"].GetString()) == "meet");
    CHECK(std::string(first["kind"].GetString()) == "scene");
    CHECK(std::string(first["speaker"].GetString()) == "Mai");
    CHECK(std::string(first["text"].GetString()) == "Hello.");
    CHECK(std::string(first["input"].GetString()) == "Fair");
    REQUIRE(first["ids"].Size() == 1);
    CHECK(std::string(first["ids"][0].GetString()) == "fair");
    CHECK(first["points"]["a"].GetInt() == 2);
    CHECK(first.HasMember("feedback"));
    CHECK(first.HasMember("reference"));
    CHECK(std::string(timeline[1]["kind"].GetString()) == "checklist");
    CHECK(std::string(timeline[1]["text"].GetString()) == "Seen?");
    CHECK(timeline[1]["ids"].Size() == 2);
    CHECK(std::string(timeline[2]["kind"].GetString()) == "decision");
    CHECK(std::string(timeline[2]["feedback"].GetString()) == "Yes.");
    CHECK(std::string(timeline[3]["kind"].GetString()) == "ending");
    CHECK(std::string(timeline[3]["feedback"].GetString()) == "Good for her.");
}

TEST_CASE("debriefJson rounds the scaled score and escapes text") {
    Debrief d;
    d.scenarioId = "x\"y";
    d.verdict = "line\nbreak";
    d.raw = 2;
    d.max = 3;
    d.scaled = 2.0 / 3.0;
    d.passMark = 0.7;
    std::string json = debriefJson(d);
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    CHECK(doc["score"]["scaled"].GetDouble() == 0.6667);
    CHECK(std::string(doc["scenario"].GetString()) == "x\"y");
    CHECK(std::string(doc["verdict"].GetString()) == "line\nbreak");
    CHECK(doc["path"].Size() == 0);
    CHECK(doc["decisions"].Size() == 0);
    CHECK(doc["score"]["competencies"].ObjectEmpty());
}

TEST_CASE("debriefText tells the verdict, the score and the competencies") {
    Scenario s = load(scoredStory("0.7",
                                  R"({"text": "Good", "goto": "list", "scores": {"a": 3}, "feedback": "Kind.", "reference": "WHO privacy"},
                                     {"text": "Fair", "goto": "list", "scores": {"a": 2}})",
                                  kNoDecisionScore));
    Session session(s, Mode::Assessment, 1);
    session.choose(1);
    session.submitChecklist({"i2", "i4"});
    session.decide({"wrong"});
    Debrief d = session.debrief();
    std::string text = debriefText(d, s);
    CHECK(text.find("Debrief: Scored \"quotes\"") != std::string::npos);
    CHECK(text.find(d.verdict) != std::string::npos);
    CHECK(text.find("Not passed: the determination at 'decide' was not correct.") != std::string::npos);
    CHECK(text.find("Score: 3 of 4 points, 75 %.") != std::string::npos);
    CHECK(text.find("Ending: protected") != std::string::npos);
    CHECK(text.find("Good for her.") != std::string::npos);
    CHECK(text.find("Alpha skill: 3 of 3") != std::string::npos);
    CHECK(text.find("Beta skill: 0 of 1") != std::string::npos);
    CHECK(text.find("Indicators you found:\n  - Two") != std::string::npos);       // indicator text, not id
    CHECK(text.find("Indicators you missed:\n  - One") != std::string::npos);
    CHECK(text.find("Ticked but not observed on your path:\n  - Four") != std::string::npos);
    CHECK(text.find("Determination (Decide?): not correct") != std::string::npos);
    CHECK(text.find("Why: Kind.") != std::string::npos);
    CHECK(text.find("Principle: WHO privacy") != std::string::npos);
}
