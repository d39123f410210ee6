// Sections: layers · order within layers · coordinates · free space for a new card.
#include "model/auto_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

namespace haven::editor {
namespace {

using Layers = std::vector<std::vector<std::size_t>>;  // node indices per layer, top to bottom

// The layout's root: the start, or the first node while the start names no node.
std::size_t rootOf(const StoryGraph& graph) {
    return graph.start != kNoNode ? graph.start : 0;
}

// A depth-first walk from the root, following links in pin order. `preorder` numbers nodes as
// they are first met (the initial order within layers: a branch's nodes stay together);
// `finish` as they are left. A link u→v closes a loop exactly when v is left after u.
struct Walk {
    std::vector<std::size_t> preorder, finish, finishOrder;
};

Walk walkFrom(std::size_t root, const Adjacency& next) {
    const std::size_t count = next.size();
    Walk walk{std::vector<std::size_t>(count, kNoNode), std::vector<std::size_t>(count, kNoNode), {}};
    std::size_t met = 0;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};  // node, next link to follow
    walk.preorder[root] = met++;
    while (!stack.empty()) {
        auto& [node, child] = stack.back();
        if (child < next[node].size()) {
            std::size_t to = next[node][child++];
            if (walk.preorder[to] != kNoNode) continue;
            walk.preorder[to] = met++;
            stack.emplace_back(to, 0);
        } else {
            walk.finish[node] = walk.finishOrder.size();
            walk.finishOrder.push_back(node);
            stack.pop_back();
        }
    }
    return walk;
}

// ------------------------------------------------------------------ order within layers

// Each node's place in its layer as a fraction, so that layers of different sizes compare.
std::vector<double> relativePlaces(const Layers& layers, std::size_t count) {
    std::vector<double> place(count, 0.0);
    for (const auto& layer : layers)
        for (std::size_t r = 0; r < layer.size(); ++r)
            place[layer[r]] = (static_cast<double>(r) + 0.5) / static_cast<double>(layer.size());
    return place;
}

// One barycentric pass, layer by layer down (or up): each node moves to the mean place of its
// neighbours in the layers already passed (a node with none keeps its own place).
void barycentricPass(Layers& layers, const Adjacency& neighbours, const std::vector<std::size_t>& layerOf,
                     bool downwards) {
    std::vector<double> place = relativePlaces(layers, layerOf.size());
    auto passed = [&](std::size_t here, std::size_t other) { return downwards ? other < here : other > here; };
    for (std::size_t step = 0; step < layers.size(); ++step) {
        const std::size_t l = downwards ? step : layers.size() - 1 - step;
        auto& layer = layers[l];
        std::vector<std::pair<double, std::size_t>> keyed;
        for (std::size_t node : layer) {
            double sum = 0.0;
            std::size_t n = 0;
            for (std::size_t other : neighbours[node])
                if (passed(l, layerOf[other])) {
                    sum += place[other];
                    ++n;
                }
            keyed.emplace_back(n ? sum / static_cast<double>(n) : place[node], node);
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t r = 0; r < layer.size(); ++r) {
            layer[r] = keyed[r].second;
            place[layer[r]] = (static_cast<double>(r) + 0.5) / static_cast<double>(layer.size());
        }
    }
}

// Links between neighbouring layers that cross, counted as inversions with a Fenwick tree.
std::size_t crossings(const Layers& layers, const Adjacency& next, const std::vector<std::size_t>& layerOf) {
    std::vector<std::size_t> rank(layerOf.size());
    for (const auto& layer : layers)
        for (std::size_t r = 0; r < layer.size(); ++r) rank[layer[r]] = r;
    std::size_t total = 0;
    for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
        std::vector<std::pair<std::size_t, std::size_t>> links;
        for (std::size_t u : layers[l])
            for (std::size_t v : next[u])
                if (layerOf[v] == l + 1) links.emplace_back(rank[u], rank[v]);
        std::sort(links.begin(), links.end());
        std::vector<std::size_t> tree(layers[l + 1].size() + 1, 0);  // counts of link ends by rank
        for (std::size_t i = 0; i < links.size(); ++i) {
            std::size_t atOrBelow = 0;
            for (std::size_t k = links[i].second + 1; k > 0; k -= k & (~k + 1)) atOrBelow += tree[k];
            total += i - atOrBelow;
            for (std::size_t k = links[i].second + 1; k < tree.size(); k += k & (~k + 1)) ++tree[k];
        }
    }
    return total;
}

Layers orderLayers(const std::vector<std::size_t>& layerOf, const std::vector<std::size_t>& preorder,
                   const Adjacency& next, const Adjacency& previous) {
    std::size_t layerCount = 0;
    for (std::size_t l : layerOf) layerCount = std::max(layerCount, l + 1);
    Layers layers(layerCount);
    std::vector<std::size_t> byWalk(layerOf.size());
    std::iota(byWalk.begin(), byWalk.end(), 0);
    // Nodes the walk never met keep the scenario's order, after those it met.
    auto key = [&](std::size_t n) { return preorder[n] != kNoNode ? preorder[n] : layerOf.size() + n; };
    std::sort(byWalk.begin(), byWalk.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    for (std::size_t n : byWalk) layers[layerOf[n]].push_back(n);

    constexpr int kPasses = 12;
    Layers best = layers;
    std::size_t fewest = crossings(layers, next, layerOf);
    for (int pass = 0; pass < kPasses && fewest > 0; ++pass) {
        const bool downwards = pass % 2 == 0;
        barycentricPass(layers, downwards ? previous : next, layerOf, downwards);
        if (std::size_t now = crossings(layers, next, layerOf); now < fewest) {
            fewest = now;
            best = layers;
        }
    }
    return best;
}

// -------------------------------------------------------------------------------- coordinates

// The tops closest (least squares) to `wanted` that keep the cards of a column in order with
// `gap` between them: pool-adjacent-violators on the tops less the room the cards above take.
std::vector<double> closestTops(const std::vector<double>& wanted, const std::vector<double>& heights, double gap) {
    struct Block {
        double sum;
        std::size_t count, first;
    };
    std::vector<double> room(wanted.size(), 0.0);
    for (std::size_t i = 1; i < wanted.size(); ++i) room[i] = room[i - 1] + heights[i - 1] + gap;
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        blocks.push_back({wanted[i] - room[i], 1, i});
        while (blocks.size() > 1) {
            Block& last = blocks.back();
            Block& before = blocks[blocks.size() - 2];
            if (before.sum / static_cast<double>(before.count) <= last.sum / static_cast<double>(last.count)) break;
            before.sum += last.sum;
            before.count += last.count;
            blocks.pop_back();
        }
    }
    std::vector<double> tops(wanted.size());
    for (const Block& block : blocks)
        for (std::size_t i = block.first; i < block.first + block.count; ++i)
            tops[i] = block.sum / static_cast<double>(block.count) + room[i];
    return tops;
}

}  // namespace

// ------------------------------------------------------------------------------------ layers

std::vector<std::size_t> assignLayers(const StoryGraph& graph) {
    const std::size_t count = graph.out.size();
    if (count == 0) return {};
    const Adjacency next = graph.adjacency();
    const std::size_t root = rootOf(graph);
    const std::vector<std::size_t> depth = linkDistances(root, next);
    std::vector<std::size_t> pushed = depth;
    const Walk walk = walkFrom(root, next);
    // Longest path over the links that do not close a loop, in topological order (the reverse of
    // the order the walk left nodes), so that every such link points to the right.
    for (auto it = walk.finishOrder.rbegin(); it != walk.finishOrder.rend(); ++it)
        for (std::size_t to : next[*it])
            if (walk.finish[to] < walk.finish[*it]) pushed[to] = std::max(pushed[to], pushed[*it] + 1);
    auto deepest = [](const std::vector<std::size_t>& layers) {
        std::size_t last = 0;
        for (std::size_t l : layers)
            if (l != kNoNode) last = std::max(last, l);
        return last;
    };
    // Pushing every link right can stretch a long story into a line (a generated chain of
    // thousands of scenes, each also linking far ahead): past twice the breadth-first width,
    // the breadth-first layers make the more usable map.
    std::vector<std::size_t> layer = deepest(pushed) <= 2 * deepest(depth) + 2 ? pushed : depth;
    const std::size_t last = deepest(layer);
    for (std::size_t& l : layer)
        if (l == kNoNode) l = last + 1;
    return layer;
}

std::vector<EditorPosition> layeredLayout(const Scenario& scenario, const std::vector<CardSize>& sizes,
                                          LayoutSpacing spacing) {
    const std::size_t count = scenario.nodes.size();
    std::vector<EditorPosition> positions(count);
    if (count == 0) return positions;
    const StoryGraph graph = buildStoryGraph(scenario);
    const Adjacency next = graph.adjacency();
    const Adjacency previous = reversed(next);
    const std::vector<std::size_t> layerOf = assignLayers(graph);
    const Layers layers = orderLayers(layerOf, walkFrom(rootOf(graph), next).preorder, next, previous);

    double x = 0.0;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const auto& layer = layers[l];
        // Each card aims at the middle of the cards linking to it from the columns to its left;
        // one with none aims just below the card above it.
        std::vector<double> wanted, heights;
        double width = 0.0;
        for (std::size_t node : layer) {
            double sum = 0.0;
            std::size_t n = 0;
            for (std::size_t from : previous[node])
                if (layerOf[from] < l) {
                    sum += positions[from].y + sizes[from].height / 2;
                    ++n;
                }
            const double below = wanted.empty() ? 0.0 : wanted.back() + heights.back() + spacing.betweenCards;
            wanted.push_back(n ? sum / static_cast<double>(n) - sizes[node].height / 2 : below);
            heights.push_back(sizes[node].height);
            width = std::max(width, sizes[node].width);
        }
        const std::vector<double> tops = closestTops(wanted, heights, spacing.betweenCards);
        for (std::size_t r = 0; r < layer.size(); ++r) positions[layer[r]] = {x, tops[r]};
        x += width + spacing.betweenLayers;
    }
    double top = std::numeric_limits<double>::max();
    for (const auto& p : positions) top = std::min(top, p.y);
    for (auto& p : positions) p.y = std::round(p.y - top);
    return positions;
}

// ----------------------------------------------------------------- free space for a new card

EditorPosition placeInFreeSpace(const Scenario& scenario, const std::vector<CardSize>& sizes, EditorPosition wanted,
                                CardSize size, double margin) {
    auto free = [&](EditorPosition at) {
        for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
            const auto& p = scenario.nodes[n].position;
            if (!p) continue;
            const bool apart = at.x + size.width + margin <= p->x || p->x + sizes[n].width + margin <= at.x ||
                               at.y + size.height + margin <= p->y || p->y + sizes[n].height + margin <= at.y;
            if (!apart) return false;
        }
        return true;
    };
    // Rings of candidate spots around `wanted`, half a card apart; the nearest free one of the
    // first ring that has one wins.
    const double stepX = (size.width + margin) / 2, stepY = (size.height + margin) / 2;
    constexpr int kRings = 40;
    for (int ring = 0; ring <= kRings; ++ring) {
        std::optional<EditorPosition> best;
        double bestDistance = std::numeric_limits<double>::max();
        for (int i = -ring; i <= ring; ++i)
            for (int j = -ring; j <= ring; ++j) {
                if (std::max(std::abs(i), std::abs(j)) != ring) continue;
                const EditorPosition at{wanted.x + i * stepX, wanted.y + j * stepY};
                const double distance = std::hypot(i * stepX, j * stepY);
                if (distance < bestDistance && free(at)) {
                    best = at;
                    bestDistance = distance;
                }
            }
        if (best) return *best;
    }
    double right = wanted.x;
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n)
        if (const auto& p = scenario.nodes[n].position) right = std::max(right, p->x + sizes[n].width + margin);
    return {right, wanted.y};
}

}  // namespace haven::editor
