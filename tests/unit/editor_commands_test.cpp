// The editor's edit commands: each one, applied and undone, gives back the exact canonical JSON;
// redone, it gives the edited JSON again. Renames follow links, bulk deletes take the links into
// the deleted nodes with them, and typing and dragging merge into one undo step.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "core/scenario_writer.hpp"
#include "model/document.hpp"

#include <doctest/doctest.h>

#include <functional>

using namespace haven;
using namespace haven::editor;
using namespace haven::test;

namespace {

// The tutorial has every node type, a script, checklists and a decision.
Document tutorial() {
    auto opened = Document::open(source("scenarios/tutorial"));
    INFO(describe(opened.diagnostics));
    REQUIRE(opened.document);
    return std::move(*opened.document);
}

std::size_t firstOf(const Scenario& s, NodeType type) {
    for (std::size_t i = 0; i < s.nodes.size(); ++i)
        if (s.nodes[i].type == type) return i;
    FAIL("no node of that type");
    return 0;
}

std::string json(const Document& d) {
    return writeScenarioJson(d.scenario());
}

// Applies `command`, which must change the file; undo must restore it byte for byte, redo redo it.
void checkRoundTrip(Document& doc, CommandPtr command) {
    std::string before = json(doc);
    std::size_t steps = doc.history().undoCount();
    doc.execute(std::move(command));
    std::string after = json(doc);
    CHECK(after != before);
    CHECK(doc.history().undoCount() == steps + 1);
    REQUIRE(doc.undo());
    CHECK(json(doc) == before);
    REQUIRE(doc.redo());
    CHECK(json(doc) == after);
    REQUIRE(doc.undo());
    CHECK(json(doc) == before);
    CHECK_FALSE(doc.dirty());
}

std::vector<std::string> allLinks(const Scenario& s) {
    std::vector<std::string> links{s.start};
    for (const auto& node : s.nodes) {
        links.push_back(node.goTo);
        for (const auto& c : node.choices) links.push_back(c.goTo);
        for (const auto& o : node.options) links.push_back(o.goTo);
    }
    return links;
}

}  // namespace

TEST_CASE("every command, applied then undone, restores the exact canonical JSON; redo re-applies it") {
    Document doc = tutorial();
    const Scenario& s = doc.scenario();
    const std::size_t scene = firstOf(s, NodeType::Scene);
    const std::size_t checklist = firstOf(s, NodeType::Checklist);
    const std::size_t decision = firstOf(s, NodeType::Decision);
    const std::size_t ending = firstOf(s, NodeType::Ending);
    REQUIRE(s.nodes[scene].choices.size() >= 2);
    REQUIRE(s.nodes[decision].options.size() >= 2);

    Node added;
    added.id = "added";
    added.type = NodeType::Ending;
    added.text = "A new ending.";
    Choice choice;
    choice.text = "A new choice.";
    choice.goTo = s.nodes[ending].id;
    Option option;
    option.id = "new-option";
    option.text = "A new option.";

    const std::vector<std::pair<const char*, std::function<CommandPtr()>>> commands = {
        {"scenario title", [] { return setScenarioText(ScenarioText::Title, "Another title"); }},
        {"scenario summary", [] { return setScenarioText(ScenarioText::Summary, ""); }},
        {"scenario start", [&] { return setScenarioText(ScenarioText::Start, s.nodes[ending].id); }},
        {"audience", [] { return setScenarioList(ScenarioList::Audience, {"police"}); }},
        {"content notes", [] { return setScenarioList(ScenarioList::ContentNotes, {}); }},
        {"pass mark", [] { return setPassMark(0.5); }},
        {"estimated minutes", [] { return setEstimatedMinutes(42); }},
        {"competencies", [&] { return setCompetencies({s.competencies.front()}); }},
        {"indicators", [] { return setIndicators({}); }},
        {"characters", [] { return setCharacters({}); }},
        {"variables",
         [] {
             return setVariables({{"fresh", std::int64_t{3}}});
         }},
        {"node text", [&] { return setNodeText(scene, NodeText::Text, "Changed."); }},
        {"node speaker", [&] { return setNodeText(scene, NodeText::Speaker, "narrator"); }},
        {"node on_enter", [&] { return setNodeText(scene, NodeText::OnEnter, "x = 1"); }},
        {"checklist prompt", [&] { return setNodeText(checklist, NodeText::Prompt, "Which?"); }},
        {"checklist goto", [&] { return setNodeText(checklist, NodeText::GoTo, s.nodes[ending].id); }},
        {"ending outcome", [&] { return setNodeText(ending, NodeText::Outcome, "detained"); }},
        {"ending feedback", [&] { return setNodeText(ending, NodeText::Feedback, "Why."); }},
        {"node reveals", [&] { return setNodeList(scene, NodeList::Reveals, {"ilo-deception"}); }},
        {"checklist items", [&] { return setNodeList(checklist, NodeList::Items, {"ilo-deception"}); }},
        {"checklist expected", [&] { return setNodeList(checklist, NodeList::Expected, {}); }},
        {"node type", [&] { return setNodeType(ending, NodeType::Scene); }},
        {"decision multiple", [&] { return setNodeMultiple(decision, !s.nodes[decision].multiple); }},
        {"add node", [&] { return addNode(added, 1); }},
        {"add node at the end", [&] { return addNode(added); }},
        {"remove node", [&] { return removeNode(scene); }},
        {"reorder nodes", [&] { return moveNodeInList(0, s.nodes.size() - 1); }},
        {"rename node", [&] { return renameNode(ending, "renamed"); }},
        {"add choice", [&] { return addChoice(scene, choice, 0); }},
        {"remove choice", [&] { return removeChoice(scene, 1); }},
        {"reorder choices", [&] { return moveChoice(scene, 0, 1); }},
        {"choice text", [&] { return setChoiceText(scene, 0, ChoiceText::Text, "Other words."); }},
        {"choice goto", [&] { return setChoiceText(scene, 0, ChoiceText::GoTo, s.nodes[ending].id); }},
        {"choice condition", [&] { return setChoiceCondition(scene, 0, "trust > 1"); }},
        {"choice effect", [&] { return setChoiceEffect(scene, 0, "trust = trust + 7"); }},
        {"choice feedback", [&] { return setChoiceText(scene, 0, ChoiceText::Feedback, "Because."); }},
        {"choice reference", [&] { return setChoiceText(scene, 0, ChoiceText::Reference, "WHO"); }},
        {"choice scores",
         [&] {
             return setChoiceScores(scene, 0, {{"rapport", 5}});
         }},
        {"choice reveals", [&] { return setChoiceReveals(scene, 0, {"ilo-isolation"}); }},
        {"add option", [&] { return addOption(decision, option, 1); }},
        {"remove option", [&] { return removeOption(decision, 0); }},
        {"reorder options", [&] { return moveOption(decision, 1, 0); }},
        {"option text", [&] { return setOptionText(decision, 0, OptionText::Text, "Other."); }},
        {"option feedback", [&] { return setOptionText(decision, 0, OptionText::Feedback, "Why not."); }},
        {"option scores",
         [&] {
             return setOptionScores(decision, 0, {{"rights", -2}});
         }},
        {"option correct", [&] { return setOptionCorrect(decision, 0, !s.nodes[decision].options[0].correct); }},
        {"move a node",
         [&] {
             return moveNode(scene, EditorPosition{10.5, -20.0});
         }},
        {"move nodes",
         [&] {
             return moveNodes({{scene, {1.0, 2.0}}, {ending, {3.0, 4.0}}});
         }},
        {"bulk",
         [&] {
             std::vector<CommandPtr> parts;
             parts.push_back(setNodeText(scene, NodeText::Text, "One."));
             parts.push_back(removeNode(ending));
             return bulk("Two edits", std::move(parts));
         }},
        {"delete nodes",
         [&] {
             return deleteNodes(s, {ending, checklist});
         }},
    };
    for (const auto& [name, make] : commands) {
        INFO("command: " << std::string(name));
        checkRoundTrip(doc, make());
    }
}

TEST_CASE("a command's label names the step for the Edit menu") {
    Document doc = tutorial();
    CHECK_FALSE(doc.canUndo());
    CHECK(doc.undoLabel().empty());
    doc.execute(renameNode(0, "first"));
    CHECK(doc.undoLabel() == "Rename node");
    doc.undo();
    CHECK(doc.redoLabel() == "Rename node");
    CHECK_FALSE(doc.undo());  // Ctrl+Z with nothing left is harmless
    CHECK(doc.redo());
    CHECK_FALSE(doc.redo());
}

TEST_CASE("renaming a node updates every link to it, and undo puts them all back") {
    Document doc = tutorial();
    const Scenario& s = doc.scenario();
    const std::size_t checklist = firstOf(s, NodeType::Checklist);
    const std::string oldId = s.nodes[checklist].id;
    auto linksBefore = allLinks(s);
    auto count = [](const std::vector<std::string>& links, const std::string& id) {
        return std::count(links.begin(), links.end(), id);
    };
    REQUIRE(count(linksBefore, oldId) > 0);
    std::string before = json(doc);

    doc.execute(renameNode(checklist, "indicator-check"));
    CHECK(s.nodes[checklist].id == "indicator-check");
    CHECK(count(allLinks(s), oldId) == 0);
    CHECK(count(allLinks(s), "indicator-check") == count(linksBefore, oldId));
    CHECK(s.findNode("indicator-check") == &s.nodes[checklist]);
    CHECK(s.findNode(oldId) == nullptr);
    Diagnostics problems = doc.problems();
    CHECK_MESSAGE(!hasErrors(problems), describe(problems));

    doc.undo();
    CHECK(json(doc) == before);
    CHECK(s.findNode(oldId) == &s.nodes[checklist]);

    SUBCASE("the start node too") {
        const std::string start = s.start;
        doc.execute(renameNode(s.nodeIndex(start), "opening"));
        CHECK(s.start == "opening");
        doc.undo();
        CHECK(s.start == start);
    }
    SUBCASE("a dangling link the new name happens to satisfy keeps it after undo") {
        doc.execute(setChoiceText(0, 0, ChoiceText::GoTo, "nowhere"));
        doc.execute(renameNode(checklist, "nowhere"));
        doc.undo();
        CHECK(s.nodes[0].choices[0].goTo == "nowhere");
        CHECK(s.nodes[checklist].id == oldId);
    }
}

TEST_CASE("deleting several nodes removes the links into them and undoes as one step") {
    Document doc = tutorial();
    const Scenario& s = doc.scenario();
    const std::size_t checklist = firstOf(s, NodeType::Checklist);
    const std::size_t decision = firstOf(s, NodeType::Decision);
    const std::string gone1 = s.nodes[checklist].id, gone2 = s.nodes[decision].id;
    const std::size_t nodes = s.nodes.size();
    std::string before = json(doc);

    doc.execute(deleteNodes(s, {decision, checklist, decision}));  // any order, duplicates ignored
    CHECK(s.nodes.size() == nodes - 2);
    CHECK(s.findNode(gone1) == nullptr);
    CHECK(s.findNode(gone2) == nullptr);
    for (const auto& link : allLinks(s)) {
        CHECK(link != gone1);
        CHECK(link != gone2);
    }
    CHECK(doc.history().undoCount() == 1);
    CHECK(doc.undoLabel() == "Delete nodes");

    REQUIRE(doc.undo());
    CHECK(json(doc) == before);
    CHECK_FALSE(doc.canUndo());

    SUBCASE("deleting the start node clears the start") {
        doc.execute(deleteNodes(s, {s.nodeIndex(s.start)}));
        CHECK(s.start.empty());
        CHECK(doc.undoLabel() == "Delete node");
        doc.undo();
        CHECK(json(doc) == before);
    }
}

TEST_CASE("choices and options are added, removed and reordered where asked") {
    Document doc = tutorial();
    const Scenario& s = doc.scenario();
    const std::size_t scene = firstOf(s, NodeType::Scene);
    const std::size_t decision = firstOf(s, NodeType::Decision);
    const auto first = s.nodes[scene].choices[0].text, second = s.nodes[scene].choices[1].text;

    doc.execute(moveChoice(scene, 0, 1));
    CHECK(s.nodes[scene].choices[0].text == second);
    CHECK(s.nodes[scene].choices[1].text == first);

    Choice extra;
    extra.text = "Extra.";
    extra.goTo = s.start;
    doc.execute(addChoice(scene, extra));
    CHECK(s.nodes[scene].choices.back().text == "Extra.");
    doc.execute(removeChoice(scene, 0));
    CHECK(s.nodes[scene].choices[0].text == first);

    const auto options = s.nodes[decision].options.size();
    doc.execute(removeOption(decision, options - 1));
    CHECK(s.nodes[decision].options.size() == options - 1);
}

TEST_CASE("typing into one field is one undo step; another field, a pause or endMerge starts a new one") {
    Document doc = tutorial();
    const std::string original = doc.scenario().nodes[0].text;
    const auto t0 = History::Clock::time_point{} + std::chrono::hours(1);
    const auto ms = [&](int n) { return t0 + std::chrono::milliseconds(n); };

    doc.execute(setNodeText(0, NodeText::Text, "H"), ms(0));
    doc.execute(setNodeText(0, NodeText::Text, "He"), ms(100));
    doc.execute(setNodeText(0, NodeText::Text, "Hey"), ms(200));
    CHECK(doc.history().undoCount() == 1);
    CHECK(doc.scenario().nodes[0].text == "Hey");

    SUBCASE("one undo takes all the typing back") {
        doc.undo();
        CHECK(doc.scenario().nodes[0].text == original);
        doc.redo();
        CHECK(doc.scenario().nodes[0].text == "Hey");
    }
    SUBCASE("another field") {
        doc.execute(setNodeText(0, NodeText::Mood, "calm"), ms(300));
        doc.execute(setNodeText(0, NodeText::Text, "Hey!"), ms(400));
        CHECK(doc.history().undoCount() == 3);
    }
    SUBCASE("the same field of another node") {
        doc.execute(setNodeText(1, NodeText::Text, "x"), ms(300));
        CHECK(doc.history().undoCount() == 2);
    }
    SUBCASE("a pause longer than the merge window") {
        doc.execute(setNodeText(0, NodeText::Text, "Hey!"), ms(201) + History::kDefaultMergeWindow);
        CHECK(doc.history().undoCount() == 2);
        doc.undo();
        CHECK(doc.scenario().nodes[0].text == "Hey");
    }
    SUBCASE("endMerge, when the field loses focus") {
        doc.history().endMerge();
        doc.execute(setNodeText(0, NodeText::Text, "Hey!"), ms(300));
        CHECK(doc.history().undoCount() == 2);
    }
    SUBCASE("after an undo, typing starts a new step") {
        doc.execute(setNodeText(0, NodeText::Mood, "calm"), ms(300));
        doc.undo();
        doc.execute(setNodeText(0, NodeText::Text, "Hey!"), ms(400));
        CHECK(doc.history().undoCount() == 2);
    }
    SUBCASE("commands without a merge key never merge") {
        doc.execute(renameNode(5, "a"), ms(300));
        doc.execute(renameNode(5, "b"), ms(301));
        CHECK(doc.history().undoCount() == 3);
    }
}

TEST_CASE("dragging nodes is one step per drag, for one node or a selection") {
    Document doc = tutorial();
    const auto t0 = History::Clock::time_point{} + std::chrono::hours(1);
    std::string before = json(doc);
    for (int frame = 0; frame < 30; ++frame)
        doc.execute(moveNode(2, EditorPosition{frame * 2.0, 7.0}), t0 + std::chrono::milliseconds(16 * frame));
    CHECK(doc.history().undoCount() == 1);
    REQUIRE(doc.scenario().nodes[2].position);
    CHECK(doc.scenario().nodes[2].position->x == 58.0);
    doc.history().endMerge();
    for (int frame = 0; frame < 30; ++frame)
        doc.execute(moveNodes({{0, {frame * 1.0, 0.0}}, {1, {0.0, frame * 1.0}}}),
                    t0 + std::chrono::milliseconds(1000 + 16 * frame));
    CHECK(doc.history().undoCount() == 2);
    CHECK(doc.scenario().nodes[1].position->y == 29.0);
    doc.undo();
    CHECK_FALSE(doc.scenario().nodes[0].position);
    doc.undo();
    CHECK(json(doc) == before);
}

TEST_CASE("the history keeps at most its limit of steps") {
    Scenario scenario;
    History history(3);
    for (int i = 0; i < 5; ++i) {
        history.execute(scenario, setEstimatedMinutes(i + 1));
        history.endMerge();
    }
    CHECK(history.undoCount() == 3);
    while (history.undo(scenario)) {
    }
    CHECK(scenario.estimatedMinutes == 2);  // the two oldest steps are gone for good
    CHECK_FALSE(history.isClean());         // and so is the clean state before them
    CHECK(history.redoCount() == 3);
}

TEST_CASE("clean-state tracking: undoing back to the saved state clears the dirty marker") {
    Scenario scenario;
    History history;
    CHECK(history.isClean());
    history.execute(scenario, setPassMark(0.5));
    CHECK_FALSE(history.isClean());
    history.undo(scenario);
    CHECK(history.isClean());
    history.redo(scenario);
    history.markClean();  // saved with pass mark 0.5
    history.execute(scenario, setPassMark(0.6));
    history.undo(scenario);
    CHECK(history.isClean());
    history.undo(scenario);
    CHECK_FALSE(history.isClean());
    history.redo(scenario);
    CHECK(history.isClean());

    SUBCASE("typing never merges into the saved step") {
        history.execute(scenario, setScenarioText(ScenarioText::Title, "a"));
        history.markClean();
        history.execute(scenario, setScenarioText(ScenarioText::Title, "ab"));
        CHECK_FALSE(history.isClean());
        history.undo(scenario);
        CHECK(history.isClean());
        CHECK(scenario.title == "a");
    }
    SUBCASE("a new edit after undoing past the save makes the saved state unreachable") {
        history.undo(scenario);
        history.execute(scenario, setPassMark(0.9));
        history.undo(scenario);
        CHECK_FALSE(history.isClean());
        CHECK(history.redoCount() == 1);  // only the new edit: the saved state's step is gone
    }
}
