// The map in an ImGui context with no window: the mouse and keys go in through ImGuiIO, and the
// selection and the document say what the map did. A click selects, a drag moves the selection
// as one undo step, a double-click adds a scene, Delete deletes, a pin dragged to a card links.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "app/map_cards.hpp"
#include "app/map_view.hpp"
#include "ui/theme.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cmath>

using namespace haven;
using namespace haven::editor;
using namespace haven::test;

namespace {

// The tutorial, arranged, with ImGui's built-in font on a display wide enough to show it whole
// at 100 %, where cards show their pins.
struct Map {
    Document document;
    EditorContext context;
    MapView view;

    Map() : document(open()) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(3200, 1000);
        io.DeltaTime = 1.0f / 60.0f;
        for (int key = 0; key < ImGuiKey_COUNT; ++key) io.KeyMap[key] = key;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->AddFontDefault();
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        ui::applyTheme(Theme::Light, 1.0f);
        context.document = &document;
        view.arrangeAll(context);
        document.history().markClean();
        frame();
        frame();
    }
    ~Map() { ImGui::DestroyContext(); }

    static Document open() {
        auto opened = Document::open(source("scenarios/tutorial"));
        REQUIRE(opened.document);
        return std::move(*opened.document);
    }

    void frame() {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("map", nullptr, ImGuiWindowFlags_NoDecoration);
        view.draw(context);
        ImGui::End();
        ImGui::Render();
    }
    void mouse(ImVec2 at, bool down, int button = 0) {
        ImGui::GetIO().MousePos = at;
        ImGui::GetIO().MouseDown[button] = down;
        frame();
    }
    void click(ImVec2 at) {
        mouse(at, true);
        mouse(at, false);
    }
    // Press at `from`, move in steps to `to`, let go there.
    void drag(ImVec2 from, ImVec2 to, int button = 0) {
        mouse(from, false, button);
        mouse(from, true, button);
        for (int step = 1; step <= 4; ++step)
            mouse(ImVec2(from.x + (to.x - from.x) * step / 4, from.y + (to.y - from.y) * step / 4), true, button);
        mouse(to, false, button);
    }
    void key(ImGuiKey key) {
        ImGui::GetIO().KeysDown[ImGui::GetKeyIndex(key)] = true;
        frame();
        ImGui::GetIO().KeysDown[ImGui::GetKeyIndex(key)] = false;
        frame();
    }

    std::size_t index(const std::string& id) const {
        const auto& nodes = document.scenario().nodes;
        for (std::size_t n = 0; n < nodes.size(); ++n)
            if (nodes[n].id == id) return n;
        return kNoNode;
    }
    const Node& node(const std::string& id) const { return document.scenario().nodes[index(id)]; }
    // A point inside the card's body, below its header.
    ImVec2 inside(const std::string& id) const {
        ImVec2 at = view.screenOf(index(id));
        return ImVec2(at.x + 30, at.y + 40);
    }
    // Pixels per map unit, from where two cards are drawn and where they are on the map.
    float unit() const {
        const std::size_t a = index("kitchen"), b = index("end-protected");
        return (view.screenOf(b).x - view.screenOf(a).x) /
               static_cast<float>(node("end-protected").position->x - node("kitchen").position->x);
    }
    ImVec2 pin(const std::string& id, std::size_t number) const {
        const ImVec2 at = view.screenOf(index(id));
        return ImVec2(at.x + static_cast<float>(cardSize(node(id)).width) * unit(),
                      at.y + static_cast<float>(pinOffset(number)) * unit());
    }
    // A spot with no card: above every card of the canvas.
    ImVec2 empty() const {
        float top = 1e9f;
        for (std::size_t n = 0; n < document.scenario().nodes.size(); ++n) top = std::min(top, view.screenOf(n).y);
        return ImVec2(view.screenOf(index("kitchen")).x + 10, top - 50);
    }
};

}  // namespace

TEST_CASE("map: a click selects a card, Ctrl+click adds one, a click on empty canvas clears") {
    Map map;
    map.click(map.inside("kitchen"));
    CHECK(map.context.selected == std::vector<std::size_t>{map.index("kitchen")});
    ImGui::GetIO().KeyCtrl = true;
    map.click(map.inside("introduce"));
    ImGui::GetIO().KeyCtrl = false;
    CHECK(map.context.selected == std::vector<std::size_t>{map.index("kitchen"), map.index("introduce")});
    map.click(map.empty());
    CHECK(map.context.selected.empty());
    CHECK_FALSE(map.document.dirty());
}

TEST_CASE("map: dragging the selection moves every selected card, as one undo step") {
    Map map;
    map.click(map.inside("kitchen"));
    ImGui::GetIO().KeyShift = true;
    map.click(map.inside("manager-answers"));
    ImGui::GetIO().KeyShift = false;
    const EditorPosition kitchen = *map.node("kitchen").position, manager = *map.node("manager-answers").position;
    const std::size_t steps = map.document.history().undoCount();
    const float unit = map.unit();

    const ImVec2 from = map.inside("kitchen");
    map.drag(from, ImVec2(from.x + 40 * unit, from.y + 80 * unit));
    CHECK(map.document.history().undoCount() == steps + 1);
    // Within a map unit or two: the mouse moves in whole pixels.
    CHECK(std::abs(map.node("kitchen").position->x - (kitchen.x + 40)) <= 2);
    CHECK(std::abs(map.node("kitchen").position->y - (kitchen.y + 80)) <= 2);
    CHECK(map.node("manager-answers").position->y - manager.y == map.node("kitchen").position->y - kitchen.y);
    CHECK(map.context.selected.size() == 2);

    REQUIRE(map.document.undo());
    CHECK(map.node("kitchen").position->y == kitchen.y);
    CHECK(map.node("manager-answers").position->y == manager.y);
}

TEST_CASE("map: a box dragged on empty canvas selects the cards it touches") {
    Map map;
    const ImVec2 start = map.view.screenOf(map.index("kitchen"));
    map.drag(ImVec2(start.x - 20, start.y - 20), ImVec2(start.x + 20, start.y + 20));
    CHECK(map.context.selected == std::vector<std::size_t>{map.index("kitchen")});
}

TEST_CASE("map: a double-click on empty canvas adds a scene there, selected") {
    Map map;
    const std::size_t before = map.document.scenario().nodes.size();
    const ImVec2 at = map.empty();
    map.click(at);
    map.click(at);
    REQUIRE(map.document.scenario().nodes.size() == before + 1);
    const Node& added = map.document.scenario().nodes.back();
    CHECK(added.id == "scene-1");
    CHECK(added.type == NodeType::Scene);
    CHECK(added.position.has_value());
    CHECK(map.context.selected == std::vector<std::size_t>{before});
    REQUIRE(map.document.undo());
    CHECK(map.document.scenario().nodes.size() == before);
}

TEST_CASE("map: Delete deletes the selection, and the links into it") {
    Map map;
    map.click(map.inside("manager-answers"));
    map.key(ImGuiKey_Delete);
    CHECK(map.index("manager-answers") == kNoNode);
    bool linked = false;
    for (const auto& node : map.document.scenario().nodes)
        for (const auto& choice : node.choices) linked = linked || choice.goTo == "manager-answers";
    CHECK_FALSE(linked);
    CHECK(map.context.selected.empty());
}

TEST_CASE("map: a pin dragged onto a card links that choice to it") {
    Map map;
    CHECK(map.node("kitchen").choices[1].goTo == "manager-answers");
    map.drag(map.pin("kitchen", 1), map.inside("consent"));
    CHECK(map.node("kitchen").choices[1].goTo == "consent");
    CHECK(map.document.history().undoCount() == 2);  // the arrangement, the link

    map.drag(map.pin("identify", 0), map.inside("end-detained"));  // a checklist's own goto
    CHECK(map.node("identify").goTo == "end-detained");
}

TEST_CASE("map: centreOnSelection brings the card into view and is cleared") {
    Map map;
    map.context.select(map.index("end-door-open"), true);
    map.frame();
    CHECK_FALSE(map.context.centreOnSelection);
    const ImVec2 at = map.view.screenOf(map.index("end-door-open"));
    CHECK(at.x >= 0);
    CHECK(at.x < 3200);
    CHECK(at.y >= 0);
    CHECK(at.y < 1000);
}

TEST_CASE("map: a pin let go on empty canvas adds a scene it leads to; a click on a pin links nothing") {
    Map map;
    const std::size_t steps = map.document.history().undoCount();
    map.drag(map.pin("kitchen", 0), map.empty());
    CHECK(map.node("kitchen").choices[0].goTo == "scene-1");
    CHECK(map.document.scenario().nodes.back().id == "scene-1");
    CHECK(map.document.history().undoCount() == steps + 1);

    map.click(map.pin("introduce", 2));
    CHECK(map.node("introduce").choices[2].goTo == "open-question");
}

TEST_CASE("map: a right-drag pans the view and leaves the scenario alone") {
    Map map;
    const ImVec2 before = map.view.screenOf(map.index("kitchen"));
    const ImVec2 from = map.empty();
    map.drag(from, ImVec2(from.x + 100, from.y + 30), ImGuiMouseButton_Right);
    const ImVec2 after = map.view.screenOf(map.index("kitchen"));
    CHECK(after.x - before.x == doctest::Approx(100).epsilon(0.05));
    CHECK(after.y - before.y == doctest::Approx(30).epsilon(0.05));
    CHECK_FALSE(map.document.dirty());
}

TEST_CASE("map: a right-click on a card selects it for the menu") {
    Map map;
    const ImVec2 at = map.inside("introduce");
    map.mouse(at, true, ImGuiMouseButton_Right);
    map.mouse(at, false, ImGuiMouseButton_Right);
    CHECK(map.context.selected == std::vector<std::size_t>{map.index("introduce")});
    CHECK_FALSE(map.document.dirty());
}

TEST_CASE("map: the arrow keys move the selection, a held key as one undo step") {
    Map map;
    map.click(map.inside("kitchen"));
    const EditorPosition before = *map.node("kitchen").position;
    const std::size_t steps = map.document.history().undoCount();
    map.key(ImGuiKey_RightArrow);
    map.key(ImGuiKey_RightArrow);
    map.key(ImGuiKey_DownArrow);
    CHECK(map.node("kitchen").position->x == before.x + 2 * kUnitsPerEm);
    CHECK(map.node("kitchen").position->y == before.y + kUnitsPerEm);
    CHECK(map.document.history().undoCount() == steps + 1);
}

TEST_CASE("map: deleting the last card under the pointer, then undoing, draws safely") {
    Map map;
    const ImVec2 at = map.inside("end-detained");
    map.click(at);
    REQUIRE(map.context.selected == std::vector<std::size_t>{map.index("end-detained")});
    map.key(ImGuiKey_Delete);
    CHECK(map.index("end-detained") == kNoNode);
    map.mouse(at, false);
    REQUIRE(map.document.undo());
    map.context.pruneSelection();
    map.frame();
    CHECK(map.index("end-detained") != kNoNode);
}
