// The find panel and the problems panel in an ImGui context with no window: they draw every
// shipped scenario, the problems panel counts what the validator and the spelling check find and
// recounts after an edit, and a problem's path selects its node and asks for its field.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/find_panel.hpp"
#include "app/problems_panel.hpp"
#include "imgui_test_context.hpp"
#include "test_support.hpp"

using namespace haven;
using namespace haven::editor;
namespace fs = std::filesystem;

namespace {

Document open(const std::string& folder) {
    OpenResult result = Document::open(folder);
    REQUIRE(result.document);
    return std::move(*result.document);
}

// The tutorial in a folder of its own, with its British spellings and names in its word list.
std::string tutorialWithWordList() {
    const std::string folder = test::temporaryFolder() + "/tutorial";
    fs::copy(test::source("scenarios/tutorial"), folder, fs::copy_options::recursive);
    test::writeText(folder + "/words.txt",
                    "Labour\nThida\ncentre\ncentred\nhotline\njudgement\nlabour\noffence\npractising\nrecognising\n"
                    "traumatise\ntraumatising\n");
    return folder;
}

}  // namespace

TEST_CASE("the problems panel counts problems and misspellings, and recounts after an edit") {
    test::ImGuiTestContext imgui(ImVec2(1000, 300));
    Document document = open(tutorialWithWordList());
    EditorContext context;
    context.document = &document;
    ProblemsPanel panel;
    imgui.frame([&] { panel.draw(context); });
    CHECK(panel.summary() == "No problems");

    context.execute(setNodeText(0, NodeText::Text, "Teh manager {name} is here"));
    imgui.frame([&] { panel.draw(context); });
    CHECK(panel.summary() == "1 warning · 1 spelling");
    REQUIRE(document.undo());
    imgui.frame([&] { panel.draw(context); });
    CHECK(panel.summary() == "No problems");

    panel = ProblemsPanel();  // as the app does for the next document it opens
    CHECK(panel.summary() == "No problems");
}

TEST_CASE("a problem's path selects its node and asks the inspector for the field") {
    Document document = open(test::source("scenarios/tutorial"));
    EditorContext context;
    context.document = &document;
    CHECK(nodeOfPath("nodes[3].choices[1].goto") == 3u);
    CHECK_FALSE(nodeOfPath("nodes[x].text"));
    CHECK_FALSE(nodeOfPath("title"));

    jumpTo(context, "nodes[2].choices[0].feedback");
    CHECK(context.primary() == 2u);
    CHECK(context.centreOnSelection);
    CHECK(context.focusPath == "nodes[2].choices[0].feedback");
    CHECK(context.sideTab == SideTab::Inspector);

    jumpTo(context, "competencies[0].name");
    CHECK(context.sideTab == SideTab::Scenario);
    CHECK(context.focusPath == "competencies[0].name");
}

TEST_CASE("both panels draw every shipped scenario") {
    test::ImGuiTestContext imgui(ImVec2(900, 700));
    for (const auto& entry : fs::directory_iterator(test::source("scenarios"))) {
        CAPTURE(entry.path().string());
        Document document = open(entry.path().string());
        EditorContext context;
        context.document = &document;
        ProblemsPanel problems;
        FindPanel find;
        find.setQuery("the", "a");
        imgui.frame([&] {
            problems.draw(context);
            find.draw(context);
        });
        CHECK_FALSE(document.dirty());  // drawing changes nothing
    }
}
