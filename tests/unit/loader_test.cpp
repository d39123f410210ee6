// Loading scenario.json: every way a file can be broken is reported with the file, the JSON path
// and, where known, the line and column — and nothing a file contains can crash the loader.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "core/json_text.hpp"
#include "core/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

using namespace haven;
using namespace haven::test;
namespace fs = std::filesystem;

namespace {

// The only diagnostic of a result that must hold exactly one.
Diagnostic single(const LoadResult& result) {
    INFO(describe(result.diagnostics));
    REQUIRE(result.diagnostics.size() == 1);
    return result.diagnostics.front();
}

// A sparse file of `size` bytes: fast to make however large.
void makeSparseFile(const std::string& path, std::size_t size) {
    std::ofstream out(path, std::ios::binary);
    out.seekp(static_cast<std::streamoff>(size) - 1);
    out.put(' ');
    REQUIRE(out.good());
}

}  // namespace

TEST_CASE("a minimal scenario loads without diagnostics") {
    LoadResult result = loadText(scenarioText(), ValidateOptions{});
    INFO(describe(result.diagnostics));
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
    REQUIRE(result.scenario);
    CHECK(result.scenario->id == "test");
    CHECK(result.scenario->title == "Test");
    CHECK(result.scenario->start == "meet");
    CHECK(result.scenario->passMark == doctest::Approx(0.7));
    REQUIRE(result.scenario->nodes.size() == 2);
    CHECK(result.scenario->nodes[0].choices.at(0).goTo == "end");
    CHECK(result.scenario->findNode("end") == &result.scenario->nodes[1]);
    CHECK(result.scenario->file == "scenario.json");
}

TEST_CASE("a truncated file is an error at the point where it ends") {
    SUBCASE("inside a string") {
        std::string text = "{\n  \"format\": \"haven-scenario\",\n  \"version\": 1,\n  \"title\": \"Te";
        LoadResult result = loadText(text);
        const Diagnostic& d = single(result);
        CHECK_FALSE(result.scenario);
        CHECK(d.severity == Severity::Error);
        CHECK(d.file == "scenario.json");
        CHECK(d.path.empty());
        CHECK(d.line == 4);
        CHECK(d.column > 1);
        CHECK(d.message.find("invalid JSON") != std::string::npos);
        CHECK(format(d).find("scenario.json:4:") == 0);
    }
    SUBCASE("half of a valid file") {
        std::string whole = scenarioText();
        std::string text = whole.substr(0, whole.size() / 2);
        LoadResult result = loadText(text);
        const Diagnostic& d = single(result);
        CHECK_FALSE(result.scenario);
        CHECK(d.message.find("invalid JSON") != std::string::npos);
        CHECK(d.line == 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n')));
    }
    SUBCASE("an empty file") {
        LoadResult result = loadText("");
        CHECK(single(result).message.find("empty") != std::string::npos);
        CHECK_FALSE(result.scenario);
    }
}

TEST_CASE("a field of the wrong type names its path and line") {
    struct Case {
        const char* from;
        const char* to;
        const char* path;
        const char* message;
    };
    const Case cases[] = {
        {"\"title\": \"Test\"", "\"title\": 3", "title", "expected a string, found a number"},
        {"\"title\": \"Test\"", "\"title\": null", "title", "expected a string, found null"},
        {"\"start\": \"meet\"", "\"start\": [\"meet\"]", "start", "expected a string, found an array"},
        {"\"nodes\": [", "\"nodes\": {\"x\": [", "nodes", "expected an array, found an object"},
    };
    for (const auto& c : cases) {
        INFO(std::string(c.to));
        std::string text = replaceOnce(scenarioText(), c.from, c.to);
        if (std::string(c.path) == "nodes") text = replaceOnce(text, "]\n}\n", "]}\n}\n");
        LoadResult result = loadText(text);
        INFO(describe(result.diagnostics));
        CHECK_FALSE(result.ok());
        const Diagnostic* d = findDiagnostic(result.diagnostics, c.path, c.message);
        REQUIRE(d);
        CHECK(d->severity == Severity::Error);
        CHECK(d->file == "scenario.json");
        CHECK(d->line == lineOf(text, c.to));
        CHECK(d->column == 3);
    }

    SUBCASE("numbers, booleans, lists and maps") {
        struct Extra {
            const char* field;
            const char* path;
            const char* message;
        };
        const Extra extras[] = {
            {"\"estimated_minutes\": \"ten\",", "estimated_minutes", "expected a whole number, found a string"},
            {"\"estimated_minutes\": 2.5,", "estimated_minutes", "expected a whole number"},
            {"\"pass_mark\": \"high\",", "pass_mark", "expected a number, found a string"},
            {"\"pass_mark\": 1.5,", "pass_mark", "must be between 0 and 1"},
            {"\"pass_mark\": -0.1,", "pass_mark", "must be between 0 and 1"},
            {"\"audience\": \"police\",", "audience", "expected an array of strings, found a string"},
            {"\"audience\": [\"police\", 7],", "audience[1]", "expected a string, found a number"},
            {"\"variables\": {\"x\": [1]},", "variables.x", "a variable's value must be a boolean, number or string"},
            {"\"variables\": {\"x\": null},", "variables.x", "found null"},
            {"\"variables\": [],", "variables", "expected an object, found an array"},
            {"\"competencies\": [\"rapport\"],", "competencies[0]", "expected an object, found a string"},
            {"\"characters\": [{\"id\": \"a\", \"name\": \"A\", \"portraits\": {\"calm\": 1}}],",
             "characters[0].portraits.calm", "expected a string, found a number"},
        };
        for (const auto& e : extras) {
            INFO(std::string(e.field));
            std::string text = scenarioText(e.field);
            LoadResult result = loadText(text);
            INFO(describe(result.diagnostics));
            CHECK_FALSE(result.ok());
            const Diagnostic* d = findDiagnostic(result.diagnostics, e.path, e.message);
            REQUIRE(d);
            CHECK(d->severity == Severity::Error);
            CHECK(d->line == 7);  // the extra fields sit on line 7
        }
    }

    SUBCASE("inside a node") {
        struct NodeCase {
            const char* from;
            const char* to;
            const char* path;
            const char* message;
        };
        const NodeCase nodeCases[] = {
            {"\"goto\": \"end\",", "\"goto\": \"end\", \"scores\": {\"rapport\": 1.5},", "nodes[0].choices[0].scores.rapport",
             "expected whole points, found a number"},
            {"\"goto\": \"end\",", "\"goto\": \"end\", \"reveals\": \"a\",", "nodes[0].choices[0].reveals",
             "expected an array of strings"},
            {"\"text\": \"A person waits.\",", "\"text\": false,", "nodes[0].text", "expected a string, found a boolean"},
            {"\"choices\": [", "\"choices\": 5, \"x\": [", "nodes[0].choices", "expected an array, found a number"},
        };
        for (const auto& c : nodeCases) {
            INFO(std::string(c.to));
            std::string text = replaceOnce(scenarioText(), c.from, c.to);
            LoadResult result = loadText(text);
            INFO(describe(result.diagnostics));
            const Diagnostic* d = findDiagnostic(result.diagnostics, c.path, c.message);
            REQUIRE(d);
            CHECK(d->severity == Severity::Error);
            CHECK(d->line == lineOf(text, c.to));
        }
    }
}

TEST_CASE("a missing required field is an error at the object that lacks it") {
    SUBCASE("a choice without goto") {
        std::string text = replaceOnce(scenarioText(), "\"goto\": \"end\", ", "");
        LoadResult result = loadText(text);
        const Diagnostic* d = findDiagnostic(result.diagnostics, "nodes[0].choices[0]", "missing required field 'goto'");
        INFO(describe(result.diagnostics));
        REQUIRE(d);
        CHECK(d->severity == Severity::Error);
        CHECK(d->line == lineOf(text, "{\"id\": \"hello\""));
        CHECK(d->column == 9);
        CHECK_FALSE(result.ok());
    }
    SUBCASE("the title") {
        std::string text = replaceOnce(scenarioText(), "  \"title\": \"Test\",\n", "");
        LoadResult result = loadText(text);
        const Diagnostic* d = findDiagnostic(result.diagnostics, "", "missing required field 'title'");
        INFO(describe(result.diagnostics));
        REQUIRE(d);
        CHECK(d->line == 1);
    }
    SUBCASE("format and version") {
        std::string text = replaceOnce(scenarioText(), "  \"format\": \"haven-scenario\",\n  \"version\": 1,\n", "");
        LoadResult result = loadText(text);
        INFO(describe(result.diagnostics));
        CHECK(findDiagnostic(result.diagnostics, "", "missing required field 'format'"));
        CHECK(findDiagnostic(result.diagnostics, "", "missing required field 'version'"));
    }
    SUBCASE("a node's id and type") {
        std::string text = replaceOnce(scenarioText(), "\"id\": \"meet\",\n      \"type\": \"scene\",", "");
        LoadResult result = loadText(text);
        INFO(describe(result.diagnostics));
        CHECK(findDiagnostic(result.diagnostics, "nodes[0]", "missing required field 'id'"));
        CHECK(findDiagnostic(result.diagnostics, "nodes[0]", "missing required field 'type'"));
    }
    SUBCASE("a decision's options and a checklist's goto") {
        std::string nodes = R"([
    {"id": "meet", "type": "decision", "prompt": "Which?"},
    {"id": "list", "type": "checklist"},
    {"id": "end", "type": "ending"}
  ])";
        LoadResult result = loadText(scenarioText("", nodes));
        INFO(describe(result.diagnostics));
        CHECK(findDiagnostic(result.diagnostics, "nodes[0]", "missing required field 'options'"));
        CHECK(findDiagnostic(result.diagnostics, "nodes[1]", "missing required field 'goto'"));
    }
    SUBCASE("the id and text of an option") {
        std::string nodes = R"([
    {"id": "meet", "type": "decision", "goto": "end", "options": [{"correct": true}]},
    {"id": "end", "type": "ending"}
  ])";
        LoadResult result = loadText(scenarioText("", nodes));
        INFO(describe(result.diagnostics));
        CHECK(findDiagnostic(result.diagnostics, "nodes[0].options[0]", "missing required field 'id'"));
        CHECK(findDiagnostic(result.diagnostics, "nodes[0].options[0]", "missing required field 'text'"));
    }
}

TEST_CASE("an unknown field is a warning with a suggestion") {
    SUBCASE("spaeker") {
        std::string text = replaceOnce(scenarioText(), "\"type\": \"scene\",", "\"type\": \"scene\", \"spaeker\": \"mai\",");
        LoadResult result = loadText(text);
        const Diagnostic& d = single(result);
        CHECK(d.severity == Severity::Warning);
        CHECK(d.path == "nodes[0].spaeker");
        CHECK(d.message.find("unknown field 'spaeker'") != std::string::npos);
        CHECK(d.message.find("did you mean 'speaker'?") != std::string::npos);
        CHECK(d.line == lineOf(text, "\"spaeker\""));
        CHECK(d.column == 24);
        CHECK(result.ok());  // a warning does not stop loading
        CHECK(result.scenario->nodes[0].speaker.empty());
    }
    SUBCASE("at the top level") {
        std::string text = scenarioText("\"summray\": \"x\",");
        LoadResult result = loadText(text);
        const Diagnostic& d = single(result);
        CHECK(d.severity == Severity::Warning);
        CHECK(d.path == "summray");
        CHECK(d.message.find("did you mean 'summary'?") != std::string::npos);
        CHECK(d.line == 7);
    }
    SUBCASE("a field of another node type") {
        std::string text = replaceOnce(scenarioText(), "\"type\": \"scene\",", "\"type\": \"scene\", \"outcome\": \"x\",");
        const Diagnostic& d = single(loadText(text));
        CHECK(d.severity == Severity::Warning);
        CHECK(d.path == "nodes[0].outcome");
        CHECK(d.message.find("unknown field 'outcome'") != std::string::npos);
    }
    SUBCASE("nothing close") {
        std::string text = replaceOnce(scenarioText(), "\"goto\": \"end\",", "\"goto\": \"end\", \"zzzzzzzz\": 1,");
        const Diagnostic& d = single(loadText(text));
        CHECK(d.path == "nodes[0].choices[0].zzzzzzzz");
        CHECK(d.message.find("did you mean") == std::string::npos);
    }
}

TEST_CASE("an unknown node type is an error with a suggestion") {
    std::string text = replaceOnce(scenarioText(), "\"type\": \"scene\"", "\"type\": \"scnee\"");
    LoadResult result = loadText(text);
    INFO(describe(result.diagnostics));
    const Diagnostic* d = findDiagnostic(result.diagnostics, "nodes[0].type", "unknown node type 'scnee'");
    REQUIRE(d);
    CHECK(d->severity == Severity::Error);
    CHECK(d->message.find("did you mean 'scene'?") != std::string::npos);
    CHECK(d->message.find("scene, checklist, decision, ending") != std::string::npos);
    CHECK(d->line == lineOf(text, "\"type\": \"scnee\""));
    CHECK_FALSE(result.ok());
}

TEST_CASE("deep nesting is refused without a crash") {
    SUBCASE("a million brackets") {
        std::string text(1'000'000, '[');
        LoadResult result = loadText(text);
        const Diagnostic& d = single(result);
        CHECK_FALSE(result.scenario);
        CHECK(d.message.find("nested more than 64 levels") != std::string::npos);
        CHECK(d.line == 1);
    }
    SUBCASE("a million braces inside a scenario") {
        std::string deep;
        for (int i = 0; i < 1'000'000; ++i) deep += "{\"a\":";
        std::string text = replaceOnce(scenarioText(), "\"title\": \"Test\",", "\"title\": " + deep);
        LoadResult result = loadText(text);
        CHECK(single(result).message.find("nested more than") != std::string::npos);
        CHECK(single(result).line == 5);
    }
    SUBCASE("64 levels are fine, 65 are not") {
        JsonParse ok;
        parseJson(std::string(64, '[') + std::string(64, ']'), ok);
        CHECK(ok.ok);
        JsonParse tooDeep;
        parseJson(std::string(65, '[') + std::string(65, ']'), tooDeep);
        CHECK_FALSE(tooDeep.ok);
        CHECK(tooDeep.error.find("nested more than 64") != std::string::npos);
    }
}

TEST_CASE("a file over the size limit is refused before it is read") {
    std::string folder = temporaryFolder();
    std::string file = folder + "/scenario.json";
    makeSparseFile(file, std::size_t(64) << 20);
    LoadResult result = loadScenario(folder);
    const Diagnostic& d = single(result);
    CHECK_FALSE(result.scenario);
    CHECK(d.severity == Severity::Error);
    CHECK(d.file == file);
    CHECK(d.message.find(file) != std::string::npos);
    CHECK(d.message.find("64 MiB") != std::string::npos);
    const std::string limit = "the limit is " + std::to_string(kMaxFileBytes >> 20) + " MiB";
    CHECK(d.message.find(limit) != std::string::npos);

    SUBCASE("the script has the same limit") {
        writeText(file, scenarioText("\"script\": \"big.lua\","));
        makeSparseFile(folder + "/big.lua", kMaxFileBytes + 1);
        LoadResult big = loadScenario(folder);
        const Diagnostic* s = findDiagnostic(big.diagnostics, "script", limit);
        INFO(describe(big.diagnostics));
        REQUIRE(s);
        CHECK(s->severity == Severity::Error);
        CHECK(s->message.find("big.lua") != std::string::npos);
    }
}

TEST_CASE("loadScenario takes a folder or its scenario.json, and names a missing file") {
    std::string folder = temporaryFolder();
    writeText(folder + "/scenario.json", scenarioText());
    SUBCASE("the folder") {
        LoadResult result = loadScenario(folder);
        CHECK(result.ok());
        CHECK(result.scenario->folder == folder);
        CHECK(result.scenario->file == folder + "/scenario.json");
    }
    SUBCASE("the file") {
        LoadResult result = loadScenario(folder + "/scenario.json");
        CHECK(result.ok());
        CHECK(result.scenario->folder == folder);
    }
    SUBCASE("a missing folder") {
        LoadResult result = loadScenario(folder + "/nothing-here");
        const Diagnostic& d = single(result);
        CHECK(d.file == folder + "/nothing-here/scenario.json");
        CHECK(d.message.find("cannot open") != std::string::npos);
    }
}

TEST_CASE("invalid UTF-8 and NUL bytes are errors") {
    SUBCASE("a stray byte in a string") {
        std::string text = replaceOnce(scenarioText(), "\"Test\"", "\"Te\xff\xfest\"");
        LoadResult result = loadText(text);
        const Diagnostic& d = single(result);
        CHECK_FALSE(result.scenario);
        CHECK(d.message.find("invalid JSON") != std::string::npos);
        CHECK(d.message.find("encoding") != std::string::npos);
        CHECK(d.line == 5);
    }
    SUBCASE("an overlong encoding") {
        std::string text = replaceOnce(scenarioText(), "\"Test\"", "\"\xc0\xaf\"");
        CHECK(single(loadText(text)).message.find("encoding") != std::string::npos);
    }
    SUBCASE("a lone surrogate escape") {
        std::string text = replaceOnce(scenarioText(), "\"Test\"", "\"\\ud800\"");
        LoadResult result = loadText(text);
        CHECK_FALSE(result.scenario);
        CHECK(single(result).message.find("invalid JSON") != std::string::npos);
    }
    SUBCASE("a NUL byte after the document") {
        std::string text = scenarioText() + std::string(1, '\0') + "{\"more\": 1}";
        LoadResult result = loadText(text);
        const Diagnostic& d = single(result);
        CHECK_FALSE(result.scenario);
        CHECK(d.message.find("NUL byte") != std::string::npos);
        CHECK(d.line == lineOf(text, std::string(1, '\0')));
    }
    SUBCASE("a NUL byte inside a string") {
        std::string text = replaceOnce(scenarioText(), "\"Test\"", std::string("\"Te\0st\"", 7));
        LoadResult result = loadText(text);
        CHECK_FALSE(result.scenario);
        CHECK(single(result).severity == Severity::Error);
    }
}

TEST_CASE("crafted numbers do not crash the parser") {
    SUBCASE("fifty digits") {
        std::string digits = "12345678901234567890123456789012345678901234567890";
        LoadResult result = loadText(scenarioText("\"variables\": {\"big\": " + digits + ", \"neg\": -" + digits + "},"));
        INFO(describe(result.diagnostics));
        REQUIRE(result.ok());
        const Value& big = result.scenario->variables.at("big");
        REQUIRE(std::holds_alternative<double>(big));
        CHECK(std::get<double>(big) == doctest::Approx(1.2345678901234568e49));
        CHECK(std::get<double>(result.scenario->variables.at("neg")) < 0);
    }
    SUBCASE("a huge exponent") {
        LoadResult result = loadText(scenarioText("\"variables\": {\"x\": 1e999999},"));
        const Diagnostic& d = single(result);
        CHECK_FALSE(result.scenario);
        CHECK(d.message.find("invalid JSON") != std::string::npos);
        CHECK(d.line == 7);
    }
    SUBCASE("a tiny exponent and very long numbers") {
        for (std::string number : {std::string("1e-999999"), std::string("0.") + std::string(5000, '0') + "1",
                                   std::string(100000, '7'), std::string("-0.0"), "1" + std::string(400, '0') + ".5e-400"}) {
            CAPTURE(number.substr(0, 40));
            LoadResult result = loadText(scenarioText("\"variables\": {\"x\": " + number + "},"));
            // Either a value or a clear error; never a crash, never an integer from a float text.
            if (result.scenario) CHECK(result.scenario->variables.count("x") == 1);
            else CHECK(single(result).message.find("invalid JSON") != std::string::npos);
        }
    }
    SUBCASE("integers keep their type and full value") {
        LoadResult result =
            loadText(scenarioText("\"variables\": {\"max\": 9223372036854775807, \"min\": -9223372036854775808},"));
        REQUIRE(result.ok());
        CHECK(std::get<std::int64_t>(result.scenario->variables.at("max")) == INT64_MAX);
        CHECK(std::get<std::int64_t>(result.scenario->variables.at("min")) == INT64_MIN);
    }
}

TEST_CASE("format and version") {
    SUBCASE("a newer version names both versions") {
        std::string text = replaceOnce(scenarioText(), "\"version\": 1", "\"version\": 2");
        LoadResult result = loadText(text);
        const Diagnostic& d = single(result);
        CHECK(d.severity == Severity::Error);
        CHECK(d.path == "version");
        CHECK(d.line == 3);
        CHECK(d.message.find("format version 2") != std::string::npos);
        CHECK(d.message.find("versions up to 1") != std::string::npos);
        CHECK(d.message.find("update Haven") != std::string::npos);
        CHECK_FALSE(result.ok());
    }
    SUBCASE("a negative version") {
        std::string text = replaceOnce(scenarioText(), "\"version\": 1", "\"version\": -1");
        CHECK(single(loadText(text)).message.find("does not exist") != std::string::npos);
    }
    SUBCASE("a version that is not a whole number") {
        std::string text = replaceOnce(scenarioText(), "\"version\": 1", "\"version\": \"1\"");
        const Diagnostic* d = findDiagnostic(loadText(text).diagnostics, "version", "expected a whole number");
        CHECK(d);
    }
    SUBCASE("another format") {
        std::string text = replaceOnce(scenarioText(), "\"haven-scenario\"", "\"ink-story\"");
        LoadResult result = loadText(text);
        const Diagnostic& d = single(result);
        CHECK(d.path == "format");
        CHECK(d.message.find("not a Haven scenario") != std::string::npos);
    }
    SUBCASE("the top level is not an object") {
        const Diagnostic& d = single(loadText("[1, 2]"));
        CHECK(d.message.find("top level must be an object") != std::string::npos);
    }
}

TEST_CASE("version 0 files are migrated: next becomes goto") {
    std::string text = R"({
  "format": "haven-scenario",
  "version": 0,
  "id": "old",
  "title": "Old",
  "start": "meet",
  "indicators": [{"id": "a", "text": "A"}],
  "nodes": [
    {"id": "meet", "type": "scene", "choices": [{"text": "Go", "next": "list"}]},
    {"id": "list", "type": "checklist", "next": "pick"},
    {"id": "pick", "type": "decision", "next": "end", "options": [
      {"id": "x", "text": "X", "correct": true, "next": "end"},
      {"id": "y", "text": "Y"}
    ]},
    {"id": "end", "type": "ending"}
  ]
})";
    LoadResult result = loadText(text);
    INFO(describe(result.diagnostics));
    CHECK(result.diagnostics.empty());  // no "unknown field 'next'"
    REQUIRE(result.ok());
    const Scenario& s = *result.scenario;
    CHECK(s.version == 1);
    CHECK(s.nodes[0].choices[0].goTo == "list");
    CHECK(s.nodes[1].goTo == "pick");
    CHECK(s.nodes[2].goTo == "end");
    CHECK(s.nodes[2].options[0].goTo == "end");
    CHECK(s.nodes[2].options[1].goTo.empty());

    SUBCASE("version 1 does not know next") {
        LoadResult v1 = loadText(replaceOnce(text, "\"version\": 0", "\"version\": 1"));
        CHECK(findDiagnostic(v1.diagnostics, "nodes[0].choices[0].next", "unknown field 'next'"));
        CHECK(findDiagnostic(v1.diagnostics, "nodes[0].choices[0]", "missing required field 'goto'"));
        CHECK_FALSE(v1.ok());
    }
}

TEST_CASE("the script must be a readable file inside the folder") {
    std::string folder = temporaryFolder();
    SUBCASE("escaping the folder") {
        for (const char* path : {"../x.lua", "/etc/passwd", "lib/../../x.lua"}) {
            INFO(std::string(path));
            std::string text = scenarioText(std::string("\"script\": \"") + path + "\",");
            LoadResult result = loadText(text, std::nullopt, folder);
            const Diagnostic& d = single(result);
            CHECK(d.severity == Severity::Error);
            CHECK(d.path == "script");
            CHECK(d.line == 7);
            CHECK(d.message.find("inside the scenario folder") != std::string::npos);
            CHECK(d.message.find(path) != std::string::npos);
            CHECK(result.scenario->scriptText.empty());
        }
    }
    SUBCASE("missing") {
        LoadResult result = loadText(scenarioText("\"script\": \"helpers.lua\","), std::nullopt, folder);
        const Diagnostic& d = single(result);
        CHECK(d.severity == Severity::Error);
        CHECK(d.path == "script");
        CHECK(d.message.find("helpers.lua") != std::string::npos);
        CHECK(d.message.find("cannot open") != std::string::npos);
        CHECK_FALSE(result.ok());
    }
    SUBCASE("present") {
        writeText(folder + "/helpers.lua", "function double(x) return 2 * x end\n");
        LoadResult result = loadText(scenarioText("\"script\": \"helpers.lua\","), ValidateOptions{}, folder);
        INFO(describe(result.diagnostics));
        CHECK(result.ok());
        CHECK(result.scenario->scriptText == "function double(x) return 2 * x end\n");
        std::string before = result.scenario->contentHash;
        writeText(folder + "/helpers.lua", "function double(x) return x + x end\n");
        LoadResult changed = loadText(scenarioText("\"script\": \"helpers.lua\","), ValidateOptions{}, folder);
        CHECK(changed.scenario->contentHash != before);  // the hash covers the script too
    }
}

TEST_CASE("hashHex: 16 lower-case hex digits, stable, sensitive to every byte") {
    std::string h = hashHex("anything at all");
    CHECK(h.size() == 16);
    CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(hashHex("scenario") == hashHex(std::string("scenario")));
    CHECK(hashHex("") == hashHex(""));
    CHECK(hashHex("").size() == 16);
    CHECK(hashHex("scenario") != hashHex("scenariO"));
    CHECK(hashHex("") != hashHex(std::string(1, '\0')));
    CHECK(hashHex(std::string("a\0b", 3)) != hashHex("a"));
    CHECK(hashHex(std::string(1000, 'x')) != hashHex(std::string(1001, 'x')));
    // Every single-bit change in a longer text (crossing the 8-byte steps) changes the hash.
    std::string text = "The quick brown fox jumps over the lazy dog";
    std::set<std::string> seen{hashHex(text)};
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string flipped = text;
        flipped[i] = static_cast<char>(flipped[i] ^ 1);
        seen.insert(hashHex(flipped));
    }
    CHECK(seen.size() == text.size() + 1);

    SUBCASE("ContentHash over parts: the same as one add, and moving bytes between parts matters") {
        ContentHash whole;
        whole.add("scenario text");
        CHECK(whole.hex() == hashHex("scenario text"));
        ContentHash a, b;
        a.add("ab");
        a.add("c");
        b.add("a");
        b.add("bc");
        CHECK(a.hex() != b.hex());
    }
    SUBCASE("the content hash depends only on the content") {
        std::string scenario = scenarioText();
        CHECK(loadText(scenario).scenario->contentHash == loadText(scenario).scenario->contentHash);
        CHECK(loadText(scenario).scenario->contentHash != loadText(scenario + " ").scenario->contentHash);
    }
}

TEST_CASE("isSafeRelativePath") {
    for (const char* path : {"script.lua", "assets/mai.png", "./script.lua", "a/b/c.png", "..hidden", "a..b/c"}) {
        INFO(std::string(path));
        CHECK(isSafeRelativePath(path));
    }
    for (const char* path : {"", "/etc/passwd", "../x.lua", "..", "a/../../x", "a/..", "assets/../x.png", "//server/x"}) {
        INFO(std::string(path));
        CHECK_FALSE(isSafeRelativePath(path));
    }
}
