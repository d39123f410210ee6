// The story runner: conditions, effects, interpolation, undo, feedback, scoring, determinism,
// script failures that must not stop a play-through, and inputs that must not change it.
#include "fixtures.hpp"

#include "core/scenario_loader.hpp"
#include "core/session.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace haven;
using namespace haven::test;

namespace {

const std::string kStory = R"({
  "format": "haven-scenario",
  "version": 1,
  "id": "session-test",
  "title": "Session test",
  "start": "meet",
  "competencies": [
    {"id": "rapport", "name": "Rapport"},
    {"id": "safety", "name": "Safety"}
  ],
  "indicators": [
    {"id": "ind-a", "text": "Indicator A", "category": "Cat"},
    {"id": "ind-b", "text": "Indicator B"},
    {"id": "ind-c", "text": "Indicator C"}
  ],
  "characters": [{"id": "mai", "name": "Mai", "role": "Passenger"}],
  "variables": {"trust": 0, "name": "Mai", "asked": false, "visits": 0, "ratio": 0.5},
  "nodes": [
    {
      "id": "meet", "type": "scene", "speaker": "mai", "mood": "calm",
      "text": "{name} trusts you {trust} ({ratio}); {{literal}} {unknown}.",
      "choices": [
        {"id": "greet", "text": "Greet {name}", "goto": "talk", "effect": "trust = trust + 2",
         "scores": {"rapport": 2}, "feedback": "Warm, {name}.", "reference": "Ref A", "reveals": ["ind-a"]},
        {"id": "secret", "text": "Secret", "condition": "trust >= 5", "goto": "talk",
         "scores": {"rapport": 5}, "feedback": "Hidden."},
        {"id": "rush", "text": "Rush", "goto": "talk", "effect": "trust = trust - 1",
         "scores": {"rapport": -1, "safety": 1}, "feedback": "Cold."}
      ]
    },
    {
      "id": "talk", "type": "scene", "text": "Trust is now {trust}; visit {visits}.",
      "on_enter": "visits = visits + 1", "reveals": ["ind-b"],
      "choices": [
        {"id": "ask", "text": "Ask about documents", "condition": "trust >= 2", "goto": "check",
         "effect": "asked = true", "feedback": "Asked."},
        {"id": "leave", "text": "Leave", "goto": "check", "feedback": "Left."}
      ]
    },
    {"id": "check", "type": "checklist", "prompt": "Which did {name} show?", "goto": "decide", "competency": "safety"},
    {
      "id": "decide", "type": "decision", "prompt": "Is this trafficking?",
      "options": [
        {"id": "yes", "text": "Yes", "correct": true, "goto": "good", "scores": {"safety": 3}, "feedback": "Right.", "reference": "Ref D"},
        {"id": "no", "text": "No", "goto": "bad", "scores": {"safety": -2}, "feedback": "Wrong."}
      ]
    },
    {"id": "good", "type": "ending", "text": "Safe.", "outcome": "protected", "feedback": "Safe, {name}."},
    {"id": "bad", "type": "ending", "outcome": "detained"}
  ]
}
)";

Scenario load(const std::string& text) {
    ValidateOptions options;
    options.assets = false;
    LoadResult result = loadScenarioText(text, "scenario.json", "", options);
    INFO(describe(result.diagnostics));
    REQUIRE(result.scenario);
    REQUIRE_FALSE(hasErrors(result.diagnostics));
    return std::move(*result.scenario);
}

std::vector<std::string> choiceIds(const Step& step) {
    std::vector<std::string> ids;
    for (const auto& choice : step.choices) ids.push_back(choice.id);
    return ids;
}

const CompetencyResult& competency(const Debrief& debrief, const std::string& id) {
    for (const auto& c : debrief.competencies)
        if (c.id == id) return c;
    FAIL("no competency " << id);
    throw 0;
}

// A snapshot of everything an input could change.
std::string snapshot(Session& session) {
    std::string out = session.step().nodeId + "|" + std::to_string(session.inputs().size()) + "|" +
                      std::to_string(session.canUndo()) + "|" + debriefJson(session.debrief()) + "|";
    for (const auto& [name, value] : session.variables())
        std::visit([&](const auto& v) { out += name + "=" + (std::ostringstream() << v).str() + ";"; }, value);
    return out;
}

// A scene whose choices reveal `ind-a`, a node revealing `ind-b`, then a checklist.
std::string checklistStory(const std::string& checklistExtra) {
    return scenarioText(
        R"("competencies": [{"id": "spot", "name": "Spotting"}],
  "indicators": [{"id": "ind-a", "text": "A"}, {"id": "ind-b", "text": "B"}, {"id": "ind-c", "text": "C"}],)",
        R"([
    {"id": "meet", "type": "scene", "choices": [{"id": "look", "text": "Look", "goto": "see", "reveals": ["ind-a"], "feedback": "f"}]},
    {"id": "see", "type": "scene", "reveals": ["ind-b"], "choices": [{"id": "on", "text": "On", "goto": "list", "feedback": "f"}]},
    {"id": "list", "type": "checklist", "goto": "end")" + checklistExtra + R"(},
    {"id": "end", "type": "ending"}
  ])");
}

Session& walkToChecklist(Session& session) {
    session.choose("look");
    session.choose("on");
    REQUIRE(session.step().kind == NodeType::Checklist);
    return session;
}

}  // namespace

TEST_CASE("the first step shows the start node") {
    Scenario s = load(kStory);
    Session session(s, Mode::Practice, 1);
    const Step& step = session.step();
    CHECK(step.kind == NodeType::Scene);
    CHECK(step.nodeId == "meet");
    CHECK(step.speaker == "mai");
    CHECK(step.speakerName == "Mai");
    CHECK(step.mood == "calm");
    CHECK_FALSE(step.feedback);
    CHECK(step.warnings.empty());
    CHECK_FALSE(session.finished());
    CHECK_FALSE(session.stuck());
    CHECK_FALSE(session.canUndo());
    CHECK(session.inputs().empty());
}

TEST_CASE("conditions decide which choices are on offer") {
    Scenario s = load(kStory);
    Session session(s, Mode::Practice, 1);
    CHECK(choiceIds(session.step()) == std::vector<std::string>{"greet", "rush"});
    CHECK(session.step().choices[1].index == 2);  // the index into the node's choices

    SUBCASE("choosing by position counts only the offered choices") {
        session.choose(2);
        CHECK(session.step().nodeId == "talk");
        CHECK(session.variables().at("trust") == Value{std::int64_t{-1}});  // rush, not secret
        CHECK(choiceIds(session.step()) == std::vector<std::string>{"leave"});  // trust < 2 hides ask
    }
    SUBCASE("a hidden choice cannot be chosen by id") {
        CHECK_THROWS_AS(session.choose("secret"), InputError);
        CHECK_THROWS_WITH(session.choose("secret"), doctest::Contains("its condition is false"));
        CHECK_THROWS_WITH(session.choose("secret"), doctest::Contains("choice 'secret'"));
        CHECK(session.step().nodeId == "meet");
    }
    SUBCASE("a condition that becomes true offers the choice") {
        session.setVariable("trust", Value{std::int64_t{5}});
        CHECK(choiceIds(session.step()) == std::vector<std::string>{"greet", "secret", "rush"});
        session.choose("secret");
        CHECK(session.step().nodeId == "talk");
    }
}

TEST_CASE("effects change variables, and later conditions and texts see the change") {
    Scenario s = load(kStory);
    Session session(s, Mode::Assessment, 1);
    session.choose("greet");
    auto vars = session.variables();
    CHECK(vars.at("trust") == Value{std::int64_t{2}});
    CHECK(vars.at("asked") == Value{false});
    CHECK(session.step().text == "Trust is now 2; visit 1.");
    CHECK(choiceIds(session.step()) == std::vector<std::string>{"ask", "leave"});
    session.choose("ask");
    CHECK(session.variables().at("asked") == Value{true});

    SUBCASE("on_enter runs each time the node is entered") {
        CHECK(session.variables().at("visits") == Value{std::int64_t{1}});
        session.jumpTo("talk");
        CHECK(session.variables().at("visits") == Value{std::int64_t{2}});
        CHECK(session.step().text == "Trust is now 2; visit 2.");
    }
}

TEST_CASE("texts interpolate variables") {
    Scenario s = load(kStory);
    Session session(s, Mode::Practice, 1);
    CHECK(session.step().text == "Mai trusts you 0 (0.5); {literal} {unknown}.");
    CHECK(session.step().choices[0].text == "Greet Mai");
    session.choose("greet");
    CHECK(session.step().feedback->text == "Warm, Mai.");
    session.choose("ask");
    CHECK(session.step().prompt == "Which did Mai show?");
    session.submitChecklist({});
    session.decide({"yes"});
    CHECK(session.step().text == "Safe.");
    CHECK(session.step().endingFeedback == "Safe, Mai.");
    CHECK(session.step().outcome == "protected");
    CHECK(session.finished());
}

TEST_CASE("undo in practice mode") {
    Scenario s = load(kStory);
    Session session(s, Mode::Practice, 1);
    std::string before = snapshot(session);
    std::string firstText = session.step().text;
    session.choose("greet");
    REQUIRE(session.step().nodeId == "talk");
    CHECK(session.canUndo());

    session.undo();
    CHECK(session.step().nodeId == "meet");
    CHECK(session.step().text == firstText);
    CHECK(session.variables().at("trust") == Value{std::int64_t{0}});
    CHECK(session.inputs().empty());
    CHECK(session.debrief().path == std::vector<std::string>{"meet"});
    CHECK(session.debrief().raw == 0);

    SUBCASE("only once in a row") {
        CHECK_FALSE(session.canUndo());
        CHECK_THROWS_WITH_AS(session.undo(), doctest::Contains("only the last input"), InputError);
        // A new input makes undo available again.
        session.choose("rush");
        CHECK(session.canUndo());
        session.undo();
        CHECK(session.step().nodeId == "meet");
    }
    SUBCASE("two steps in, undo restores exactly the step before the last") {
        session.choose("greet");
        session.choose("ask");
        REQUIRE(session.step().nodeId == "check");
        session.undo();
        CHECK(session.step().nodeId == "talk");
        CHECK(session.variables().at("asked") == Value{false});
        CHECK(session.variables().at("visits") == Value{std::int64_t{1}});
        CHECK(session.inputs().size() == 1);
    }
    SUBCASE("the restored session equals a fresh one") {
        CHECK(snapshot(session) == before);
        Session fresh(s, Mode::Practice, 1);
        CHECK(debriefJson(session.debrief()) == debriefJson(fresh.debrief()));
    }
}

TEST_CASE("undo is refused in assessment mode") {
    Scenario s = load(kStory);
    Session session(s, Mode::Assessment, 1);
    session.choose("greet");
    CHECK_FALSE(session.canUndo());
    CHECK_THROWS_WITH_AS(session.undo(), doctest::Contains("assessment mode"), InputError);
    CHECK(session.step().nodeId == "talk");
    CHECK(session.inputs().size() == 1);
}

TEST_CASE("practice mode shows feedback on the step, assessment mode does not") {
    Scenario s = load(kStory);
    SUBCASE("practice") {
        Session session(s, Mode::Practice, 1);
        session.choose("greet");
        REQUIRE(session.step().feedback);
        CHECK(session.step().feedback->text == "Warm, Mai.");
        CHECK(session.step().feedback->reference == "Ref A");
        CHECK(session.step().feedback->points == Scores{{"rapport", 2}});
        CHECK_FALSE(session.step().feedback->correct);
        session.choose("leave");
        session.submitChecklist({"ind-a"});
        REQUIRE(session.step().feedback);
        CHECK(session.step().feedback->text.find("You ticked 1 of the 2 indicators") != std::string::npos);
        session.decide({"no"});
        REQUIRE(session.step().feedback);
        CHECK(session.step().feedback->correct == false);
        CHECK(session.step().feedback->text == "Wrong.");
    }
    SUBCASE("assessment") {
        Session session(s, Mode::Assessment, 1);
        session.choose("greet");
        CHECK_FALSE(session.step().feedback);
        session.choose("leave");
        session.submitChecklist({"ind-a"});
        CHECK_FALSE(session.step().feedback);
        session.decide({"yes"});
        CHECK_FALSE(session.step().feedback);
        // The debrief still has the feedback.
        CHECK(session.debrief().timeline.at(0).feedback == "Warm, Mai.");
    }
}

TEST_CASE("checklist scoring") {
    SUBCASE("default expected: what was revealed on the path") {
        Scenario s = load(checklistStory(R"(, "competency": "spot")"));
        struct Case {
            std::vector<std::string> ticked;
            int points;
        };
        const Case cases[] = {
            {{"ind-a", "ind-b"}, 2},
            {{"ind-a"}, 1},
            {{"ind-a", "ind-c"}, 0},           // one hit, one false alarm
            {{"ind-c"}, 0},                    // never below zero
            {{}, 0},
            {{"ind-a", "ind-a", "ind-b"}, 2},  // ticking twice counts once
        };
        for (const auto& c : cases) {
            INFO("ticked " << c.ticked.size());
            Session session(s, Mode::Assessment, 1);
            walkToChecklist(session).submitChecklist(c.ticked);
            CHECK(session.finished());
            Debrief d = session.debrief();
            CHECK(competency(d, "spot").points == c.points);
            CHECK(competency(d, "spot").max == 2);
        }
    }
    SUBCASE("explicit expected") {
        Scenario s = load(checklistStory(R"(, "competency": "spot", "expected": ["ind-c"])"));
        Session hit(s, Mode::Assessment, 1);
        walkToChecklist(hit).submitChecklist({"ind-c"});
        CHECK(competency(hit.debrief(), "spot").points == 1);
        CHECK(competency(hit.debrief(), "spot").max == 1);

        // ind-a was revealed though not expected here: no point, but no false alarm either.
        Session revealed(s, Mode::Assessment, 1);
        walkToChecklist(revealed).submitChecklist({"ind-a"});
        Debrief d = revealed.debrief();
        CHECK(competency(d, "spot").points == 0);
        CHECK(d.falseAlarms.empty());
        CHECK(d.found == std::vector<std::string>{"ind-a"});
        CHECK(d.missed == std::vector<std::string>{"ind-b", "ind-c"});
    }
    SUBCASE("false alarms") {
        Scenario s = load(checklistStory(R"(, "competency": "spot", "expected": ["ind-a"])"));
        Session session(s, Mode::Assessment, 1);
        walkToChecklist(session).submitChecklist({"ind-a", "ind-c"});
        Debrief d = session.debrief();
        CHECK(competency(d, "spot").points == 0);
        CHECK(d.falseAlarms == std::vector<std::string>{"ind-c"});
        CHECK(d.found == std::vector<std::string>{"ind-a"});
    }
    SUBCASE("items limit what is offered") {
        Scenario s = load(checklistStory(R"(, "items": ["ind-b", "ind-c"])"));
        Session session(s, Mode::Assessment, 1);
        walkToChecklist(session);
        REQUIRE(session.step().items.size() == 2);
        CHECK(session.step().items[0].id == "ind-b");
        CHECK(session.step().items[0].text == "B");
        CHECK_THROWS_WITH_AS(session.submitChecklist({"ind-a"}), doctest::Contains("does not offer indicator 'ind-a'"),
                             InputError);
    }
    SUBCASE("without a competency the checklist is not scored") {
        Scenario s = load(checklistStory(""));
        Session session(s, Mode::Assessment, 1);
        walkToChecklist(session).submitChecklist({"ind-a"});
        Debrief d = session.debrief();
        CHECK(competency(d, "spot").max == 0);
        CHECK(d.max == 0);
        CHECK(d.scaled == 1.0);
        CHECK(d.found == std::vector<std::string>{"ind-a"});
        CHECK(d.missed == std::vector<std::string>{"ind-b"});
    }
}

TEST_CASE("decision scoring") {
    SUBCASE("single: best is the highest option, correctness follows the chosen option") {
        Scenario s = load(kStory);
        for (const char* option : {"yes", "no"}) {
            INFO(std::string(option));
            Session session(s, Mode::Assessment, 1);
            session.choose("rush");  // safety +1 of best 1
            session.choose("leave");
            session.submitChecklist({});  // revealed: ind-b only; 0 of 1
            session.decide({option});
            Debrief d = session.debrief();
            bool right = std::string(option) == "yes";
            CHECK(competency(d, "safety").max == 1 + 1 + 3);
            CHECK(competency(d, "safety").points == 1 + 0 + (right ? 3 : -2));
            REQUIRE(d.decisions.size() == 1);
            CHECK(d.decisions[0].node == "decide");
            CHECK(d.decisions[0].chosen == std::vector<std::string>{option});
            CHECK(d.decisions[0].correct == right);
            CHECK(d.decisions[0].correctOptions == std::vector<std::string>{"yes"});
            CHECK(d.ending == (right ? "good" : "bad"));
        }
    }
    SUBCASE("multiple: best is the sum of positive options; correct means exactly the correct ones") {
        std::string nodes = R"([
    {"id": "meet", "type": "decision", "multiple": true, "goto": "end", "options": [
      {"id": "a", "text": "A", "correct": true, "scores": {"c": 2}},
      {"id": "b", "text": "B", "correct": true, "scores": {"c": 1}},
      {"id": "x", "text": "X", "scores": {"c": -1}},
      {"id": "z", "text": "Z", "goto": "other"}
    ]},
    {"id": "end", "type": "ending"},
    {"id": "other", "type": "ending"}
  ])";
        Scenario s = load(scenarioText(R"("competencies": [{"id": "c", "name": "C"}],)", nodes));
        struct Case {
            std::vector<std::string> chosen;
            int points;
            bool correct;
            const char* ending;
        };
        const Case cases[] = {
            {{"a", "b"}, 3, true, "end"},
            {{"b", "a"}, 3, true, "end"},
            {{"a"}, 2, false, "end"},
            {{"a", "b", "x"}, 2, false, "end"},
            {{"x"}, -1, false, "end"},
            {{"z"}, 0, false, "other"},
        };
        for (const auto& c : cases) {
            INFO("chosen " << c.chosen.size() << " first " << c.chosen[0]);
            Session session(s, Mode::Assessment, 1);
            session.decide(c.chosen);
            Debrief d = session.debrief();
            CHECK(competency(d, "c").max == 3);
            CHECK(competency(d, "c").points == c.points);
            REQUIRE(d.decisions.size() == 1);
            CHECK(d.decisions[0].correct == c.correct);
            CHECK(d.ending == c.ending);
        }
    }
}

TEST_CASE("the best achievable at a scene is the highest score among the choices on offer") {
    Scenario s = load(kStory);
    Session session(s, Mode::Assessment, 1);
    session.choose("rush");  // on offer: greet (rapport 2), rush (rapport -1, safety 1); hidden: secret (5)
    Debrief d = session.debrief();
    CHECK(competency(d, "rapport").max == 2);
    CHECK(competency(d, "rapport").points == -1);
    CHECK(competency(d, "safety").max == 1);
    CHECK(competency(d, "safety").points == 1);

    SUBCASE("with the hidden choice on offer, it counts") {
        Session open(s, Mode::Assessment, 1);
        open.setVariable("trust", Value{std::int64_t{5}});
        open.choose("greet");
        CHECK(competency(open.debrief(), "rapport").max == 5);
        CHECK(competency(open.debrief(), "rapport").points == 2);
    }
    SUBCASE("a step where every choice harms does not lower the best") {
        std::string nodes = R"([
    {"id": "meet", "type": "scene", "choices": [
      {"text": "Bad", "goto": "end", "scores": {"c": -2}},
      {"text": "Worse", "goto": "end", "scores": {"c": -3}}
    ]},
    {"id": "end", "type": "ending"}
  ])";
        Scenario harm = load(scenarioText(R"("competencies": [{"id": "c", "name": "C"}],)", nodes));
        Session bad(harm, Mode::Assessment, 1);
        bad.choose(1);
        CHECK(competency(bad.debrief(), "c").max == 0);
        CHECK(competency(bad.debrief(), "c").points == -2);
    }
}

TEST_CASE("a session is a pure function of scenario, mode, seed and inputs") {
    std::string text = replaceOnce(kStory, "\"effect\": \"trust = trust + 2\"",
                                   "\"effect\": \"trust = trust + 2; roll = math.random(1, 1000000000)\"");
    text = replaceOnce(text, "\"text\": \"Trust is now {trust}; visit {visits}.\"", "\"text\": \"Roll {roll}.\"");
    text = replaceOnce(text, "\"visits\": 0,", "\"visits\": 0, \"roll\": 0,");
    Scenario s = load(text);
    auto play = [&](std::uint64_t seed) {
        Session session(s, Mode::Practice, seed);
        session.choose("greet");
        std::string rolled = session.step().text;
        session.choose(1);
        session.submitChecklist({"ind-a", "ind-c"});
        session.decide({"yes"});
        return std::make_pair(rolled, debriefJson(session.debrief()));
    };
    auto first = play(7);
    auto second = play(7);
    CHECK(first.first == second.first);
    CHECK(first.second == second.second);
    auto other = play(8);
    CHECK(other.first != first.first);
    CHECK(first.first != "Roll 0.");

    SUBCASE("replaying the recorded inputs gives the same debrief") {
        Session original(s, Mode::Assessment, 3);
        original.choose("greet");
        original.choose("ask");
        original.submitChecklist({"ind-b"});
        original.decide({"no"});
        Session replay(s, Mode::Assessment, 3);
        for (const auto& input : original.inputs()) replay.apply(input);
        CHECK(debriefJson(replay.debrief()) == debriefJson(original.debrief()));
        CHECK(replay.inputs() == original.inputs());
    }
}

TEST_CASE("a Lua error in a condition hides the choice, warns, and the session carries on") {
    std::string nodes = R"([
    {"id": "meet", "type": "scene", "choices": [
      {"id": "broken", "text": "Broken", "condition": "missing_table.field > 1", "goto": "end", "feedback": "f"},
      {"id": "fine", "text": "Fine", "goto": "end", "feedback": "f"}
    ]},
    {"id": "end", "type": "ending"}
  ])";
    LoadResult loaded = loadScenarioText(scenarioText("", nodes), "scenario.json", "", std::nullopt);
    REQUIRE(loaded.ok());
    Session session(*loaded.scenario, Mode::Practice, 1);
    CHECK(choiceIds(session.step()) == std::vector<std::string>{"fine"});
    REQUIRE(session.step().warnings.size() == 1);
    const std::string& warning = session.step().warnings[0];
    CHECK(warning.find("scenario.json") != std::string::npos);
    CHECK(warning.find("node 'meet'") != std::string::npos);
    CHECK(warning.find("choice 'broken'") != std::string::npos);
    CHECK(warning.find("condition") != std::string::npos);
    CHECK(warning.find("attempt to index a nil value") != std::string::npos);
    CHECK(warning.find("hidden") != std::string::npos);
    CHECK_THROWS_AS(session.choose("broken"), InputError);
    session.choose(1);
    CHECK(session.finished());
    CHECK(session.step().warnings.empty());  // warnings belong to the step they were met on
}

TEST_CASE("a runaway loop in an effect warns and the session carries on") {
    std::string nodes = R"JSON([
    {"id": "meet", "type": "scene", "choices": [
      {"id": "spin", "text": "Spin", "effect": "x = 1\nwhile true do end", "goto": "after", "feedback": "f"}
    ]},
    {"id": "after", "type": "scene", "text": "x is {x}", "on_enter": "print('entered')",
     "choices": [{"text": "End", "goto": "end", "feedback": "f"}]},
    {"id": "end", "type": "ending"}
  ])JSON";
    Scenario s = load(scenarioText(R"("variables": {"x": 0},)", nodes));
    Session session(s, Mode::Practice, 1);
    auto start = std::chrono::steady_clock::now();
    session.choose("spin");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    CHECK(session.step().nodeId == "after");
    CHECK(session.step().text == "x is 1");  // what ran before the limit stays done
    const auto& warnings = session.step().warnings;
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].find("node 'meet', choice 'spin' effect") != std::string::npos);
    CHECK(warnings[0].find("ran too long") != std::string::npos);
    CHECK(warnings[1].find("print: entered") != std::string::npos);
    session.choose(1);
    CHECK(session.finished());
}

TEST_CASE("a failing script warns on the first step") {
    Scenario s = load(scenarioText());
    s.script = "script.lua";
    s.scriptText = "function helper() return 1 end\nerror('script broke')";
    Session session(s, Mode::Practice, 1);
    REQUIRE(session.step().warnings.size() == 1);
    CHECK(session.step().warnings[0].find("script 'script.lua'") != std::string::npos);
    CHECK(session.step().warnings[0].find("script broke") != std::string::npos);
    session.choose(1);
    CHECK(session.finished());
}

TEST_CASE("a scene with nothing on offer is stuck") {
    std::string nodes = R"([
    {"id": "meet", "type": "scene", "choices": [{"text": "Never", "condition": "false", "goto": "end"}]},
    {"id": "end", "type": "ending"}
  ])";
    Scenario s = load(scenarioText("", nodes));
    Session session(s, Mode::Practice, 1);
    CHECK(session.stuck());
    CHECK_FALSE(session.finished());
    REQUIRE(session.step().warnings.size() == 1);
    CHECK(session.step().warnings[0].find("no choice is on offer") != std::string::npos);
    CHECK_THROWS_WITH_AS(session.choose(1), doctest::Contains("there are 0 choices"), InputError);
}

TEST_CASE("inputs that do not fit the step are InputErrors and change nothing") {
    Scenario s = load(kStory);
    Session session(s, Mode::Practice, 1);
    std::string before = snapshot(session);

    SUBCASE("wrong step kind") {
        CHECK_THROWS_WITH_AS(session.submitChecklist({"ind-a"}), doctest::Contains("cannot submit a checklist at node 'meet': it is a scene step"), InputError);
        CHECK_THROWS_WITH_AS(session.decide({"yes"}), doctest::Contains("cannot decide at node 'meet'"), InputError);
        session.choose("greet");
        session.choose("ask");
        before = snapshot(session);
        CHECK_THROWS_WITH_AS(session.choose(1), doctest::Contains("it is a checklist step"), InputError);
        CHECK_THROWS_WITH_AS(session.decide({"yes"}), doctest::Contains("it is a checklist step"), InputError);
        session.submitChecklist({});
        session.decide({"yes"});
        before = snapshot(session);
        CHECK_THROWS_WITH_AS(session.choose(1), doctest::Contains("(the scenario has ended)"), InputError);
        CHECK_THROWS_WITH_AS(session.apply(Input::checklist({})), doctest::Contains("cannot submit a checklist at node 'good'"), InputError);
    }
    SUBCASE("out-of-range positions") {
        CHECK_THROWS_WITH_AS(session.choose(0), doctest::Contains("choice 0 is not on offer at node 'meet': there are 2 choices"), InputError);
        CHECK_THROWS_WITH_AS(session.choose(3), doctest::Contains("choice 3 is not on offer"), InputError);
        CHECK_THROWS_AS(session.choose(-1), InputError);
        session.choose("greet");
        session.setVariable("trust", Value{std::int64_t{0}});  // only "leave" is on offer now
        before = snapshot(session);
        CHECK_THROWS_WITH_AS(session.choose(2), doctest::Contains("there is 1 choice"), InputError);
    }
    SUBCASE("unknown ids, with suggestions") {
        CHECK_THROWS_WITH_AS(session.choose("gret"), doctest::Contains("node 'meet' has no choice 'gret' — did you mean 'greet'?"), InputError);
        CHECK_THROWS_WITH_AS(session.choose("zzz"), doctest::Contains("has no choice 'zzz'"), InputError);
        session.choose("greet");
        session.choose("ask");
        before = snapshot(session);
        CHECK_THROWS_WITH_AS(session.submitChecklist({"ind-a", "ind-aa"}), doctest::Contains("does not offer indicator 'ind-aa' — did you mean 'ind-a'?"), InputError);
        session.submitChecklist({"ind-a"});
        before = snapshot(session);
        CHECK_THROWS_WITH_AS(session.decide({"yse"}), doctest::Contains("has no option 'yse' — did you mean 'yes'?"), InputError);
    }
    SUBCASE("empty and multiple answers to a single decision") {
        session.choose("greet");
        session.choose("ask");
        session.submitChecklist({});
        before = snapshot(session);
        CHECK_THROWS_WITH_AS(session.decide({}), doctest::Contains("choose at least one option"), InputError);
        CHECK_THROWS_WITH_AS(session.decide({"yes", "no"}), doctest::Contains("choose exactly one option"), InputError);
        session.decide({"yes", "yes"});  // the same option twice is one option
        CHECK(session.finished());
        return;
    }
    SUBCASE("jumping to a node that does not exist") {
        CHECK_THROWS_WITH_AS(session.jumpTo("nowhere"), doctest::Contains("there is no node 'nowhere'"), InputError);
    }
    CHECK(snapshot(session) == before);
}

TEST_CASE("a session needs its start node") {
    LoadResult loaded = loadScenarioText(scenarioText("", kMinimalNodes, "nowhere"), "scenario.json", "", std::nullopt);
    REQUIRE(loaded.scenario);
    CHECK_THROWS_WITH_AS(Session(*loaded.scenario, Mode::Practice, 1), doctest::Contains("the start node 'nowhere' does not exist"),
                         std::invalid_argument);
}

TEST_CASE("modes by name") {
    CHECK(modeFromString("practice") == Mode::Practice);
    CHECK(modeFromString("assessment") == Mode::Assessment);
    CHECK_FALSE(modeFromString("exam"));
    CHECK(std::string(toString(Mode::Practice)) == "practice");
    CHECK(std::string(toString(Mode::Assessment)) == "assessment");
}
