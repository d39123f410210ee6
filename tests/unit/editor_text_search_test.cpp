// Find and replace, the scenario's texts and paths, and the word count: matches carry the
// validator's paths, replace-all changes every match as one undo step that restores the exact
// canonical JSON, and a replacement never merges with typing.
#include <doctest/doctest.h>

#include "core/scenario_writer.hpp"
#include "fixtures.hpp"
#include "model/document.hpp"
#include "model/scenario_texts.hpp"
#include "model/text_search.hpp"
#include "test_support.hpp"

using namespace haven;
using namespace haven::editor;

namespace {

Document tutorial() {
    auto opened = Document::open(test::source("scenarios/tutorial"));
    REQUIRE_MESSAGE(opened.document, test::describe(opened.diagnostics));
    return std::move(*opened.document);
}

// A small scenario whose words can be counted by hand.
Scenario small() {
    const std::string nodes = R"([
    {"id": "meet", "type": "scene", "text": "A person waits by the door.",
     "choices": [{"id": "hello", "text": "Say hello, {name}.", "goto": "end", "feedback": "Good: a calm start.",
                  "reference": "Guide, p. 4"}]},
    {"id": "end", "type": "ending", "outcome": "protected", "feedback": "She is safe."}
  ])";
    auto loaded = test::loadText(test::scenarioText(
        R"("summary": "Three short words", "content_notes": ["Exploitation", "exploitation again"],)", nodes));
    INFO(test::describe(loaded.diagnostics));
    REQUIRE(loaded.scenario);
    return std::move(*loaded.scenario);
}

}  // namespace

TEST_CASE("every author-written text is listed with the validator's path, and can be set by it") {
    const Scenario s = small();
    const auto texts = scenarioTexts(s);
    std::vector<std::string> paths;
    for (const auto& t : texts) paths.push_back(t.path);
    CHECK(paths == std::vector<std::string>{"title", "summary", "content_notes[0]", "content_notes[1]", "nodes[0].text",
                                            "nodes[0].choices[0].text", "nodes[0].choices[0].feedback",
                                            "nodes[0].choices[0].reference", "nodes[1].outcome", "nodes[1].feedback"});
    CHECK(texts[5].label == "meet · choice 1 · text");
    CHECK(texts[5].node == 0u);
    CHECK_FALSE(texts[0].node);
    CHECK(texts[7].reference);

    for (const auto& t : texts) {
        INFO(t.path);
        CHECK(textAt(s, t.path) == t.text);
        Scenario copy = s;
        auto command = setTextAt(copy, t.path, "changed");
        REQUIRE(command);
        command->apply(copy);
        CHECK(textAt(copy, t.path) == std::string_view("changed"));
    }
    for (const char* bad :
         {"nodes[9].text", "nodes[0].id", "nodes[0].choices[0].goto", "content_notes[5]", "nodes[x].text", "nodes"})
        CHECK_FALSE(setTextAt(s, bad, "x"));
}

TEST_CASE("find is case-insensitive by default, with match case and whole word as options") {
    CHECK(findInText("Manager, manager, MANAGER; managers", "manager", {}) == std::vector<std::size_t>{0, 9, 18, 27});
    CHECK(findInText("Manager, manager, MANAGER; managers", "manager", {true, false}) ==
          std::vector<std::size_t>{9, 27});
    CHECK(findInText("Manager, manager, MANAGER; managers", "manager", {false, true}) ==
          std::vector<std::size_t>{0, 9, 18});
    SUBCASE("letters beyond ASCII fold too, keeping byte offsets") {
        CHECK(findInText("ÉLODIE and élodie", "élodie", {}) == std::vector<std::size_t>{0, 12});
        CHECK(findInText("Жанна", "жанна", {}) == std::vector<std::size_t>{0});
        CHECK(findInText("caféx café", "café", {false, true}) == std::vector<std::size_t>{7});
    }
    SUBCASE("nothing to find") {
        CHECK(findInText("text", "", {}).empty());
        CHECK(findInText("", "a", {}).empty());
    }
}

TEST_CASE("matches name their text and show what is around them") {
    Document doc = tutorial();
    const auto matches = findMatches(doc.scenario(), "manager", {});
    REQUIRE(matches.size() > 3);
    for (const auto& m : matches) {
        INFO(m.path);
        const auto text = textAt(doc.scenario(), m.path);
        REQUIRE(text);
        CHECK(foldCase(text->substr(m.offset, m.length)) == "manager");
        CHECK(foldCase(m.matched) == "manager");
        CHECK(m.before.size() + m.after.size() < 2 * 48 + 8);
    }
    CHECK(findMatches(doc.scenario(), "manager", {}, 2).size() == 2);
    CHECK(findMatches(doc.scenario(), "no such words here", {}).empty());
}

TEST_CASE("replace-all changes every match as one undo step, and undo restores the exact JSON") {
    Document doc = tutorial();
    const std::string before = writeScenarioJson(doc.scenario());
    const std::size_t found = findMatches(doc.scenario(), "manager", {}).size();
    auto replaced = replaceAll(doc.scenario(), "manager", "supervisor", {});
    CHECK(replaced.count == found);
    REQUIRE(replaced.command);
    const std::size_t steps = doc.history().undoCount();
    doc.execute(std::move(replaced.command));
    CHECK(doc.history().undoCount() == steps + 1);
    CHECK(findMatches(doc.scenario(), "manager", {}).empty());
    CHECK(findMatches(doc.scenario(), "supervisor", {}).size() >= found);
    CHECK(doc.undoLabel() == "Replace all “manager”");
    REQUIRE(doc.undo());
    CHECK(writeScenarioJson(doc.scenario()) == before);
    CHECK_FALSE(doc.dirty());

    SUBCASE("texts of one list (content notes) are all replaced") {
        Document notes{small()};
        auto all = replaceAll(notes.scenario(), "exploitation", "harm", {});
        CHECK(all.count == 2);
        notes.execute(std::move(all.command));
        CHECK(notes.scenario().contentNotes == std::vector<std::string>{"harm", "harm again"});
    }
    SUBCASE("a replacement containing the query does not loop") {
        auto grown = replaceAll(doc.scenario(), "Thida", "Thida Thida", {true, true});
        CHECK(grown.count > 0);
    }
    SUBCASE("nothing matched, nothing to do") {
        CHECK_FALSE(replaceAll(doc.scenario(), "zzzz-nothing", "x", {}).command);
    }
}

TEST_CASE("replacing one match is its own undo step, never merged with typing") {
    Document doc = tutorial();
    const Scenario& s = doc.scenario();
    doc.execute(setNodeText(0, NodeText::Text, s.nodes[0].text + " Typed."));
    const std::string typed = writeScenarioJson(doc.scenario());
    const auto first = findMatches(doc.scenario(), "manager", {}).front();
    auto command = replaceRange(doc.scenario(), first.path, first.offset, first.length, "boss", "Replace “manager”");
    REQUIRE(command);
    doc.execute(std::move(command));
    CHECK(textAt(doc.scenario(), first.path)->substr(first.offset, 4) == "boss");
    doc.execute(setNodeText(0, NodeText::Text, doc.scenario().nodes[0].text + " More."));
    REQUIRE(doc.undo());
    REQUIRE(doc.undo());
    CHECK(writeScenarioJson(doc.scenario()) == typed);
    CHECK_FALSE(replaceRange(doc.scenario(), first.path, 1u << 20, 3, "x", "Replace"));
    CHECK_FALSE(replaceRange(doc.scenario(), "nodes[999].text", 0, 1, "x", "Replace"));
}

TEST_CASE("word count and reading time") {
    CHECK(countWords("") == 0);
    CHECK(countWords("  one two\nthree — four’s well-known 3 ") == 6);
    const TextStats stats = textStats(small());
    // Title 1, summary 3, notes 1 + 2, node 6, choice 3 + 4 + 3, outcome 1, ending feedback 3.
    CHECK(stats.words == 27);
    CHECK(stats.readingMinutes == 1);
    const TextStats tutorialStats = textStats(tutorial().scenario());
    CHECK(tutorialStats.words > 1000);
    // Only the nodes' texts are read in play: never more minutes than all the words would take.
    CHECK(tutorialStats.readingMinutes >= 1);
    CHECK(tutorialStats.readingMinutes <= static_cast<int>((tutorialStats.words + 199) / 200));
}
