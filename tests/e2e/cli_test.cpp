// The real `haven` binary end to end: exit codes, output shapes, golden debriefs, text mode.
#include "../unit/test_support.hpp"

#include "core/json_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using haven::test::runHaven;
using haven::test::source;
namespace fs = std::filesystem;

namespace {

const std::string kMini = "'" + source("tests/data/mini") + "'";

std::string inputFile(const std::string& json) {
    std::string path = haven::test::temporaryFolder() + "/inputs.json";
    haven::test::writeText(path, json);
    return "'" + path + "'";
}

rapidjson::Document parse(const std::string& text) {
    haven::JsonParse parsed;
    haven::parseJson(text, parsed);
    REQUIRE_MESSAGE(parsed.ok, text);
    return std::move(parsed.document);
}

std::string copyOfMini() {
    std::string folder = haven::test::temporaryFolder() + "/mini";
    fs::copy(source("tests/data/mini"), folder, fs::copy_options::recursive);
    return folder;
}

}  // namespace

TEST_CASE("haven check: ok, errors and JSON output") {
    SUBCASE("a clean scenario exits 0") {
        auto run = runHaven("check " + kMini);
        CHECK(run.status == 0);
        CHECK(run.out.find("0 errors, 0 warnings") != std::string::npos);
    }
    SUBCASE("a broken link exits 1 and names file, line, path and a suggestion") {
        std::string folder = copyOfMini();
        std::string text = haven::test::readText(folder + "/scenario.json");
        text.replace(text.find("\"goto\": \"end\""), 13, "\"goto\": \"edn\"");
        haven::test::writeText(folder + "/scenario.json", text);
        auto run = runHaven("check '" + folder + "'");
        CHECK(run.status == 1);
        CHECK(run.out.find("scenario.json:") != std::string::npos);
        CHECK(run.out.find("nodes[2].options[0].goto: unknown node 'edn' — did you mean 'end'?") != std::string::npos);
        auto json = runHaven("check --json '" + folder + "'");
        CHECK(json.status == 1);
        auto doc = parse(json.out);
        const auto& d = doc["diagnostics"][0];
        CHECK(std::string(d["severity"].GetString()) == "error");
        CHECK(std::string(d["path"].GetString()) == "nodes[2].options[0].goto");
        int expectedLine = 1 + int(std::count(text.begin(), text.begin() + long(text.find("\"edn\"")), '\n'));
        CHECK(d["line"].GetInt() == expectedLine);
    }
    SUBCASE("a missing scenario is an error naming the file") {
        auto run = runHaven("check /nonexistent/scenario");
        CHECK(run.status == 1);
        CHECK(run.out.find("/nonexistent/scenario/scenario.json: error") != std::string::npos);
    }
    SUBCASE("the shipped library checks clean") {
        auto run = runHaven("check '" + source("scenarios") + "'");
        INFO(run.out);
        CHECK(run.status == 0);
        CHECK(run.out.find(" 0 warnings") != std::string::npos);
    }
}

TEST_CASE("haven fmt: --check and rewriting") {
    SUBCASE("canonical files pass --check") {
        CHECK(runHaven("fmt --check " + kMini).status == 0);
        auto library = runHaven("fmt --check '" + source("scenarios") + "'");
        INFO(library.out << library.err);
        CHECK(library.status == 0);
    }
    SUBCASE("a reindented file is listed, then rewritten byte-identically to the canonical form") {
        std::string folder = copyOfMini();
        std::string canonical = haven::test::readText(folder + "/scenario.json");
        std::string squashed;
        for (char c : canonical)
            if (c != '\n') squashed += c;
        haven::test::writeText(folder + "/scenario.json", squashed);
        auto listed = runHaven("fmt --check '" + folder + "'");
        CHECK(listed.status == 1);
        CHECK(listed.out.find("scenario.json") != std::string::npos);
        CHECK(runHaven("fmt '" + folder + "'").status == 0);
        CHECK(haven::test::readText(folder + "/scenario.json") == canonical);
    }
    SUBCASE("a file with unknown fields is left alone") {
        std::string folder = copyOfMini();
        std::string text = haven::test::readText(folder + "/scenario.json");
        text.replace(text.find("\"summary\""), 9, "\"sumary\"");
        haven::test::writeText(folder + "/scenario.json", text);
        auto run = runHaven("fmt '" + folder + "'");
        CHECK(run.status == 1);
        CHECK(run.err.find("did you mean 'summary'?") != std::string::npos);
        CHECK(haven::test::readText(folder + "/scenario.json") == text);
    }
}

TEST_CASE("haven play: debriefs from input files and choice lists") {
    std::string best = inputFile(R"([{"choose": "listen"}, {"checklist": ["ilo-retention-of-documents"]}, {"decide": ["presumed-victim"]}])");
    SUBCASE("the best path passes with full marks") {
        auto run = runHaven("play " + kMini + " --input " + best + " --json");
        CHECK(run.status == 0);
        auto doc = parse(run.out);
        CHECK(doc["completed"].GetBool());
        CHECK(doc["passed"].GetBool());
        CHECK(std::string(doc["ending"].GetString()) == "end");
        CHECK(doc["score"]["raw"].GetInt() == 4);
        CHECK(doc["score"]["max"].GetInt() == 4);
        CHECK(doc["score"]["competencies"]["rapport"]["points"].GetInt() == 2);
        CHECK(doc["indicators"]["found"].Size() == 1);
        CHECK(doc["decisions"][0]["correct"].GetBool());
        CHECK(doc["timeline"].Size() == 4);
        CHECK(std::string(doc["timeline"][1]["text"].GetString()) == "Which indicators did you observe?");
    }
    SUBCASE("a harmful path fails and says why") {
        auto run = runHaven("play " + kMini + " --choices doubt --json");
        auto partial = parse(run.out);
        CHECK_FALSE(partial["completed"].GetBool());
        std::string harmful = inputFile(R"([{"choose": 2}, {"checklist": ["ilo-deception"]}, {"decide": ["no-concern"]}])");
        auto failed = parse(runHaven("play " + kMini + " --input " + harmful + " --json").out);
        CHECK_FALSE(failed["passed"].GetBool());
        CHECK(std::string(failed["verdict"].GetString()).find("determination at 'decide' was not correct") != std::string::npos);
        CHECK(failed["indicators"]["false_alarms"][0] == "ilo-deception");
        CHECK(failed["indicators"]["missed"][0] == "ilo-retention-of-documents");
        CHECK(failed["score"]["competencies"]["rapport"]["points"].GetInt() == -1);
    }
    SUBCASE("an input that does not fit stops with a message naming it") {
        auto run = runHaven("play " + kMini + " --choices 7");
        CHECK(run.status == 1);
        CHECK(run.err.find("input 1 of 1: choice 7 is not on offer at node 'meet': there are 2 choices") != std::string::npos);
    }
    SUBCASE("a malformed input file names the file and the element") {
        auto run = runHaven("play " + kMini + " --input " + inputFile(R"([{"choose": 1}, {"pick": 2}])"));
        CHECK(run.status == 1);
        CHECK(run.err.find("inputs.json:1:") != std::string::npos);
        CHECK(run.err.find("[1]: unknown input 'pick'") != std::string::npos);
    }
    SUBCASE("bad usage exits 2") {
        CHECK(runHaven("play " + kMini).status == 2);
        CHECK(runHaven("play " + kMini + " --choices 1 --mode exam").status == 2);
        CHECK(runHaven("frobnicate").status == 2);
    }
    SUBCASE("the same seed and inputs give the same debrief") {
        auto a = runHaven("play " + kMini + " --input " + best + " --json --seed 7");
        auto b = runHaven("play " + kMini + " --input " + best + " --json --seed 7");
        CHECK(a.out == b.out);
    }
}

TEST_CASE("haven text: an interactive play-through from standard input") {
    auto run = runHaven("text " + kMini + " --mode practice --seed 1", "9\n1\n1\n1\n");
    CHECK(run.status == 0);
    CHECK(run.out.find("Ana:") != std::string::npos);
    CHECK(run.out.find("1. Thank you for telling me.") != std::string::npos);
    CHECK(run.out.find("Please type a number from 1 to 2.") != std::string::npos);
    CHECK(run.out.find("Feedback: Listening without judgement builds trust.") != std::string::npos);
    CHECK(run.out.find("Trust is now 1.") != std::string::npos);
    CHECK(run.out.find("Passed with 100 %") != std::string::npos);

    SUBCASE("undo takes back the last input in practice mode") {
        auto undo = runHaven("text " + kMini + " --mode practice", "2\nu\n1\n1\n1\n");
        CHECK(undo.out.find("Passed with 100 %") != std::string::npos);
    }
    SUBCASE("end of input stops cleanly") {
        auto stopped = runHaven("text " + kMini, "1\n");
        CHECK(stopped.status == 0);
        CHECK(stopped.out.find("Stopped.") != std::string::npos);
    }
}

TEST_CASE("haven play on the tutorial gives each golden play-through's expected debrief") {
    const std::string tutorial = "'" + source("scenarios/tutorial") + "'";
    for (const char* name : {"best", "harmful", "mixed"}) {
        INFO(name);
        const std::string golden = source("tests/scenarios/tutorial/") + name;
        auto run = runHaven("play " + tutorial + " --input '" + golden + ".input.json' --json");
        CHECK(run.status == 0);
        auto actual = parse(run.out);
        auto expected = parse(haven::test::readText(golden + ".expect.json"));
        CHECK(actual["completed"].GetBool());
        CHECK(std::string(actual["ending"].GetString()) == expected["ending"].GetString());
        CHECK(actual["passed"].GetBool() == expected["passed"].GetBool());
        for (const auto& c : expected["competencies"].GetObject()) {
            const auto& got = actual["score"]["competencies"][c.name.GetString()];
            CHECK(got["points"].GetInt() == c.value["points"].GetInt());
            CHECK(got["max"].GetInt() == c.value["max"].GetInt());
        }
        CHECK(actual["indicators"]["missed"].Size() == expected["missed"].Size());
    }
}
