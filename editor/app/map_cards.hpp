// The map's cards and arrows: a card's size and pins in map units (the layout needs them without
// drawing), the colour of each node type in the current theme, and how a card and a link are drawn
// at the current zoom.
#pragma once

#include "model/auto_layout.hpp"
#include "model/story_graph.hpp"

#include <imgui.h>

#include <cstddef>

namespace haven::editor {

// Map units per em at 100 % zoom: positions in the file do not change with the text size.
inline constexpr double kUnitsPerEm = 16.0;
// Room around cards the layout and a new card keep free, in map units.
inline constexpr double kCardMargin = 16.0;

CardSize cardSize(const Node& node);
// Where the arrow of the node's `pin`-th link leaves (right edge) and where arrows arrive (left
// edge), below the card's top, in map units.
double pinOffset(std::size_t pin);
double inputOffset();

struct TypeColours {
    ImU32 band;  // the card's header
    ImU32 ink;   // text on the band
};
// Blue scenes, green checklists, amber decisions, purple endings: light bands with dark text on
// dark themes, dark bands with white text on light ones.
TypeColours typeColours(NodeType type);
const char* typeLabel(NodeType type);
// A palette colour for the draw list, its alpha multiplied by `alpha`.
ImU32 withAlpha(ImVec4 colour, float alpha = 1.0f);

// How a card is drawn this frame: its top-left on screen and the pixels per map unit.
struct CardPaint {
    ImVec2 min;
    float unit = 1.0f;
    bool selected = false;
    bool hovered = false;
    bool start = false;
    bool broken = false;      // a link of it is empty or names no node
    bool dropTarget = false;  // a pin is being dragged over it
};

// Whether cards at `unit` pixels per map unit show their texts, or only their ids.
bool showsDetail(float unit);
void drawCard(ImDrawList* draw, const Scenario& scenario, std::size_t node, const StoryGraph& graph,
              const CardPaint& paint);

// A link from a pin to a card's input: a curve that leaves to the right and arrives from the
// left, ending in an arrowhead. `unit` is the zoom's pixels per map unit.
void drawLink(ImDrawList* draw, ImVec2 from, ImVec2 to, float unit, ImU32 colour, float thickness);
// Whether any of the curve can be inside the view (its control points' box), to skip the rest.
bool linkVisible(ImVec2 from, ImVec2 to, float unit, ImVec2 viewMin, ImVec2 viewMax);

}  // namespace haven::editor
