// The inspector and the scenario panel in an ImGui context with no window: every node of every
// shipped scenario draws without an ImGui assertion, with each choice and option opened through
// a problem's path, and a problem's path is shown and then consumed.
#include "app/inspector.hpp"
#include "app/scenario_panel.hpp"
#include "imgui_test_context.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace haven;
using namespace haven::editor;

namespace {

Document open(const std::string& folder) {
    OpenResult result = Document::open(folder);
    REQUIRE(result.document);
    return std::move(*result.document);
}

// A scenario open in the side panel of a 1440×900 window (about 520 pixels wide).
struct Panels {
    explicit Panels(const std::string& folder) : document(open(folder)) { context.document = &document; }

    void inspect() {
        imgui.frame([&] { inspector.draw(context); });
    }
    // Draws the inspector until the focus path is consumed (it may take the frame after a
    // selection); fails if it never is.
    void show(const std::string& path) {
        context.focusPath = path;
        for (int i = 0; i < 3 && !context.focusPath.empty(); ++i) inspect();
        CHECK_MESSAGE(context.focusPath.empty(), path);
    }

    test::ImGuiTestContext imgui{ImVec2(520, 860)};
    Document document;
    EditorContext context;
    Inspector inspector;
    ScenarioPanel scenarioPanel;
};

std::vector<std::string> shippedScenarios() {
    std::vector<std::string> folders;
    for (const auto& entry : std::filesystem::directory_iterator(test::source("scenarios")))
        if (std::filesystem::exists(entry.path() / "scenario.json")) folders.push_back(entry.path().string());
    return folders;
}

}  // namespace

TEST_CASE("the inspector draws every node of every shipped scenario, each choice and option opened") {
    for (const std::string& folder : shippedScenarios()) {
        CAPTURE(folder);
        Panels panels(folder);
        const Scenario& scenario = panels.document.scenario();
        for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
            panels.context.select(n);
            panels.inspect();
            const std::string base = "nodes[" + std::to_string(n) + "]";
            for (std::size_t c = 0; c < scenario.nodes[n].choices.size(); ++c)
                panels.show(base + ".choices[" + std::to_string(c) + "].condition");
            for (std::size_t o = 0; o < scenario.nodes[n].options.size(); ++o)
                panels.show(base + ".options[" + std::to_string(o) + "].feedback");
        }
        CHECK_FALSE(panels.document.dirty());  // drawing changes nothing
    }
}

TEST_CASE("a problem's path in another node selects that node, then is consumed") {
    Panels panels(test::source("scenarios/tutorial"));
    panels.context.select(0);
    const std::size_t last = panels.document.scenario().nodes.size() - 1;
    panels.show("nodes[" + std::to_string(last) + "].text");
    REQUIRE(panels.context.primary());
    CHECK(*panels.context.primary() == last);
}

TEST_CASE("nothing selected: a calm hint, and a path past the last node is dropped") {
    Panels panels(test::source("scenarios/tutorial"));
    panels.inspect();
    panels.context.focusPath = "nodes[999].text";
    panels.inspect();
    CHECK(panels.context.focusPath.empty());
    CHECK_FALSE(panels.context.primary());
}

TEST_CASE("a path of the scenario's own fields goes to the scenario panel, which consumes it") {
    Panels panels(test::source("scenarios/tutorial"));
    EditorContext& context = panels.context;
    context.select(0);
    context.focusPath = "characters[0].portraits.calm";
    panels.inspect();
    CHECK(context.sideTab == SideTab::Scenario);
    CHECK_FALSE(context.focusPath.empty());
    for (const char* path : {"characters[0].portraits.calm", "title", "competencies[1].name", "indicators[3].text",
                             "variables.trust", "pass_mark"}) {
        context.focusPath = path;
        panels.imgui.frame([&] { panels.scenarioPanel.draw(context); });
        CHECK_MESSAGE(context.focusPath.empty(), path);
    }
    CHECK_FALSE(panels.document.dirty());
}

namespace {

// Types `text` into the field that has the keyboard, a frame per character, then leaves it with Enter.
void type(Panels& panels, const std::string& text, bool enter) {
    ImGuiIO& io = ImGui::GetIO();
    for (char c : text) {
        io.AddInputCharacter(static_cast<unsigned>(c));
        panels.inspect();
    }
    if (!enter) return;
    io.KeysDown[ImGuiKey_Enter] = true;
    panels.inspect();
    io.KeysDown[ImGuiKey_Enter] = false;
    panels.inspect();
}

// Ctrl+A in the field that has the keyboard, so that typing replaces its text.
void selectAll(Panels& panels) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown[ImGuiKey_A] = true;
    panels.inspect();
    io.KeysDown[ImGuiKey_A] = false;
    io.KeyCtrl = false;
    panels.inspect();
}

}  // namespace

TEST_CASE("typing into a node's text is one undo step") {
    Panels panels(test::source("scenarios/tutorial"));
    panels.context.select(0);
    const std::string before = panels.document.scenario().nodes[0].text;
    panels.show("nodes[0].text");
    panels.inspect();  // the field takes the keyboard the frame after it is asked to
    type(panels, "abc", false);
    const std::string after = panels.document.scenario().nodes[0].text;
    CHECK(after != before);
    CHECK(after.find("abc") != std::string::npos);
    CHECK(panels.document.undo());
    CHECK(panels.document.scenario().nodes[0].text == before);
}

TEST_CASE("renaming a node: a duplicate is refused, a new id renames it and its links") {
    Panels panels(test::source("scenarios/tutorial"));
    const Scenario& scenario = panels.document.scenario();
    panels.context.select(0);
    const std::string taken = scenario.nodes[1].id;
    panels.show("nodes[0].id");
    panels.inspect();
    selectAll(panels);
    type(panels, taken, true);
    CHECK(scenario.nodes[0].id == "kitchen");
    CHECK_FALSE(panels.document.dirty());

    panels.show("nodes[0].id");
    panels.inspect();
    selectAll(panels);
    type(panels, "welcome", true);
    CHECK(scenario.nodes[0].id == "welcome");
    CHECK(scenario.start == "welcome");
}

TEST_CASE("importPortrait: a picked image comes into the scenario's assets/ folder") {
    namespace fs = std::filesystem;
    const fs::path root = test::temporaryFolder();
    const fs::path folder = root / "scenario";
    fs::create_directories(folder / "assets");
    test::writeText((root / "mai-calm.png").string(), "picture");
    std::string error;

    SUBCASE("a file outside is copied in, under a relative path") {
        CHECK(importPortrait(folder.string(), (root / "mai-calm.png").string(), error) == "assets/mai-calm.png");
        CHECK(test::readText((folder / "assets" / "mai-calm.png").string()) == "picture");
        // A second file of the same name keeps the first.
        CHECK(importPortrait(folder.string(), (root / "mai-calm.png").string(), error) == "assets/mai-calm-2.png");
    }
    SUBCASE("a file already inside is named where it is") {
        test::writeText((folder / "assets" / "own.png").string(), "x");
        CHECK(importPortrait(folder.string(), (folder / "assets" / "own.png").string(), error) == "assets/own.png");
        CHECK_FALSE(fs::exists(folder / "assets" / "own-2.png"));
    }
    SUBCASE("a file that cannot be read gives an error") {
        CHECK(importPortrait(folder.string(), (root / "missing.png").string(), error).empty());
        CHECK_FALSE(error.empty());
    }
}
