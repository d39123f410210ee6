#include "model/story_graph.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace haven::editor {

std::vector<std::size_t> StoryGraph::successors(std::size_t node) const {
    std::vector<std::size_t> next;
    for (std::size_t l : out[node]) {
        std::size_t to = links[l].to;
        if (to != kNoNode && std::find(next.begin(), next.end(), to) == next.end()) next.push_back(to);
    }
    return next;
}

Adjacency StoryGraph::adjacency() const {
    Adjacency next(out.size());
    for (std::size_t n = 0; n < next.size(); ++n) next[n] = successors(n);
    return next;
}

bool StoryGraph::hasBrokenLink(std::size_t node) const {
    return std::any_of(out[node].begin(), out[node].end(), [&](std::size_t l) { return links[l].broken(); });
}

std::size_t linkCount(const Node& node) {
    switch (node.type) {
        case NodeType::Scene:
            return node.choices.size();
        case NodeType::Checklist:
            return 1;
        case NodeType::Decision:
            return node.options.size() + 1;
        case NodeType::Ending:
            return 0;
    }
    return 0;
}

StoryGraph buildStoryGraph(const Scenario& scenario) {
    // The scenario's own index is built once after loading; an edited scenario may have outgrown it.
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) index.emplace(scenario.nodes[n].id, n);

    StoryGraph graph;
    graph.out.resize(scenario.nodes.size());
    if (auto found = index.find(scenario.start); found != index.end()) graph.start = found->second;

    auto add = [&](std::size_t from, LinkSlot slot, std::size_t item, const std::string& target, bool required) {
        Link link{from, slot, item, target, kNoNode, LinkState::Empty, required};
        if (!target.empty()) {
            auto found = index.find(target);
            link.state = found == index.end() ? LinkState::Unknown : LinkState::Linked;
            if (found != index.end()) link.to = found->second;
        }
        graph.out[from].push_back(graph.links.size());
        graph.links.push_back(std::move(link));
    };
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        const Node& node = scenario.nodes[n];
        switch (node.type) {
            case NodeType::Scene:
                for (std::size_t c = 0; c < node.choices.size(); ++c)
                    add(n, LinkSlot::Choice, c, node.choices[c].goTo, true);
                break;
            case NodeType::Checklist:
                add(n, LinkSlot::Node, 0, node.goTo, true);
                break;
            case NodeType::Decision:
                // An option may leave its goto empty when the decision has a fallback to take instead.
                for (std::size_t o = 0; o < node.options.size(); ++o)
                    add(n, LinkSlot::Option, o, node.options[o].goTo, node.goTo.empty());
                add(n, LinkSlot::Node, 0, node.goTo, false);
                break;
            case NodeType::Ending:
                break;
        }
    }
    return graph;
}

std::vector<std::size_t> linkDistances(std::size_t root, const Adjacency& next) {
    std::vector<std::size_t> distance(next.size(), kNoNode);
    if (root >= next.size()) return distance;
    std::deque<std::size_t> queue{root};
    distance[root] = 0;
    while (!queue.empty()) {
        const std::size_t node = queue.front();
        queue.pop_front();
        for (std::size_t to : next[node])
            if (distance[to] == kNoNode) {
                distance[to] = distance[node] + 1;
                queue.push_back(to);
            }
    }
    return distance;
}

std::vector<bool> reachableFromStart(const StoryGraph& graph) {
    const std::vector<std::size_t> distance = linkDistances(graph.start, graph.adjacency());
    std::vector<bool> reached(distance.size());
    for (std::size_t n = 0; n < distance.size(); ++n) reached[n] = distance[n] != kNoNode;
    return reached;
}

Adjacency reversed(const Adjacency& next) {
    Adjacency previous(next.size());
    for (std::size_t from = 0; from < next.size(); ++from)
        for (std::size_t to : next[from]) previous[to].push_back(from);
    return previous;
}

}  // namespace haven::editor
