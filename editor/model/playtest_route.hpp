// The shortest route of inputs from a scenario's start to one of its nodes, for play-testing from
// a node deep in the graph with the variables, transcript and scores of the path that gets there.
// Found by an A* search over the states of real Sessions, so conditions, effects, on_enter and the
// helper script all count; bounded, so a huge or hostile scenario gives up instead of hanging the
// editor.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/input.hpp"
#include "core/scenario.hpp"

namespace haven::editor {

struct RouteLimits {
    std::size_t maxStates = 20000;  // distinct (node, variables) states explored
    // Inputs applied in all. States are usually entered again by restoring them (one input each);
    // for a script with state of its own they are replayed from the start (a path's length each).
    std::size_t maxInputs = 400000;
};

// The inputs that bring a fresh Session(scenario, any mode, `seed`) to `nodeId` by the fewest
// inputs; empty for the start node. Nullopt with `error` when there is no such node, no route
// reaches it, or the limits were met first. `seed` must be the one the route is replayed with:
// a script may use math.random.
std::optional<std::vector<Input>> shortestRoute(const Scenario& scenario, const std::string& nodeId, std::uint64_t seed,
                                                std::string& error, const RouteLimits& limits = {});

}  // namespace haven::editor
