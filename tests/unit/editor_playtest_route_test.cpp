// Play-test routes: the shortest inputs from the start to a node, found through real Sessions,
// replay to exactly that node with variables that satisfy the conditions on the way; nodes no
// route reaches are explained; the search stays bounded.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

#include "core/session.hpp"
#include "fixtures.hpp"
#include "model/playtest_route.hpp"
#include "test_support.hpp"

using namespace haven;
using namespace haven::editor;
using namespace haven::test;
namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kSeed = 1;

Scenario load(const std::string& folder) {
    LoadResult result = loadScenario(folder);
    INFO(describe(result.diagnostics));
    REQUIRE(result.scenario);
    return std::move(*result.scenario);
}

Scenario scenarioFrom(const std::string& text) {
    LoadResult result = loadText(text);
    INFO(describe(result.diagnostics));
    REQUIRE(result.scenario);
    result.scenario->buildIndex();
    return std::move(*result.scenario);
}

std::vector<Input> routeTo(const Scenario& scenario, const std::string& node) {
    std::string error;
    auto route = shortestRoute(scenario, node, kSeed, error);
    INFO(error);
    REQUIRE(route);
    return *route;
}

std::string routeError(const Scenario& scenario, const std::string& node, const RouteLimits& limits = {}) {
    std::string error;
    CHECK_FALSE(shortestRoute(scenario, node, kSeed, error, limits));
    return error;
}

// The session the play-test gets: the route replayed from a fresh start.
std::unique_ptr<Session> replayed(const Scenario& scenario, const std::vector<Input>& inputs) {
    auto session = std::make_unique<Session>(scenario, Mode::Practice, kSeed);
    for (const Input& input : inputs) session->apply(input);
    return session;
}

// A scene `id` with the given choices (JSON objects, without the outer brackets).
std::string scene(const std::string& id, const std::string& choices) {
    return R"({"id": ")" + id + R"(", "type": "scene", "text": "…", "choices": [)" + choices + "]}";
}

std::string choice(const std::string& id, const std::string& to, const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "text": "…", "goto": ")" + to + "\"" + (extra.empty() ? "" : ", " + extra) + "}";
}

const std::string kEnding = R"({"id": "end", "type": "ending", "outcome": "protected"})";

}  // namespace

TEST_CASE("the start node needs no inputs") {
    Scenario tutorial = load(source("scenarios/tutorial"));
    CHECK(routeTo(tutorial, "kitchen").empty());
}

TEST_CASE("a deep node gets the fewest inputs that end exactly there") {
    Scenario tutorial = load(source("scenarios/tutorial"));
    SUBCASE("a decision") {
        auto route = routeTo(tutorial, "assess");
        // kitchen → introduce → open-question → her-story → safety-check → identify → assess
        CHECK(route.size() == 6);
        CHECK(replayed(tutorial, route)->step().nodeId == "assess");
        CHECK(route.back().kind == Input::Kind::Checklist);
    }
    SUBCASE("a scene after the decision") {
        auto route = routeTo(tutorial, "her-answer");
        CHECK(route.size() == 8);
        auto session = replayed(tutorial, route);
        CHECK(session->step().nodeId == "her-answer");
        // The route went through the decision, so the transcript and scores are the path's own.
        Debrief debrief = session->debrief();
        CHECK(debrief.decisions.size() == 1);
        CHECK(debrief.timeline.size() == route.size());
    }
    SUBCASE("the checklist on the way ticks what the path showed") {
        auto session = replayed(tutorial, routeTo(tutorial, "assess"));
        Debrief debrief = session->debrief();
        CHECK_FALSE(debrief.found.empty());
        CHECK(debrief.falseAlarms.empty());
    }
}

TEST_CASE("a node behind a condition gets variables that satisfy it") {
    Scenario tutorial = load(source("scenarios/tutorial"));
    // Going together is on offer only when she consented and trust reached 4.
    auto route = routeTo(tutorial, "end-protected");
    auto session = replayed(tutorial, route);
    CHECK(session->step().nodeId == "end-protected");
    auto variables = session->variables();
    CHECK(std::get<bool>(variables.at("consent")));
    CHECK(std::get<std::int64_t>(variables.at("trust")) >= 4);
}

TEST_CASE("a choice condition is met by the effects earlier on the path") {
    const std::string nodes = "[" +
                              scene("a", choice("raise", "a", R"("effect": "n = n + 1")") + ", " +
                                             choice("on", "b", R"("condition": "n >= 3")")) +
                              ", " + scene("b", choice("done", "end")) + ", " + kEnding + "]";
    Scenario s = scenarioFrom(scenarioText(R"("variables": {"n": 0},)", nodes, "a"));
    auto route = routeTo(s, "b");
    CHECK(route.size() == 4);
    auto session = replayed(s, route);
    CHECK(session->step().nodeId == "b");
    CHECK(std::get<std::int64_t>(session->variables().at("n")) == 3);
}

TEST_CASE("a node no route reaches is explained") {
    SUBCASE("its condition never holds") {
        const std::string nodes =
            "[" + scene("a", choice("go", "end") + ", " + choice("never", "b", R"("condition": "1 > 2")")) + ", " +
            scene("b", choice("done", "end")) + ", " + kEnding + "]";
        Scenario s = scenarioFrom(scenarioText("", nodes, "a"));
        CHECK(routeError(s, "b") == "no route from the start reaches 'b' (its conditions never hold)");
    }
    SUBCASE("nothing leads to it") {
        const std::string nodes =
            "[" + scene("a", choice("go", "end")) + ", " + scene("b", choice("done", "end")) + ", " + kEnding + "]";
        Scenario s = scenarioFrom(scenarioText("", nodes, "a"));
        CHECK(routeError(s, "b") == "no route from the start reaches 'b': no choice, option or checklist leads to it");
    }
    SUBCASE("only unreached nodes lead to it") {
        const std::string nodes = "[" + scene("a", choice("go", "end")) + ", " + scene("b", choice("on", "c")) + ", " +
                                  scene("c", choice("done", "end")) + ", " + kEnding + "]";
        Scenario s = scenarioFrom(scenarioText("", nodes, "a"));
        CHECK(routeError(s, "c") ==
              "no route from the start reaches 'c': only 'b' leads to it, and no route reaches that either");
    }
    SUBCASE("there is no such node") {
        Scenario tutorial = load(source("scenarios/tutorial"));
        CHECK(routeError(tutorial, "nowhere") == "there is no node 'nowhere'");
    }
}

TEST_CASE("the search gives up within its limits on an endless scenario") {
    // Every visit to 'a' is a new state (n keeps growing) and 'b' is never on offer.
    const std::string nodes = "[" +
                              scene("a", choice("raise", "a", R"("effect": "n = n + 1")") + ", " +
                                             choice("never", "b", R"("condition": "n < 0")")) +
                              ", " + scene("b", choice("done", "end")) + ", " + kEnding + "]";
    Scenario s = scenarioFrom(scenarioText(R"("variables": {"n": 0},)", nodes, "a"));
    const auto started = std::chrono::steady_clock::now();
    SUBCASE("states") {
        CHECK(doctest::String(routeError(s, "b", {200, 1000000}).c_str()) ==
              doctest::Contains("gave up looking for a route to 'b' after 200 states"));
    }
    SUBCASE("inputs replayed") {
        CHECK(doctest::String(routeError(s, "b", {1000000, 5000}).c_str()) == doctest::Contains("gave up"));
    }
    SUBCASE("the default limits") {
        CHECK(doctest::String(routeError(s, "b").c_str()) == doctest::Contains("too many paths"));
    }
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
}

TEST_CASE("every node of every shipped scenario gets a route that replays to it") {
    for (const auto& entry : fs::directory_iterator(source("scenarios"))) {
        if (!fs::exists(entry.path() / "scenario.json")) continue;
        Scenario scenario = load(entry.path().string());
        const auto started = std::chrono::steady_clock::now();
        for (const Node& node : scenario.nodes) {
            INFO(scenario.id << ": node " << node.id);
            std::string error;
            auto route = shortestRoute(scenario, node.id, kSeed, error);
            INFO(error);
            REQUIRE(route);
            CHECK(replayed(scenario, *route)->step().nodeId == node.id);
        }
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        INFO(scenario.id << ": " << seconds << " s for " << scenario.nodes.size() << " routes");
        CHECK(seconds < 10.0);
    }
}
