// Play-test: a run from a node replays the shortest route there; stepping back, restarting and
// jumping replay what the author did, variable edits included; the run plays a copy, so editing
// the document meanwhile is safe and offers a restart; a scenario with errors does not start; the
// view draws the step and the debrief in an ImGui context with no window.
#include <doctest/doctest.h>

#include "app/playtest_run.hpp"
#include "app/playtest_view.hpp"
#include "fixtures.hpp"
#include "imgui_test_context.hpp"
#include "model/document.hpp"
#include "model/edit_commands.hpp"
#include "test_support.hpp"

using namespace haven;
using namespace haven::editor;
using namespace haven::test;

namespace {

Scenario tutorial() {
    LoadResult result = loadScenario(source("scenarios/tutorial"));
    REQUIRE(result.ok());
    return std::move(*result.scenario);
}

std::unique_ptr<PlaytestRun> runFrom(const Scenario& scenario, const std::string& node) {
    std::string error;
    auto run = PlaytestRun::start(scenario, node, error);
    INFO(error);
    REQUIRE(run);
    return run;
}

bool offered(const Session& session, const std::string& choiceId) {
    const auto& choices = session.step().choices;
    return std::any_of(choices.begin(), choices.end(), [&](const OfferedChoice& c) { return c.id == choiceId; });
}

Document openTutorial() {
    auto opened = Document::open(source("scenarios/tutorial"));
    REQUIRE(opened.document);
    return std::move(*opened.document);
}

// A play-test view over the tutorial's document, drawn in an ImGui context with no window.
struct ViewFixture {
    ImGuiTestContext imgui{ImVec2(1280, 800)};
    Document document = openTutorial();
    EditorContext context;
    PlaytestView view;

    ViewFixture() { context.document = &document; }
    void start(const std::string& node) {
        std::string error;
        REQUIRE_MESSAGE(view.start(context, node, error), error);
    }
    void frame() {
        imgui.frame([&] { CHECK(view.draw(context)); });
    }
};

}  // namespace

TEST_CASE("a run from a node starts there after the shortest route, and steps back no further") {
    Scenario scenario = tutorial();
    auto run = runFrom(scenario, "her-story");
    CHECK(run->session().step().nodeId == "her-story");
    CHECK(run->routeLength() == 3);
    CHECK(run->session().debrief().timeline.size() == 3);  // the route's transcript is there
    CHECK_FALSE(run->canStepBack());

    std::string error;
    REQUIRE(run->submit(Input::choose(1), error));
    CHECK(run->session().step().nodeId == "safety-check");
    CHECK(run->feedback());
    CHECK(run->canStepBack());
    run->stepBack();
    CHECK(run->session().step().nodeId == "her-story");
    CHECK_FALSE(run->canStepBack());

    CHECK_FALSE(run->submit(Input::choose(9), error));
    CHECK(doctest::String(error.c_str()) == doctest::Contains("not on offer"));
}

TEST_CASE("a variable edit takes effect at once and lasts through stepping back past later inputs") {
    Scenario scenario = tutorial();
    auto run = runFrom(scenario, "safety-check");
    // Checking her safety is on offer only while she is calm enough (distress <= 1).
    REQUIRE(offered(run->session(), "check-safety"));
    run->setVariable("distress", std::int64_t{5});
    run->setVariable("distress", std::int64_t{4});  // typing: one edit, not two
    CHECK_FALSE(offered(run->session(), "check-safety"));
    CHECK(run->edited("distress"));
    CHECK_FALSE(run->edited("trust"));

    std::string error;
    REQUIRE(run->submit(Input::choose("pause-first"), error));  // sets distress = 1
    CHECK(std::get<std::int64_t>(run->session().variables().at("distress")) == 1);
    run->stepBack();
    CHECK(run->session().step().nodeId == "safety-check");
    CHECK(std::get<std::int64_t>(run->session().variables().at("distress")) == 4);
    CHECK_FALSE(offered(run->session(), "check-safety"));
    // An edit made where the run started goes only with a restart.
    CHECK_FALSE(run->canStepBack());

    run->restart();
    CHECK(std::get<std::int64_t>(run->session().variables().at("distress")) != 4);
    CHECK_FALSE(run->edited("distress"));
}

TEST_CASE("a jump keeps the variables and can be stepped back") {
    Scenario scenario = tutorial();
    auto run = runFrom(scenario, "");
    run->setVariable("trust", std::int64_t{7});
    std::string error;
    REQUIRE(run->jumpTo("consent", error));
    CHECK(run->session().step().nodeId == "consent");
    CHECK(std::get<std::int64_t>(run->session().variables().at("trust")) == 7);
    CHECK_FALSE(run->jumpTo("nowhere", error));
    run->stepBack();
    CHECK(run->session().step().nodeId == "kitchen");
    CHECK(std::get<std::int64_t>(run->session().variables().at("trust")) == 7);
}

TEST_CASE("an unreachable node does not start a run, and says why") {
    Scenario scenario = tutorial();
    std::string error;
    CHECK_FALSE(PlaytestRun::start(scenario, "nowhere", error));
    CHECK(error == "there is no node 'nowhere'");
}

TEST_CASE("the view plays a copy: the document can change under it") {
    ViewFixture f;
    f.start("assess");
    CHECK(f.view.running());
    f.frame();

    // Deleting the node being played would leave a Session over the document dangling.
    f.context.execute(removeNode(f.document.scenario().nodeIndex("assess")));
    f.frame();
    std::string error;
    REQUIRE(f.view.submit(Input::decide({"presumed-victim"}), error));
    REQUIRE(f.view.submit(Input::choose("options-consent"), error));
    REQUIRE(f.view.submit(Input::choose("go-together"), error));
    f.frame();  // the debrief
    CHECK_FALSE(f.view.submit(Input::choose(1), error));
    CHECK(doctest::String(error.c_str()) == doctest::Contains("ended"));

    f.view.stop();
    CHECK_FALSE(f.view.running());
    CHECK_FALSE(f.view.submit(Input::choose(1), error));
}

TEST_CASE("the view takes the player's keys: 1–9 choose") {
    ViewFixture f;
    f.start("her-story");
    f.frame();
    ImGui::GetIO().AddInputCharacter('2');
    f.frame();
    REQUIRE(f.view.run());
    CHECK(f.view.run()->session().step().nodeId == "safety-check");
    CHECK(f.view.run()->session().inputs().size() == 4);  // the route's three, then this one
}

TEST_CASE("a scenario with errors does not start, naming the first") {
    ViewFixture f;
    f.context.execute(setChoiceText(f.document.scenario().nodeIndex("kitchen"), 0, ChoiceText::GoTo, "nowhere"));
    std::string error;
    CHECK_FALSE(f.view.start(f.context, "", error));
    CHECK(doctest::String(error.c_str()) == doctest::Contains("the scenario has an error to fix first"));
    CHECK(doctest::String(error.c_str()) == doctest::Contains("nowhere"));
    CHECK_FALSE(f.view.running());
}
