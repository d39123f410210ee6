// The shipped library: every scenario checks clean, its test paths give the expected debriefs,
// and every node can be reached by some sequence of inputs through a real Session.
#include "../unit/test_support.hpp"

#include "core/json_text.hpp"
#include "core/scenario_loader.hpp"
#include "core/session.hpp"

#include <doctest/doctest.h>

#include <deque>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;
using namespace haven;

namespace {

std::vector<std::string> shippedScenarios() {
    std::vector<std::string> folders;
    for (const auto& entry : fs::directory_iterator(test::source("scenarios")))
        if (fs::exists(entry.path() / "scenario.json")) folders.push_back(entry.path().string());
    std::sort(folders.begin(), folders.end());
    return folders;
}

Scenario loadClean(const std::string& folder) {
    LoadResult result = loadScenario(folder);
    for (const auto& d : result.diagnostics) INFO(format(d));
    REQUIRE(result.ok());
    return std::move(*result.scenario);
}

std::string variablesKey(Session& session) {
    std::string key;
    for (const auto& [name, value] : session.variables())
        std::visit([&](const auto& v) { key += name + "=" + (std::ostringstream() << v).str() + ";"; }, value);
    return key;
}

// Every input the current step accepts, one each: each choice, an empty checklist, each option.
std::vector<Input> possibleInputs(const Step& step) {
    std::vector<Input> inputs;
    switch (step.kind) {
        case NodeType::Scene:
            for (std::size_t i = 0; i < step.choices.size(); ++i) inputs.push_back(Input::choose(int(i) + 1));
            break;
        case NodeType::Checklist: inputs.push_back(Input::checklist({})); break;
        case NodeType::Decision:
            for (const auto& option : step.options) inputs.push_back(Input::decide({option.id}));
            break;
        case NodeType::Ending: break;
    }
    return inputs;
}

// Breadth-first search over (node, variables) states, replaying real sessions.
std::set<std::string> reachableNodes(const Scenario& scenario) {
    std::set<std::string> seenStates, nodes;
    std::deque<std::vector<Input>> queue{{}};
    constexpr std::size_t kMaxStates = 20000;
    while (!queue.empty() && seenStates.size() < kMaxStates) {
        std::vector<Input> inputs = std::move(queue.front());
        queue.pop_front();
        Session session(scenario, Mode::Assessment, 1);
        for (const auto& input : inputs) session.apply(input);
        std::string state = session.step().nodeId + "|" + variablesKey(session);
        if (!seenStates.insert(state).second) continue;
        nodes.insert(session.step().nodeId);
        for (const auto& next : possibleInputs(session.step())) {
            auto longer = inputs;
            longer.push_back(next);
            queue.push_back(std::move(longer));
        }
    }
    return nodes;
}

// Every key of `expected` must equal the debrief's value (competencies and missed compared whole).
void compareDebrief(const rapidjson::Value& expected, const rapidjson::Value& actual) {
    if (expected.HasMember("ending")) CHECK(std::string(actual["ending"].GetString()) == expected["ending"].GetString());
    if (expected.HasMember("passed")) CHECK(actual["passed"].GetBool() == expected["passed"].GetBool());
    if (expected.HasMember("competencies")) {
        for (const auto& c : expected["competencies"].GetObject()) {
            std::string id = c.name.GetString();
            INFO("competency " << id);
            const auto& got = actual["score"]["competencies"];
            REQUIRE(got.HasMember(id.c_str()));
            CHECK(got[id.c_str()]["points"].GetInt() == c.value["points"].GetInt());
            CHECK(got[id.c_str()]["max"].GetInt() == c.value["max"].GetInt());
        }
    }
    if (expected.HasMember("missed")) {
        std::set<std::string> want, got;
        for (const auto& id : expected["missed"].GetArray()) want.insert(id.GetString());
        for (const auto& id : actual["indicators"]["missed"].GetArray()) got.insert(id.GetString());
        CHECK(want == got);
    }
}

}  // namespace

TEST_CASE("every shipped scenario checks with no errors and no warnings") {
    auto folders = shippedScenarios();
    REQUIRE(folders.size() >= 1);
    for (const auto& folder : folders) {
        LoadResult result = loadScenario(folder);
        INFO(folder);
        for (const auto& d : result.diagnostics) INFO(format(d));
        CHECK(result.diagnostics.empty());
    }
}

// Every <name>.input.json beside its <name>.expect.json; best, harmful and mixed are required.
std::vector<std::string> pathNames(const std::string& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) {
        std::string file = entry.path().filename().string();
        const std::string suffix = ".input.json";
        if (file.size() > suffix.size() && file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0)
            names.push_back(file.substr(0, file.size() - suffix.size()));
    }
    std::sort(names.begin(), names.end());
    return names;
}

TEST_CASE("every shipped scenario's play-throughs give their expected debriefs") {
    for (const auto& folder : shippedScenarios()) {
        Scenario scenario = loadClean(folder);
        std::string tests = test::source("tests/scenarios/" + scenario.id);
        INFO(scenario.id);
        REQUIRE(fs::is_directory(tests));
        std::vector<std::string> names = pathNames(tests);
        for (const char* required : {"best", "harmful", "mixed"})
            CHECK(std::find(names.begin(), names.end(), required) != names.end());
        for (const auto& name : names) {
            INFO(name);
            std::vector<Input> inputs;
            Diagnostics problems;
            REQUIRE(loadInputFile(tests + "/" + name + ".input.json", inputs, problems));
            Session session(scenario, Mode::Assessment, 1);
            for (const auto& input : inputs) session.apply(input);
            CHECK(session.finished());
            JsonParse actual, expected;
            parseJson(debriefJson(session.debrief()), actual);
            parseJson(test::readText(tests + "/" + name + ".expect.json"), expected);
            REQUIRE(expected.ok);
            compareDebrief(expected.document, actual.document);
            if (name == "best") {
                CHECK(actual.document["passed"].GetBool());
                for (const auto& c : actual.document["score"]["competencies"].GetObject())
                    CHECK(c.value["points"].GetInt() == c.value["max"].GetInt());
            }
            if (name == "harmful") CHECK_FALSE(actual.document["passed"].GetBool());
        }
    }
}

TEST_CASE("every node of every shipped scenario is reachable by some input sequence") {
    for (const auto& folder : shippedScenarios()) {
        Scenario scenario = loadClean(folder);
        std::set<std::string> reached = reachableNodes(scenario);
        for (const auto& node : scenario.nodes) {
            INFO(scenario.id << ": node " << node.id);
            CHECK(reached.count(node.id) == 1);
        }
    }
}
