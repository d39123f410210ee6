// The map's automatic layout: a layered drawing of the story from left to right, and a free spot
// for a single new card. Deterministic (the same scenario always gives the same map) and free of
// UI: card sizes come in map units from the caller.
#pragma once

#include "core/scenario.hpp"
#include "model/story_graph.hpp"

#include <cstddef>
#include <vector>

namespace haven::editor {

struct CardSize {
    double width = 0.0;
    double height = 0.0;
};

struct LayoutSpacing {
    double betweenLayers = 96.0;  // horizontal gap between columns, in map units
    double betweenCards = 40.0;   // vertical gap between the cards of one column
};

// Each node's layer (column): the start is 0; a reachable node goes at least as far as its
// breadth-first depth and past every node linking to it, except along the links that close a
// loop (unless that would more than double the number of layers: then the breadth-first depth
// alone). Nodes the start cannot reach share the last layer.
std::vector<std::size_t> assignLayers(const StoryGraph& graph);

// Top-left corners, in map units, for every node of `scenario`, whose cards are `sizes` (one per
// node). Layers become columns; within a column, cards are ordered to reduce crossing links
// (barycentric passes) and moved towards the cards that link to them, never overlapping.
std::vector<EditorPosition> layeredLayout(const Scenario& scenario, const std::vector<CardSize>& sizes,
                                          LayoutSpacing spacing = {});

// Where a new card of `size` goes: at `wanted` if no placed card (of `sizes`, one per node; nodes
// without a position take no room) is within `margin` of it, else the nearest such free spot.
EditorPosition placeInFreeSpace(const Scenario& scenario, const std::vector<CardSize>& sizes, EditorPosition wanted,
                                CardSize size, double margin);

}  // namespace haven::editor
