// The canonical writer: load-then-write of a canonical file gives the same bytes, defaults are
// left out, keys keep the documented order, and what is written loads back to the same model.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "core/scenario_loader.hpp"
#include "core/scenario_writer.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace haven;
using namespace haven::test;
namespace fs = std::filesystem;

namespace {

// Uses every field of the format, in canonical order and layout.
const std::string kEveryField = R"({
  "format": "haven-scenario",
  "version": 1,
  "id": "every-field",
  "title": "Every field",
  "summary": "A scenario that uses every field.",
  "language": "en",
  "audience": [
    "border officers",
    "police"
  ],
  "estimated_minutes": 12,
  "content_notes": [
    "Nothing graphic"
  ],
  "pass_mark": 0.65,
  "start": "meet",
  "competencies": [
    {
      "id": "rapport",
      "name": "Rapport",
      "description": "Builds trust."
    },
    {
      "id": "safety",
      "name": "Safety"
    }
  ],
  "indicators": [
    {
      "id": "docs",
      "text": "Documents held by someone else",
      "category": "Coercion",
      "source": "ILO"
    },
    {
      "id": "debt",
      "text": "Debt"
    }
  ],
  "characters": [
    {
      "id": "mai",
      "name": "Mai",
      "role": "Passenger",
      "portraits": {
        "calm": "assets/mai-calm.png",
        "worried": "assets/mai-worried.png"
      }
    }
  ],
  "variables": {
    "asked": false,
    "name": "Mai",
    "ratio": 0.5,
    "trust": 0
  },
  "script": "script.lua",
  "nodes": [
    {
      "id": "meet",
      "type": "scene",
      "speaker": "mai",
      "mood": "calm",
      "text": "{name} waits.",
      "on_enter": "trust = trust + 0",
      "reveals": [
        "docs"
      ],
      "choices": [
        {
          "id": "ask",
          "text": "Ask gently.",
          "goto": "check",
          "condition": "trust >= 0",
          "effect": "asked = true",
          "scores": {
            "rapport": 2,
            "safety": -1
          },
          "feedback": "Gentle.",
          "reveals": [
            "debt"
          ],
          "reference": "WHO: ensure privacy"
        },
        {
          "text": "Wait.",
          "goto": "check"
        }
      ]
    },
    {
      "id": "check",
      "type": "checklist",
      "prompt": "What did you see?",
      "goto": "decide",
      "items": [
        "docs",
        "debt"
      ],
      "expected": [
        "docs"
      ],
      "competency": "safety"
    },
    {
      "id": "check-again",
      "type": "checklist",
      "goto": "decide",
      "expected": []
    },
    {
      "id": "decide",
      "type": "decision",
      "prompt": "Refer?",
      "multiple": true,
      "options": [
        {
          "id": "yes",
          "text": "Refer.",
          "correct": true,
          "goto": "end",
          "scores": {
            "safety": 3
          },
          "feedback": "Right.",
          "reference": "Referral"
        },
        {
          "id": "no",
          "text": "Do not refer."
        }
      ],
      "goto": "end"
    },
    {
      "id": "end",
      "type": "ending",
      "text": "Done.",
      "outcome": "protected",
      "feedback": "Mai is safe."
    }
  ]
}
)";

Scenario load(const std::string& text, const std::string& folder = "") {
    LoadResult result = loadScenarioText(text, "scenario.json", folder, std::nullopt);
    INFO(describe(result.diagnostics));
    REQUIRE(result.scenario);
    REQUIRE_FALSE(hasErrors(result.diagnostics));
    return std::move(*result.scenario);
}

// Field by field: the model has no operator==, and a failure should say which field differs.
void checkSameModel(const Scenario& a, const Scenario& b) {
    CHECK(a.version == b.version);
    CHECK(a.id == b.id);
    CHECK(a.title == b.title);
    CHECK(a.summary == b.summary);
    CHECK(a.language == b.language);
    CHECK(a.audience == b.audience);
    CHECK(a.estimatedMinutes == b.estimatedMinutes);
    CHECK(a.contentNotes == b.contentNotes);
    CHECK(a.passMark == b.passMark);
    CHECK(a.start == b.start);
    REQUIRE(a.competencies.size() == b.competencies.size());
    for (std::size_t i = 0; i < a.competencies.size(); ++i) {
        CHECK(a.competencies[i].id == b.competencies[i].id);
        CHECK(a.competencies[i].name == b.competencies[i].name);
        CHECK(a.competencies[i].description == b.competencies[i].description);
    }
    REQUIRE(a.indicators.size() == b.indicators.size());
    for (std::size_t i = 0; i < a.indicators.size(); ++i) {
        CHECK(a.indicators[i].id == b.indicators[i].id);
        CHECK(a.indicators[i].text == b.indicators[i].text);
        CHECK(a.indicators[i].category == b.indicators[i].category);
        CHECK(a.indicators[i].source == b.indicators[i].source);
    }
    REQUIRE(a.characters.size() == b.characters.size());
    for (std::size_t i = 0; i < a.characters.size(); ++i) {
        CHECK(a.characters[i].id == b.characters[i].id);
        CHECK(a.characters[i].name == b.characters[i].name);
        CHECK(a.characters[i].role == b.characters[i].role);
        CHECK(a.characters[i].portraits == b.characters[i].portraits);
    }
    CHECK(a.variables == b.variables);
    CHECK(a.script == b.script);
    REQUIRE(a.nodes.size() == b.nodes.size());
    for (std::size_t n = 0; n < a.nodes.size(); ++n) {
        const Node& x = a.nodes[n];
        const Node& y = b.nodes[n];
        INFO("node " << x.id);
        CHECK(x.id == y.id);
        CHECK(x.type == y.type);
        CHECK(x.speaker == y.speaker);
        CHECK(x.mood == y.mood);
        CHECK(x.text == y.text);
        CHECK(x.onEnter == y.onEnter);
        CHECK(x.reveals == y.reveals);
        CHECK(x.prompt == y.prompt);
        CHECK(x.goTo == y.goTo);
        CHECK(x.items == y.items);
        CHECK(x.expected == y.expected);
        CHECK(x.competency == y.competency);
        CHECK(x.multiple == y.multiple);
        CHECK(x.outcome == y.outcome);
        CHECK(x.feedback == y.feedback);
        REQUIRE(x.choices.size() == y.choices.size());
        for (std::size_t c = 0; c < x.choices.size(); ++c) {
            const Choice& p = x.choices[c];
            const Choice& q = y.choices[c];
            CHECK(p.id == q.id);
            CHECK(p.text == q.text);
            CHECK(p.goTo == q.goTo);
            CHECK(p.condition == q.condition);
            CHECK(p.effect == q.effect);
            CHECK(p.scores == q.scores);
            CHECK(p.feedback == q.feedback);
            CHECK(p.reveals == q.reveals);
            CHECK(p.reference == q.reference);
        }
        REQUIRE(x.options.size() == y.options.size());
        for (std::size_t o = 0; o < x.options.size(); ++o) {
            const Option& p = x.options[o];
            const Option& q = y.options[o];
            CHECK(p.id == q.id);
            CHECK(p.text == q.text);
            CHECK(p.correct == q.correct);
            CHECK(p.goTo == q.goTo);
            CHECK(p.scores == q.scores);
            CHECK(p.feedback == q.feedback);
            CHECK(p.reference == q.reference);
        }
    }
}

// First differing line, for a readable failure.
std::string firstDifference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    std::size_t lineStart = a.rfind('\n', i == 0 ? 0 : i - 1);
    lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
    return "at byte " + std::to_string(i) + ", line " + std::to_string(1 + std::count(a.begin(), a.begin() + long(i), '\n')) +
           ":\n  expected: " + a.substr(lineStart, a.find('\n', i) - lineStart) + "\n  written:  " +
           b.substr(lineStart, b.find('\n', i) - lineStart);
}

}  // namespace

TEST_CASE("every shipped scenario is canonical: load then write gives the same bytes") {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(source("scenarios")))
        if (fs::exists(entry.path() / "scenario.json")) files.push_back((entry.path() / "scenario.json").string());
    std::sort(files.begin(), files.end());
    REQUIRE_FALSE(files.empty());
    for (const auto& file : files) {
        INFO(file);
        std::string text = readText(file);
        std::string folder = fs::path(file).parent_path().string();
        Scenario scenario = load(text, folder);
        std::string written = writeScenarioJson(scenario);
        INFO(firstDifference(text, written));
        CHECK(written == text);
        checkSameModel(scenario, load(written, folder));
    }
}

TEST_CASE("a scenario using every field round-trips byte for byte") {
    std::string folder = temporaryFolder();
    writeText(folder + "/script.lua", "function helper() return 1 end\n");
    Scenario scenario = load(kEveryField, folder);
    std::string written = writeScenarioJson(scenario);
    INFO(firstDifference(kEveryField, written));
    CHECK(written == kEveryField);

    SUBCASE("and re-loads to an equal model") {
        Scenario again = load(written, folder);
        checkSameModel(scenario, again);
        CHECK(again.nodes[2].expected.has_value());  // an explicit empty list is kept
        CHECK(again.nodes[2].expected->empty());
        CHECK_FALSE(again.nodes[3].expected.has_value());
        CHECK(writeScenarioJson(again) == written);
    }
}

TEST_CASE("the writer leaves out fields that hold their default, except pass_mark") {
    std::string text = R"({
  "format": "haven-scenario", "version": 1, "id": "d", "title": "D",
  "summary": "", "language": "", "audience": [], "estimated_minutes": 0, "content_notes": [],
  "start": "meet", "competencies": [], "indicators": [], "characters": [], "variables": {}, "script": "",
  "nodes": [
    {"id": "meet", "type": "scene", "speaker": "", "mood": "", "text": "", "on_enter": "", "reveals": [],
     "choices": [{"id": "", "text": "Go", "goto": "pick", "condition": "", "effect": "", "scores": {},
                  "feedback": "", "reveals": [], "reference": ""}]},
    {"id": "pick", "type": "decision", "prompt": "", "multiple": false, "goto": "",
     "options": [{"id": "x", "text": "X", "correct": false, "goto": "end", "scores": {}, "feedback": "", "reference": ""}]},
    {"id": "end", "type": "ending", "outcome": "", "feedback": ""}
  ]
})";
    std::string written = writeScenarioJson(load(text));
    std::string expected = R"({
  "format": "haven-scenario",
  "version": 1,
  "id": "d",
  "title": "D",
  "pass_mark": 0.7,
  "start": "meet",
  "nodes": [
    {
      "id": "meet",
      "type": "scene",
      "choices": [
        {
          "text": "Go",
          "goto": "pick"
        }
      ]
    },
    {
      "id": "pick",
      "type": "decision",
      "options": [
        {
          "id": "x",
          "text": "X",
          "goto": "end"
        }
      ]
    },
    {
      "id": "end",
      "type": "ending"
    }
  ]
}
)";
    INFO(firstDifference(expected, written));
    CHECK(written == expected);

    SUBCASE("a scene without choices writes no choices; a checklist always has its goto") {
        std::string nodes = R"([
    {"id": "meet", "type": "checklist", "goto": "end"},
    {"id": "end", "type": "ending"}
  ])";
        std::string out = writeScenarioJson(load(scenarioText("", nodes)));
        CHECK(out.find("\"goto\": \"end\"") != std::string::npos);
        CHECK(out.find("\"choices\"") == std::string::npos);
        CHECK(out.find("\"items\"") == std::string::npos);
        CHECK(out.find("\"expected\"") == std::string::npos);
    }
}

TEST_CASE("keys come out in the documented order whatever order they were read in") {
    std::string scrambled = R"({"nodes": [{"choices": [{"goto": "end", "feedback": "F", "text": "Go", "id": "go"}],
    "text": "T", "type": "scene", "id": "meet"}, {"outcome": "o", "type": "ending", "id": "end"}],
    "start": "meet", "pass_mark": 0.5, "title": "T", "id": "o", "version": 1, "format": "haven-scenario"})";
    std::string written = writeScenarioJson(load(scrambled));
    std::string expected = R"({
  "format": "haven-scenario",
  "version": 1,
  "id": "o",
  "title": "T",
  "pass_mark": 0.5,
  "start": "meet",
  "nodes": [
    {
      "id": "meet",
      "type": "scene",
      "text": "T",
      "choices": [
        {
          "id": "go",
          "text": "Go",
          "goto": "end",
          "feedback": "F"
        }
      ]
    },
    {
      "id": "end",
      "type": "ending",
      "outcome": "o"
    }
  ]
}
)";
    INFO(firstDifference(expected, written));
    CHECK(written == expected);
}

TEST_CASE("layout: two-space indent, no tabs, one trailing newline") {
    std::string written = writeScenarioJson(load(scenarioText()));
    CHECK(written.rfind("{\n  \"format\": \"haven-scenario\",\n", 0) == 0);
    CHECK(written.size() >= 3);
    CHECK(written.substr(written.size() - 3) == "\n}\n");
    CHECK(written.find('\t') == std::string::npos);
    CHECK(written.find("\r") == std::string::npos);
    CHECK(written.find("\n      \"id\": \"meet\"") != std::string::npos);  // three levels deep
    CHECK(written.find(" \n") == std::string::npos);                       // no trailing spaces
}

TEST_CASE("integer and float variables keep their type") {
    std::string text = scenarioText(
        "\"variables\": {\"count\": 3, \"neg\": -4, \"ratio\": 2.5, \"whole\": 2.0, \"big\": 9007199254740993, "
        "\"tiny\": 1e-7, \"flag\": true, \"off\": false, \"name\": \"x\", \"empty\": \"\"},");
    Scenario scenario = load(text);
    std::string written = writeScenarioJson(scenario);
    Scenario again = load(written);
    CHECK(again.variables == scenario.variables);
    CHECK(again.variables.at("count") == Value{std::int64_t{3}});
    CHECK(again.variables.at("neg") == Value{std::int64_t{-4}});
    CHECK(again.variables.at("ratio") == Value{2.5});
    REQUIRE(std::holds_alternative<double>(again.variables.at("whole")));
    CHECK(std::get<double>(again.variables.at("whole")) == 2.0);
    CHECK(again.variables.at("big") == Value{std::int64_t{9007199254740993}});
    CHECK(std::get<double>(again.variables.at("tiny")) == 1e-7);
    CHECK(again.variables.at("flag") == Value{true});
    CHECK(again.variables.at("off") == Value{false});
    CHECK(again.variables.at("empty") == Value{std::string()});
    CHECK(written.find("\"count\": 3,") != std::string::npos);
    CHECK(written.find("\"whole\": 2.0\n") != std::string::npos);
    CHECK(written.find("\"big\": 9007199254740993,") != std::string::npos);
    CHECK(written.find("\"off\": false") != std::string::npos);  // a variable's false is a value, not a default
}

TEST_CASE("strings with quotes, backslashes, newlines, control characters and Unicode survive") {
    const std::string tricky = "She said \"wait\" \\ then left.\nSecond line\tand a tab; \x01; "
                               "Müller — 你好 😀 \xe2\x80\xa8 </script>";
    Scenario scenario = load(scenarioText());
    scenario.title = tricky;
    scenario.nodes[0].text = tricky;
    scenario.nodes[0].choices[0].effect = "note = \"a\\\"b\"\nx = [[long\nstring]]";
    scenario.variables["quote"] = std::string("\"{x}\"");
    std::string written = writeScenarioJson(scenario);
    Scenario again = load(written);
    CHECK(again.title == tricky);
    CHECK(again.nodes[0].text == tricky);
    CHECK(again.nodes[0].choices[0].effect == scenario.nodes[0].choices[0].effect);
    CHECK(again.variables.at("quote") == Value{std::string("\"{x}\"")});
    CHECK(written.find("\\\"wait\\\"") != std::string::npos);
    CHECK(written.find("\\n") != std::string::npos);
    CHECK(written == writeScenarioJson(again));
}

TEST_CASE("a version 0 file is written as version 1 with goto") {
    std::string text = R"({"format": "haven-scenario", "version": 0, "id": "old", "title": "Old", "start": "meet",
      "nodes": [{"id": "meet", "type": "scene", "choices": [{"text": "Go", "next": "end"}]},
                {"id": "end", "type": "ending"}]})";
    std::string written = writeScenarioJson(load(text));
    CHECK(written.find("\"version\": 1,") != std::string::npos);
    CHECK(written.find("\"goto\": \"end\"") != std::string::npos);
    CHECK(written.find("\"next\"") == std::string::npos);
    checkSameModel(load(text), load(written));
}
