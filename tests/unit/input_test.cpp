// Input files, --choices lists and their JSON form.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "core/input.hpp"

#include <doctest/doctest.h>

using namespace haven;
using namespace haven::test;

namespace {

bool parse(const std::string& text, std::vector<Input>& inputs, Diagnostics& diagnostics) {
    return parseInputs(text, "inputs.json", inputs, diagnostics);
}

}  // namespace

TEST_CASE("each verb of the input file") {
    std::vector<Input> inputs;
    Diagnostics diagnostics;
    REQUIRE(parse(R"([{"choose": 2}, {"choose": "ask-open"}, {"checklist": ["a", "b"]}, {"checklist": []},
                     {"decide": ["yes"]}, {"decide": ["x", "y"]}])",
                  inputs, diagnostics));
    CHECK(diagnostics.empty());
    REQUIRE(inputs.size() == 6);
    CHECK(inputs[0] == Input::choose(2));
    CHECK(inputs[0].kind == Input::Kind::Choose);
    CHECK(inputs[0].index == 2);
    CHECK(inputs[1] == Input::choose(std::string("ask-open")));
    CHECK(inputs[1].index == 0);
    CHECK(inputs[2] == Input::checklist({"a", "b"}));
    CHECK(inputs[3] == Input::checklist({}));
    CHECK(inputs[4] == Input::decide({"yes"}));
    CHECK(inputs[5] == Input::decide({"x", "y"}));
    CHECK_FALSE(inputs[4] == Input::checklist({"yes"}));

    SUBCASE("an empty list is fine") {
        std::vector<Input> none;
        CHECK(parse("[]", none, diagnostics));
        CHECK(none.empty());
    }
}

TEST_CASE("a bad input is reported with its index and line") {
    std::string text = "[\n  {\"choose\": 1},\n  {\"choose\": 0},\n  {\"jump\": 1},\n  {\"decide\": \"yes\"}\n]";
    std::vector<Input> inputs;
    Diagnostics diagnostics;
    CHECK_FALSE(parse(text, inputs, diagnostics));
    REQUIRE(diagnostics.size() == 3);
    CHECK(diagnostics[0].path == "[1]");
    CHECK(diagnostics[0].line == 3);
    CHECK(diagnostics[0].column == 3);
    CHECK(diagnostics[0].file == "inputs.json");
    CHECK(diagnostics[0].severity == Severity::Error);
    CHECK(diagnostics[0].message.find("\"choose\" takes a position") != std::string::npos);
    CHECK(diagnostics[1].path == "[2]");
    CHECK(diagnostics[1].line == 4);
    CHECK(diagnostics[1].message.find("unknown input 'jump'") != std::string::npos);
    CHECK(diagnostics[2].path == "[3]");
    CHECK(diagnostics[2].line == 5);
    CHECK(diagnostics[2].message.find("\"decide\" takes an array of ids") != std::string::npos);

    SUBCASE("each malformed element") {
        for (const char* element : {"{\"choose\": -1}", "{\"choose\": \"\"}", "{\"choose\": 1.5}", "{\"choose\": true}",
                                    "{\"choose\": null}", "{\"checklist\": \"a\"}", "{\"checklist\": [1]}",
                                    "{\"decide\": {}}", "{}", "{\"choose\": 1, \"decide\": []}", "3", "\"choose\"",
                                    "[1]"}) {
            INFO(std::string(element));
            std::vector<Input> out;
            Diagnostics problems;
            CHECK_FALSE(parse(std::string("[") + element + "]", out, problems));
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].path == "[0]");
            CHECK(problems[0].line == 1);
            CHECK(problems[0].column == 2);
            CHECK(out.empty());
        }
    }
}

TEST_CASE("an input file must be a JSON array") {
    std::vector<Input> inputs;
    Diagnostics diagnostics;
    SUBCASE("an object") {
        CHECK_FALSE(parse("{\"choose\": 1}", inputs, diagnostics));
        REQUIRE(diagnostics.size() == 1);
        CHECK(diagnostics[0].message.find("JSON array") != std::string::npos);
    }
    SUBCASE("broken JSON, with its position") {
        CHECK_FALSE(parse("[\n  {\"choose\": 1},\n  {\"choose\"", inputs, diagnostics));
        REQUIRE(diagnostics.size() == 1);
        CHECK(diagnostics[0].line == 3);
        CHECK(diagnostics[0].message.find("invalid JSON") != std::string::npos);
    }
    SUBCASE("deep nesting") {
        CHECK_FALSE(parse(std::string(100000, '['), inputs, diagnostics));
        REQUIRE(diagnostics.size() == 1);
        CHECK(diagnostics[0].message.find("nested") != std::string::npos);
    }
}

TEST_CASE("loadInputFile reads the file, or names it") {
    std::string folder = temporaryFolder();
    std::vector<Input> inputs;
    Diagnostics diagnostics;
    SUBCASE("missing") {
        CHECK_FALSE(loadInputFile(folder + "/none.json", inputs, diagnostics));
        REQUIRE(diagnostics.size() == 1);
        CHECK(diagnostics[0].file == folder + "/none.json");
        CHECK(diagnostics[0].message.find(folder + "/none.json") != std::string::npos);
    }
    SUBCASE("present") {
        writeText(folder + "/in.json", "[{\"choose\": 1}, {\"oops\": 1}]");
        CHECK_FALSE(loadInputFile(folder + "/in.json", inputs, diagnostics));
        REQUIRE(diagnostics.size() == 1);
        CHECK(diagnostics[0].file == folder + "/in.json");
        CHECK(diagnostics[0].path == "[1]");
        CHECK(inputs.size() == 1);
    }
}

TEST_CASE("parseChoiceList") {
    std::vector<Input> inputs;
    std::string error;
    SUBCASE("positions") {
        REQUIRE(parseChoiceList("2,1,3", inputs, error));
        CHECK(inputs == std::vector<Input>{Input::choose(2), Input::choose(1), Input::choose(3)});
        CHECK(error.empty());
    }
    SUBCASE("positions and ids") {
        REQUIRE(parseChoiceList("2,ask-open,3", inputs, error));
        CHECK(inputs == std::vector<Input>{Input::choose(2), Input::choose(std::string("ask-open")), Input::choose(3)});
    }
    SUBCASE("one item, leading zeros, the largest position") {
        REQUIRE(parseChoiceList("007,99999,x", inputs, error));
        CHECK(inputs == std::vector<Input>{Input::choose(7), Input::choose(99999), Input::choose(std::string("x"))});
    }
    SUBCASE("bad items") {
        for (const char* list : {"", "1,,2", "1,", ",1", "0", "1,0", "123456", "99999999999999999999"}) {
            INFO(std::string(list));
            std::vector<Input> out;
            std::string message;
            CHECK_FALSE(parseChoiceList(list, out, message));
            CHECK(message.rfind("--choices: ", 0) == 0);
        }
        std::string message;
        CHECK_FALSE(parseChoiceList("1,,2", inputs, message));
        CHECK(message.find("an empty item in '1,,2'") != std::string::npos);
        CHECK_FALSE(parseChoiceList("0", inputs, message));
        CHECK(message.find("'0' is not a choice position") != std::string::npos);
    }
}

TEST_CASE("inputsToJson writes the input file format on one line, and reads back the same") {
    std::vector<Input> inputs = {Input::choose(2), Input::choose(std::string("ask \"open\" — ü")), Input::checklist({}),
                                 Input::checklist({"a", "b"}), Input::decide({"yes"})};
    std::string json = inputsToJson(inputs);
    CHECK(json.find('\n') == std::string::npos);
    CHECK(json.rfind("[{\"choose\":2},{\"choose\":\"ask \\\"open\\\"", 0) == 0);
    CHECK(json.find("{\"checklist\":[]},{\"checklist\":[\"a\",\"b\"]},{\"decide\":[\"yes\"]}]") != std::string::npos);
    std::vector<Input> again;
    Diagnostics diagnostics;
    REQUIRE(parseInputs(json, "x", again, diagnostics));
    CHECK(again == inputs);
    CHECK(inputsToJson({}) == "[]");
}
