// `haven check`: each rule of the validator, as an error or a warning, with its JSON path, its
// message and (through loadScenarioText) its line.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "core/scenario_loader.hpp"
#include "core/validator.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace haven;
using namespace haven::test;

namespace {

// A scenario that meets every rule: each test below breaks exactly one.
const std::string kValid = R"({
  "format": "haven-scenario",
  "version": 1,
  "id": "valid",
  "title": "Valid",
  "start": "office",
  "competencies": [
    {"id": "rapport", "name": "Rapport"}
  ],
  "indicators": [
    {"id": "ind-a", "text": "Indicator A"},
    {"id": "ind-b", "text": "Indicator B"}
  ],
  "characters": [
    {"id": "mai", "name": "Mai"}
  ],
  "variables": {"trust": 0},
  "nodes": [
    {
      "id": "office",
      "type": "scene",
      "speaker": "mai",
      "text": "Trust is {trust}.",
      "on_enter": "trust = trust + 0",
      "reveals": ["ind-b"],
      "choices": [
        {
          "id": "ask",
          "text": "Ask gently.",
          "goto": "check",
          "condition": "trust >= 0",
          "effect": "trust = trust + 1",
          "scores": {"rapport": 1},
          "feedback": "Gentle questions build trust.",
          "reveals": ["ind-a"]
        }
      ]
    },
    {
      "id": "check",
      "type": "checklist",
      "prompt": "What did you see?",
      "goto": "decide",
      "items": ["ind-a", "ind-b"],
      "expected": ["ind-a"],
      "competency": "rapport"
    },
    {
      "id": "decide",
      "type": "decision",
      "prompt": "Refer?",
      "options": [
        {"id": "yes", "text": "Refer.", "correct": true, "goto": "end", "feedback": "Right."},
        {"id": "no", "text": "Do not refer.", "goto": "end", "feedback": "Wrong."}
      ]
    },
    {"id": "end", "type": "ending", "outcome": "protected"}
  ]
}
)";

LoadResult check(const std::string& text, ValidateOptions options = {}, const std::string& folder = "") {
    return loadScenarioText(text, "scenario.json", folder, options);
}

// The diagnostic at `path` containing `part`, which must exist and have `severity`; checks that
// it names the file and carries the line where its path (or the nearest enclosing one) starts.
Diagnostic expect(const LoadResult& result, Severity severity, const std::string& path, const std::string& part) {
    INFO(describe(result.diagnostics));
    INFO("looking for " << std::string(toString(severity)) << " at '" << path << "': " << part);
    const Diagnostic* d = findDiagnostic(result.diagnostics, path, part);
    REQUIRE(d);
    CHECK(d->severity == severity);
    CHECK(d->file == "scenario.json");
    CHECK(d->line > 0);
    return *d;
}

void expectNone(const LoadResult& result, const std::string& part) {
    INFO(describe(result.diagnostics));
    for (const auto& d : result.diagnostics) CHECK(d.message.find(part) == std::string::npos);
}

std::string withNode(const std::string& node) {
    return replaceOnce(kValid, "    {\"id\": \"end\", \"type\": \"ending\", \"outcome\": \"protected\"}",
                       node + ",\n    {\"id\": \"end\", \"type\": \"ending\", \"outcome\": \"protected\"}");
}

}  // namespace

TEST_CASE("the valid fixture has no diagnostics at all") {
    LoadResult result = check(kValid);
    INFO(describe(result.diagnostics));
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
}

TEST_CASE("errors") {
    SUBCASE("a broken link suggests the node meant") {
        std::string text = replaceOnce(kValid, "\"goto\": \"end\", \"feedback\": \"Wrong.\"",
                                       "\"goto\": \"ofice\", \"feedback\": \"Wrong.\"");
        LoadResult result = check(text);
        Diagnostic d = expect(result, Severity::Error, "nodes[2].options[1].goto", "unknown node 'ofice'");
        CHECK(d.message.find("did you mean 'office'?") != std::string::npos);
        CHECK(d.line == lineOf(text, "\"ofice\""));
        CHECK_FALSE(result.ok());
    }
    SUBCASE("broken links of choices and checklists") {
        std::string text = replaceOnce(kValid, "\"goto\": \"check\"", "\"goto\": \"chekc\"");
        text = replaceOnce(text, "\"goto\": \"decide\"", "\"goto\": \"nowhere\"");
        LoadResult result = check(text);
        Diagnostic choice = expect(result, Severity::Error, "nodes[0].choices[0].goto", "unknown node 'chekc'");
        CHECK(choice.message.find("did you mean 'check'?") != std::string::npos);
        Diagnostic list = expect(result, Severity::Error, "nodes[1].goto", "unknown node 'nowhere'");
        CHECK(list.message.find("did you mean") == std::string::npos);
    }
    SUBCASE("an empty link") {
        LoadResult result = check(replaceOnce(kValid, "\"goto\": \"check\"", "\"goto\": \"\""));
        expect(result, Severity::Error, "nodes[0].choices[0].goto", "the link is empty");
    }
    SUBCASE("duplicate ids") {
        struct Case {
            const char* from;
            const char* to;
            const char* path;
            const char* message;
        };
        const Case cases[] = {
            {"{\"id\": \"end\", \"type\": \"ending\", \"outcome\": \"protected\"}",
             "{\"id\": \"end\", \"type\": \"ending\", \"outcome\": \"protected\"},\n    {\"id\": \"end\", \"type\": \"ending\"}",
             "nodes[4].id", "duplicate node id 'end'"},
            {"\"reveals\": [\"ind-a\"]\n        }",
             "\"reveals\": [\"ind-a\"]\n        },\n        {\"id\": \"ask\", \"text\": \"Again.\", \"goto\": \"check\", \"feedback\": \"x\"}",
             "nodes[0].choices[1].id", "duplicate choice id 'ask'"},
            {"{\"id\": \"no\",", "{\"id\": \"yes\",", "nodes[2].options[1].id", "duplicate option id 'yes'"},
            {"{\"id\": \"rapport\", \"name\": \"Rapport\"}", "{\"id\": \"rapport\", \"name\": \"Rapport\"}, {\"id\": \"rapport\", \"name\": \"Again\"}",
             "competencies[1].id", "duplicate competency id 'rapport'"},
            {"{\"id\": \"ind-b\", \"text\": \"Indicator B\"}", "{\"id\": \"ind-a\", \"text\": \"Indicator B\"}",
             "indicators[1].id", "duplicate indicator id 'ind-a'"},
            {"{\"id\": \"mai\", \"name\": \"Mai\"}", "{\"id\": \"mai\", \"name\": \"Mai\"}, {\"id\": \"mai\", \"name\": \"Mai 2\"}",
             "characters[1].id", "duplicate character id 'mai'"},
        };
        for (const auto& c : cases) {
            INFO(std::string(c.message));
            std::string text = replaceOnce(kValid, c.from, c.to);
            Diagnostic d = expect(check(text), Severity::Error, c.path, c.message);
            // The line of the second (duplicate) id: the last line of the replacement.
            std::string_view to(c.to);
            std::size_t last = text.rfind(to);
            REQUIRE(last != std::string::npos);
            int lastLine = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(last), '\n'));
            CHECK(d.line == lastLine + static_cast<int>(std::count(to.begin(), to.end(), '\n')));
        }
    }
    SUBCASE("no nodes") {
        std::string text = scenarioText("", "[]");
        LoadResult result = check(text);
        expect(result, Severity::Error, "nodes", "the scenario has no nodes");
        expect(result, Severity::Error, "start", "missing start node");
    }
    SUBCASE("no ending can be reached") {
        std::string text = replaceOnce(kValid, "\"goto\": \"end\", \"feedback\": \"Right.\"", "\"goto\": \"office\", \"feedback\": \"Right.\"");
        text = replaceOnce(text, "\"goto\": \"end\", \"feedback\": \"Wrong.\"", "\"goto\": \"office\", \"feedback\": \"Wrong.\"");
        LoadResult result = check(text);
        Diagnostic d = expect(result, Severity::Error, "start", "no ending can be reached from the start node 'office'");
        CHECK(d.line == 6);
        // The ending itself is now unreachable: a warning on it.
        expect(result, Severity::Warning, "nodes[3]", "node 'end' cannot be reached");
    }
    SUBCASE("an unknown competency in scores and checklists") {
        std::string text = replaceOnce(kValid, "\"scores\": {\"rapport\": 1}", "\"scores\": {\"raport\": 1}");
        text = replaceOnce(text, "\"competency\": \"rapport\"", "\"competency\": \"safety\"");
        text = replaceOnce(text, "\"correct\": true, \"goto\": \"end\"", "\"correct\": true, \"scores\": {\"rapportt\": 2}, \"goto\": \"end\"");
        LoadResult result = check(text);
        Diagnostic choice = expect(result, Severity::Error, "nodes[0].choices[0].scores.raport", "unknown competency 'raport'");
        CHECK(choice.message.find("did you mean 'rapport'?") != std::string::npos);
        CHECK(choice.line == lineOf(text, "\"raport\""));
        expect(result, Severity::Error, "nodes[2].options[0].scores.rapportt", "unknown competency 'rapportt'");
        expect(result, Severity::Error, "nodes[1].competency", "unknown competency 'safety'");
    }
    SUBCASE("an unknown indicator in reveals, expected and items") {
        std::string text = replaceOnce(kValid, "\"reveals\": [\"ind-b\"]", "\"reveals\": [\"ind-bb\"]");
        text = replaceOnce(text, "\"reveals\": [\"ind-a\"]", "\"reveals\": [\"ind-a\", \"ind-x\"]");
        text = replaceOnce(text, "\"items\": [\"ind-a\", \"ind-b\"]", "\"items\": [\"ind-a\", \"ind-c\"]");
        text = replaceOnce(text, "\"expected\": [\"ind-a\"]", "\"expected\": [\"inda\"]");
        LoadResult result = check(text);
        Diagnostic node = expect(result, Severity::Error, "nodes[0].reveals[0]", "unknown indicator 'ind-bb'");
        CHECK(node.message.find("did you mean 'ind-b'?") != std::string::npos);
        expect(result, Severity::Error, "nodes[0].choices[0].reveals[1]", "unknown indicator 'ind-x'");
        expect(result, Severity::Error, "nodes[1].items[1]", "unknown indicator 'ind-c'");
        Diagnostic expected = expect(result, Severity::Error, "nodes[1].expected[0]", "unknown indicator 'inda'");
        CHECK(expected.message.find("did you mean 'ind-a'?") != std::string::npos);
        CHECK(expected.line == lineOf(text, "\"expected\""));
    }
    SUBCASE("Lua that does not compile, with Lua's line") {
        struct Case {
            const char* from;
            const char* to;
            const char* path;
            const char* line;
        };
        const Case cases[] = {
            {"\"condition\": \"trust >= 0\"", "\"condition\": \"trust >=\"", "nodes[0].choices[0].condition", "line 1:"},
            {"\"condition\": \"trust >= 0\"", "\"condition\": \"trust >= 0 and\\n(trust\"", "nodes[0].choices[0].condition", "line 2:"},
            {"\"effect\": \"trust = trust + 1\"", "\"effect\": \"trust = trust +\"", "nodes[0].choices[0].effect", "line 1:"},
            {"\"on_enter\": \"trust = trust + 0\"", "\"on_enter\": \"trust = 1\\nif then end\"", "nodes[0].on_enter", "line 2:"},
        };
        for (const auto& c : cases) {
            INFO(std::string(c.to));
            std::string text = replaceOnce(kValid, c.from, c.to);
            LoadResult result = check(text);
            Diagnostic d = expect(result, Severity::Error, c.path, "Lua does not compile");
            CHECK(d.message.find(c.line) != std::string::npos);
            CHECK(d.line == lineOf(text, c.to));
        }
    }
    SUBCASE("a script that does not compile") {
        std::string folder = temporaryFolder();
        writeText(folder + "/script.lua", "function ok() return 1 end\n\nfunction broken(\n");
        std::string text = replaceOnce(kValid, "\"variables\"", "\"script\": \"script.lua\",\n  \"variables\"");
        LoadResult result = check(text, {}, folder);
        Diagnostic d = expect(result, Severity::Error, "script", "Lua does not compile");
        CHECK(d.message.find("line ") != std::string::npos);
        CHECK(d.line == lineOf(text, "\"script\""));
    }
    SUBCASE("a missing start node") {
        std::string text = replaceOnce(kValid, "\"start\": \"office\"", "\"start\": \"ofice\"");
        LoadResult result = check(text);
        Diagnostic d = expect(result, Severity::Error, "start", "missing start node: 'ofice' is not a node");
        CHECK(d.message.find("did you mean 'office'?") != std::string::npos);
        CHECK(d.line == 6);
    }
    SUBCASE("an unknown speaker") {
        std::string text = replaceOnce(kValid, "\"speaker\": \"mai\"", "\"speaker\": \"mia\"");
        Diagnostic d = expect(check(text), Severity::Error, "nodes[0].speaker", "unknown character 'mia'");
        CHECK(d.message.find("did you mean 'mai'?") != std::string::npos);
        CHECK(d.line == lineOf(text, "\"speaker\""));
    }
    SUBCASE("a decision option without goto and no fallback") {
        std::string text = replaceOnce(kValid, "\"goto\": \"end\", \"feedback\": \"Wrong.\"", "\"feedback\": \"Wrong.\"");
        Diagnostic d = expect(check(text), Severity::Error, "nodes[2]", "an option has no goto and the node has no goto to fall back on");
        CHECK(d.message.find("decision 'decide'") != std::string::npos);
        CHECK(d.line == lineOf(text, "\"id\": \"decide\"") - 1);

        // With a node-level goto to fall back on, it is fine.
        std::string fallback = replaceOnce(text, "\"prompt\": \"Refer?\",", "\"prompt\": \"Refer?\",\n      \"goto\": \"end\",");
        LoadResult ok = check(fallback);
        INFO(describe(ok.diagnostics));
        CHECK(ok.diagnostics.empty());
    }
    SUBCASE("a decision without options") {
        std::string text = withNode(R"({"id": "empty", "type": "decision", "goto": "end", "options": []})");
        text = replaceOnce(text, "\"goto\": \"decide\"", "\"goto\": \"empty\"");
        expect(check(text), Severity::Error, "nodes[3].options", "a decision needs at least one option");
    }
    SUBCASE("a checklist when the scenario declares no indicators") {
        std::string nodes = R"([
    {"id": "meet", "type": "checklist", "goto": "end"},
    {"id": "end", "type": "ending"}
  ])";
        expect(check(scenarioText("", nodes)), Severity::Error, "nodes[0]", "the checklist offers no indicators");
    }
    SUBCASE("a portrait outside the folder") {
        std::string text = replaceOnce(kValid, "{\"id\": \"mai\", \"name\": \"Mai\"}",
                                       "{\"id\": \"mai\", \"name\": \"Mai\", \"portraits\": {\"calm\": \"../mai.png\"}}");
        expect(check(text), Severity::Error, "characters[0].portraits.calm", "inside the scenario folder");
    }
    SUBCASE("validation does not run when the file has read errors") {
        std::string text = replaceOnce(kValid, "\"title\": \"Valid\"", "\"title\": 1");
        text = replaceOnce(text, "\"start\": \"office\"", "\"start\": \"nowhere\"");
        LoadResult result = check(text);
        INFO(describe(result.diagnostics));
        CHECK(findDiagnostic(result.diagnostics, "title"));
        CHECK_FALSE(findDiagnostic(result.diagnostics, "start"));
    }
}

TEST_CASE("warnings") {
    SUBCASE("an unreachable node") {
        std::string text = withNode(R"({"id": "orphan", "type": "ending"})");
        LoadResult result = check(text);
        Diagnostic d = expect(result, Severity::Warning, "nodes[3]", "node 'orphan' cannot be reached from the start");
        CHECK(d.line == lineOf(text, "{\"id\": \"orphan\""));
        CHECK(result.ok());  // warnings only
    }
    SUBCASE("a dead end") {
        std::string text = replaceOnce(kValid, "\"goto\": \"end\", \"feedback\": \"Wrong.\"", "\"goto\": \"stuck\", \"feedback\": \"Wrong.\"");
        text = withNode(R"({"id": "stuck", "type": "scene", "text": "Nothing to do."})");
        text = replaceOnce(text, "\"goto\": \"end\", \"feedback\": \"Wrong.\"", "\"goto\": \"stuck\", \"feedback\": \"Wrong.\"");
        LoadResult result = check(text);
        expect(result, Severity::Warning, "nodes[3]", "dead end: node 'stuck' is not an ending but has no way on");
        CHECK(result.ok());
    }
    SUBCASE("a choice and an option without feedback") {
        std::string text = replaceOnce(kValid, "\"feedback\": \"Gentle questions build trust.\",", "");
        text = replaceOnce(text, ", \"feedback\": \"Wrong.\"", "");
        LoadResult result = check(text);
        expect(result, Severity::Warning, "nodes[0].choices[0]", "the choice has no feedback");
        expect(result, Severity::Warning, "nodes[2].options[1]", "the option has no feedback");
        CHECK(result.ok());
    }
    SUBCASE("a missing asset file") {
        std::string folder = temporaryFolder();
        std::string text = replaceOnce(kValid, "{\"id\": \"mai\", \"name\": \"Mai\"}",
                                       "{\"id\": \"mai\", \"name\": \"Mai\", \"portraits\": {\"calm\": \"assets/mai.png\"}}");
        text = replaceOnce(text, "\"speaker\": \"mai\",", "\"speaker\": \"mai\",\n      \"mood\": \"calm\",");
        Diagnostic d = expect(check(text, {}, folder), Severity::Warning, "characters[0].portraits.calm",
                              "missing asset file 'assets/mai.png'");
        CHECK(d.line == lineOf(text, "\"calm\": \"assets"));

        std::filesystem::create_directories(folder + "/assets");
        writeText(folder + "/assets/mai.png", "png");
        LoadResult present = check(text, {}, folder);
        INFO(describe(present.diagnostics));
        CHECK(present.diagnostics.empty());

        ValidateOptions noAssets;
        noAssets.assets = false;
        CHECK(check(text, noAssets, temporaryFolder()).diagnostics.empty());
    }
    SUBCASE("a variable used but never declared") {
        std::string text = replaceOnce(kValid, "\"condition\": \"trust >= 0\"", "\"condition\": \"trsut >= 0\"");
        text = replaceOnce(text, "\"Ask gently.\"", "\"Ask {nmae} gently.\"");
        text = replaceOnce(text, "\"Trust is {trust}.\"", "\"Trust is {trust}, {{not a variable}}.\"");
        LoadResult result = check(text);
        Diagnostic condition = expect(result, Severity::Warning, "nodes[0].choices[0].condition",
                                      "variable 'trsut' is used but never declared in 'variables'");
        CHECK(condition.message.find("did you mean 'trust'?") != std::string::npos);
        expect(result, Severity::Warning, "nodes[0].choices[0].text", "variable 'nmae' is used but never declared");
        expectNone(result, "'not'");
        CHECK(result.ok());
    }
    SUBCASE("names from the script and the libraries count as declared") {
        std::string folder = temporaryFolder();
        writeText(folder + "/script.lua", "function helper(x) return x + 1 end\nlimit = 3\n");
        std::string text = replaceOnce(kValid, "\"variables\"", "\"script\": \"script.lua\",\n  \"variables\"");
        text = replaceOnce(text, "\"trust >= 0\"", "\"helper(trust) <= limit and math.max(1, 2) == 2 and type(trust) == 'number'\"");
        LoadResult result = check(text, {}, folder);
        INFO(describe(result.diagnostics));
        CHECK(result.diagnostics.empty());
    }
    SUBCASE("a competency nobody scores") {
        std::string text = replaceOnce(kValid, "{\"id\": \"rapport\", \"name\": \"Rapport\"}",
                                       "{\"id\": \"rapport\", \"name\": \"Rapport\"},\n    {\"id\": \"safety\", \"name\": \"Safety\"}");
        LoadResult result = check(text);
        Diagnostic d = expect(result, Severity::Warning, "competencies[1]", "scores competency 'safety'");
        CHECK(d.line == lineOf(text, "{\"id\": \"safety\""));
        // Zero points do not count as scoring it.
        std::string zero = replaceOnce(text, "\"scores\": {\"rapport\": 1}", "\"scores\": {\"rapport\": 1, \"safety\": 0}");
        expect(check(zero), Severity::Warning, "competencies[1]", "scores competency 'safety'");
    }
    SUBCASE("a mood without a portrait") {
        std::string folder = temporaryFolder();
        std::filesystem::create_directories(folder + "/assets");
        writeText(folder + "/assets/mai.png", "png");
        std::string text = replaceOnce(kValid, "{\"id\": \"mai\", \"name\": \"Mai\"}",
                                       "{\"id\": \"mai\", \"name\": \"Mai\", \"portraits\": {\"calm\": \"assets/mai.png\"}}");
        text = replaceOnce(text, "\"speaker\": \"mai\",", "\"speaker\": \"mai\",\n      \"mood\": \"clam\",");
        Diagnostic d = expect(check(text, {}, folder), Severity::Warning, "nodes[0].mood", "'Mai' has no portrait for mood 'clam'");
        CHECK(d.message.find("did you mean 'calm'?") != std::string::npos);
        CHECK(d.line == lineOf(text, "\"mood\""));
    }
    SUBCASE("no correct option") {
        std::string text = replaceOnce(kValid, "\"correct\": true, ", "");
        LoadResult result = check(text);
        expect(result, Severity::Warning, "nodes[2].options", "no option is marked correct");
        CHECK(result.ok());
    }
}

TEST_CASE("script checks can be turned off") {
    std::string text = replaceOnce(kValid, "\"condition\": \"trust >= 0\"", "\"condition\": \"trust >=\"");
    text = replaceOnce(text, "\"Ask gently.\"", "\"Ask {nmae} gently.\"");
    ValidateOptions options;
    options.scripts = false;
    LoadResult result = check(text, options);
    INFO(describe(result.diagnostics));
    CHECK(result.diagnostics.empty());
}

TEST_CASE("validate() on its own leaves lines to the loader; the loader adds them") {
    std::string text = replaceOnce(kValid, "\"speaker\": \"mai\"", "\"speaker\": \"mia\"");
    LoadResult loaded = loadScenarioText(text, "scenario.json", "", std::nullopt);
    REQUIRE(loaded.scenario);
    CHECK(loaded.diagnostics.empty());
    Diagnostics direct;
    validate(*loaded.scenario, direct);
    const Diagnostic* bare = findDiagnostic(direct, "nodes[0].speaker", "unknown character");
    REQUIRE(bare);
    CHECK(bare->line == 0);
    CHECK(bare->file == "scenario.json");

    LoadResult positioned = check(text);
    const Diagnostic* withLine = findDiagnostic(positioned.diagnostics, "nodes[0].speaker", "unknown character");
    REQUIRE(withLine);
    CHECK(withLine->line == lineOf(text, "\"speaker\": \"mia\""));
    CHECK(withLine->column == 7);
    CHECK(format(*withLine) == "scenario.json:" + std::to_string(withLine->line) +
                                   ":7: error: nodes[0].speaker: unknown character 'mia' — did you mean 'mai'?");
}
