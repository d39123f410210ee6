// The map's story graph and automatic layout, without a window: the tutorial's links counted
// one by one, and every shipped scenario laid out with no overlapping cards, the start in the
// first column, links pointing right wherever no loop prevents it, and the same map every time.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "model/auto_layout.hpp"
#include "model/document.hpp"
#include "model/story_graph.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace haven;
using namespace haven::editor;
using namespace haven::test;

namespace {

Scenario shipped(const std::string& folder) {
    auto opened = Document::open(folder);
    INFO(folder << "\n" << describe(opened.diagnostics));
    REQUIRE(opened.document);
    return opened.document->scenario();
}

std::vector<std::string> shippedFolders() {
    std::vector<std::string> folders;
    for (const auto& entry : std::filesystem::directory_iterator(source("scenarios")))
        if (std::filesystem::exists(entry.path() / "scenario.json")) folders.push_back(entry.path().string());
    std::sort(folders.begin(), folders.end());
    return folders;
}

// Cards as tall as the map draws them: taller with every pin.
std::vector<CardSize> cardSizes(const Scenario& s) {
    std::vector<CardSize> sizes;
    for (const auto& node : s.nodes)
        sizes.push_back({240.0, 90.0 + 22.0 * static_cast<double>(node.choices.size() + node.options.size())});
    return sizes;
}

std::size_t indexOf(const Scenario& s, const std::string& id) {
    for (std::size_t n = 0; n < s.nodes.size(); ++n)
        if (s.nodes[n].id == id) return n;
    FAIL("no node " << id);
    return kNoNode;
}

bool apart(EditorPosition a, CardSize sizeA, EditorPosition b, CardSize sizeB, double margin = 0.0) {
    return a.x + sizeA.width + margin <= b.x || b.x + sizeB.width + margin <= a.x ||
           a.y + sizeA.height + margin <= b.y || b.y + sizeB.height + margin <= a.y;
}

// Whether `to` leads back to `from` (then the link from → to closes a loop and may point left).
bool leadsBack(const StoryGraph& graph, std::size_t to, std::size_t from) {
    std::vector<bool> seen(graph.out.size(), false);
    std::vector<std::size_t> stack{to};
    while (!stack.empty()) {
        std::size_t n = stack.back();
        stack.pop_back();
        if (n == from) return true;
        if (seen[n]) continue;
        seen[n] = true;
        for (std::size_t next : graph.successors(n)) stack.push_back(next);
    }
    return false;
}

}  // namespace

TEST_CASE("story graph: the tutorial's links, one per pin") {
    const Scenario s = shipped(source("scenarios/tutorial"));
    const StoryGraph graph = buildStoryGraph(s);
    // 22 choices over 8 scenes, a checklist's goto, a decision's 3 options and its empty fallback.
    CHECK(graph.links.size() == 27);
    CHECK(graph.start == indexOf(s, "kitchen"));
    const std::size_t assess = indexOf(s, "assess");
    REQUIRE(graph.out[assess].size() == 4);
    const Link& fallback = graph.links[graph.out[assess].back()];
    CHECK(fallback.slot == LinkSlot::Node);
    CHECK(fallback.state == LinkState::Empty);
    CHECK_FALSE(fallback.broken());  // a decision's fallback is optional
    CHECK(graph.links[graph.out[assess][1]].to == indexOf(s, "end-not-identified"));
    const std::size_t identify = indexOf(s, "identify");
    REQUIRE(graph.out[identify].size() == 1);
    CHECK(graph.links[graph.out[identify][0]].to == assess);
    CHECK(graph.out[indexOf(s, "end-protected")].empty());
    // safety-check offers a choice that stays on it, but leads to identify once.
    CHECK(graph.successors(indexOf(s, "safety-check")) ==
          std::vector<std::size_t>{identify, indexOf(s, "safety-check")});
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        CHECK_FALSE(graph.hasBrokenLink(n));
        CHECK(graph.out[n].size() == linkCount(s.nodes[n]));
    }
    const auto reached = reachableFromStart(graph);
    CHECK(std::count(reached.begin(), reached.end(), true) == static_cast<long>(s.nodes.size()));
    const auto distance = linkDistances(graph.start, graph.adjacency());
    CHECK(distance[graph.start] == 0);
    CHECK(distance[indexOf(s, "manager-answers")] == 1);
    CHECK(distance[indexOf(s, "end-not-identified")] == 2);  // kitchen → manager-answers → it
}

TEST_CASE("story graph: empty and unknown targets are broken, unreachable nodes are found") {
    Scenario s = shipped(source("scenarios/tutorial"));
    const std::size_t kitchen = indexOf(s, "kitchen"), identify = indexOf(s, "identify");
    s.nodes[kitchen].choices[0].goTo = "nowhere";
    s.nodes[identify].goTo.clear();
    const StoryGraph graph = buildStoryGraph(s);
    const Link& typo = graph.links[graph.out[kitchen][0]];
    CHECK(typo.state == LinkState::Unknown);
    CHECK(typo.to == kNoNode);
    CHECK(typo.target == "nowhere");
    CHECK(graph.hasBrokenLink(kitchen));
    CHECK(graph.hasBrokenLink(identify));
    const auto reached = reachableFromStart(graph);
    CHECK_FALSE(reached[indexOf(s, "assess")]);  // only identify led there
    CHECK(reached[indexOf(s, "her-story")]);
}

TEST_CASE("layout: every shipped scenario, cards apart, start first, links to the right") {
    for (const auto& folder : shippedFolders()) {
        INFO(folder);
        const Scenario s = shipped(folder);
        const auto sizes = cardSizes(s);
        const LayoutSpacing spacing;
        const auto positions = layeredLayout(s, sizes, spacing);
        REQUIRE(positions.size() == s.nodes.size());

        for (std::size_t a = 0; a < positions.size(); ++a)
            for (std::size_t b = a + 1; b < positions.size(); ++b) {
                INFO(s.nodes[a].id << " and " << s.nodes[b].id);
                CHECK(apart(positions[a], sizes[a], positions[b], sizes[b]));
            }

        const StoryGraph graph = buildStoryGraph(s);
        const auto layers = assignLayers(graph);
        REQUIRE(graph.start != kNoNode);
        CHECK(layers[graph.start] == 0);
        for (std::size_t n = 0; n < s.nodes.size(); ++n)
            if (n != graph.start) CHECK(positions[n].x > positions[graph.start].x);
        for (const Link& link : graph.links) {
            if (link.to == kNoNode || leadsBack(graph, link.to, link.from)) continue;
            INFO(s.nodes[link.from].id << " -> " << s.nodes[link.to].id);
            CHECK(layers[link.to] > layers[link.from]);
            CHECK(positions[link.to].x > positions[link.from].x);
        }

        const auto again = layeredLayout(s, sizes, spacing);
        for (std::size_t n = 0; n < positions.size(); ++n) {
            CHECK(again[n].x == positions[n].x);
            CHECK(again[n].y == positions[n].y);
        }
    }
}

TEST_CASE("layout: nodes the start cannot reach share the last column") {
    Scenario s = shipped(source("scenarios/tutorial"));
    Node loose;
    loose.id = "loose";
    loose.choices.push_back({});
    loose.choices.back().goTo = "kitchen";
    s.nodes.push_back(loose);
    Node alone;
    alone.id = "alone";
    alone.type = NodeType::Ending;
    s.nodes.push_back(alone);
    const auto layers = assignLayers(buildStoryGraph(s));
    const std::size_t last = *std::max_element(layers.begin(), layers.end());
    CHECK(layers[s.nodes.size() - 2] == last);
    CHECK(layers[s.nodes.size() - 1] == last);
    for (std::size_t n = 0; n + 2 < s.nodes.size(); ++n) CHECK(layers[n] < last);
}

TEST_CASE("layout: a scenario without a start node or without nodes") {
    Scenario s = shipped(source("scenarios/tutorial"));
    s.start = "missing";
    const auto positions = layeredLayout(s, cardSizes(s));
    CHECK(positions.size() == s.nodes.size());
    s.nodes.clear();
    CHECK(layeredLayout(s, {}).empty());
}

TEST_CASE("placeInFreeSpace: the spot asked for when free, else the nearest free one") {
    Scenario s = shipped(source("scenarios/tutorial"));
    const auto sizes = cardSizes(s);
    const auto positions = layeredLayout(s, sizes);
    for (std::size_t n = 0; n < s.nodes.size(); ++n) s.nodes[n].position = positions[n];
    const CardSize card{240.0, 90.0};

    const EditorPosition far{-5000.0, -5000.0};
    const EditorPosition there = placeInFreeSpace(s, sizes, far, card, 16.0);
    CHECK(there.x == far.x);
    CHECK(there.y == far.y);

    const EditorPosition onStart = positions[indexOf(s, "kitchen")];
    const EditorPosition moved = placeInFreeSpace(s, sizes, onStart, card, 16.0);
    CHECK((moved.x != onStart.x || moved.y != onStart.y));
    for (std::size_t n = 0; n < s.nodes.size(); ++n) CHECK(apart(moved, card, positions[n], sizes[n], 16.0));
}
