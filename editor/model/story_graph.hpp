// The scenario's links as data: every choice, option and node goto with the node it leads to (or
// why it leads nowhere), and which nodes a trainee can reach from the start. The map draws its
// arrows and warning markers from it and the layout orders its layers by it; no UI here.
#pragma once

#include "core/scenario.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace haven::editor {

inline constexpr std::size_t kNoNode = static_cast<std::size_t>(-1);

// Per node, the nodes it leads to (or, reversed, those leading to it).
using Adjacency = std::vector<std::vector<std::size_t>>;

// Where a link starts: a scene's choice, a decision's option, or the node's own goto (a
// checklist's next node, a decision's fallback).
enum class LinkSlot { Choice, Option, Node };

enum class LinkState {
    Linked,   // names a node of the scenario
    Empty,    // names nothing yet
    Unknown,  // names a node that does not exist (a typo, or a node since deleted or renamed)
};

struct Link {
    std::size_t from = 0;
    LinkSlot slot = LinkSlot::Choice;
    std::size_t item = 0;  // the choice's or option's index; 0 for the node's own goto
    std::string target;    // the goto as written
    std::size_t to = kNoNode;
    LinkState state = LinkState::Empty;
    bool required = true;  // an empty goto here is an error (the validator's rule)

    bool broken() const { return state == LinkState::Unknown || (state == LinkState::Empty && required); }
};

struct StoryGraph {
    std::vector<Link> links;                    // node by node, in the order of the node's pins
    std::vector<std::vector<std::size_t>> out;  // per node: its links, as indices into `links`
    std::size_t start = kNoNode;                // the start node, if it exists

    // The distinct nodes `node` leads to, in the order of its links.
    std::vector<std::size_t> successors(std::size_t node) const;
    Adjacency adjacency() const;  // every node's successors
    bool hasBrokenLink(std::size_t node) const;
};

// How many links `node` has, one pin each on its card: each choice of a scene, each option of a
// decision and its fallback, a checklist's goto. Endings have none.
std::size_t linkCount(const Node& node);

StoryGraph buildStoryGraph(const Scenario& scenario);

// Per node, the fewest links from `root` to it along `next` (kNoNode: no path), breadth first.
// Along reversed links: how far each node is from a target.
std::vector<std::size_t> linkDistances(std::size_t root, const Adjacency& next);
// The same links followed backwards: every node's predecessors.
Adjacency reversed(const Adjacency& next);

// Per node: whether some path of links leads there from the start.
std::vector<bool> reachableFromStart(const StoryGraph& graph);

}  // namespace haven::editor
