// The map: every node as a card, arrows per choice and option, pan and zoom, drag, box select,
// minimap, automatic layout, double-click to add, drag a pin to link, a right-click menu, the
// arrow keys to nudge and Delete to delete.
//
// The view is split by what it does: map_view.cpp draws the toolbar and the canvas and keeps the
// camera; map_input.cpp turns the mouse and keys into gestures and commands; map_cards.cpp draws
// a card and a link; map_minimap.cpp the overview in the corner. Every edit goes through the
// document as one undo step; the view itself keeps only the camera and the gesture in progress.
#pragma once

#include "app/context.hpp"
#include "model/auto_layout.hpp"
#include "model/story_graph.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace haven::editor {

class MapView {
public:
    // Draws inside the current window or child, filling the space left.
    void draw(EditorContext& context);
    // Lays out every node (Edit ▸ Arrange, --arrange, on open when nothing is placed) as one undo step.
    void arrangeAll(EditorContext& context);
    // Where a node's card was drawn last (its top-left on screen): what a test points the mouse at.
    ImVec2 screenOf(std::size_t node) const { return toScreen(position(node)); }

private:
    // What the map shows of the document, rebuilt when its revision changes (map_view.cpp).
    struct Cache {
        const Document* document = nullptr;
        std::string file;
        std::uint64_t revision = 0;
        StoryGraph graph;
        std::vector<CardSize> sizes;
        std::vector<EditorPosition> positions;  // a node the author never placed goes right of the rest
        EditorPosition min, max;                // the box round every card
    };
    // What the left button (or a pan) is doing while it is held (map_input.cpp).
    enum class Gesture { None, Pan, Move, Box, Link, Minimap };

    // map_view.cpp: the frame, the toolbar, the camera.
    void refresh(const EditorContext& context);
    void drawToolbar(EditorContext& context);
    void drawCanvas(EditorContext& context);
    void cullCards(const EditorContext& context);
    void drawGrid(ImDrawList* draw) const;
    void drawLinks(ImDrawList* draw, bool highlighted) const;
    void drawCards(ImDrawList* draw, const EditorContext& context) const;
    void drawLegend(ImDrawList* draw) const;
    float unit() const;  // pixels per map unit
    ImVec2 toScreen(EditorPosition p) const;
    EditorPosition toMap(ImVec2 p) const;
    EditorPosition position(std::size_t node) const;  // where it is drawn, a drag's offset included
    ImVec2 pinScreen(std::size_t node, std::size_t pin) const;
    ImVec2 inputScreen(std::size_t node) const;
    void zoomAround(ImVec2 screen, float zoom);
    void fitAll(float smallestZoom);
    void zoomToFit();
    void centreOn(std::size_t node);

    // map_input.cpp: gestures and the commands they end in.
    void handleInput(EditorContext& context);
    void startGesture(EditorContext& context);
    void continueGesture();
    void endGesture(EditorContext& context);
    void cancelGesture();  // Escape, or the scenario changed under it
    void clickCard(EditorContext& context, std::size_t node);
    void finishMove(EditorContext& context);
    void finishBox(EditorContext& context);
    void finishLink(EditorContext& context);
    void drawGesture(ImDrawList* draw) const;
    void drawHoverHelp(const EditorContext& context) const;
    void addScene(EditorContext& context, EditorPosition at, std::optional<std::size_t> linkFrom);
    void deleteSelection(EditorContext& context);
    void nudgeSelection(EditorContext& context);
    void drawMenu(EditorContext& context);
    std::optional<std::size_t> cardAt(ImVec2 screen) const;
    std::optional<std::size_t> pinAt(ImVec2 screen) const;  // a link index of the graph

    // map_minimap.cpp: the overview in the canvas's bottom-right corner.
    struct MinimapFrame {
        ImVec2 min, max;        // on screen
        double scale = 1.0;     // screen pixels per map unit
        EditorPosition origin;  // the map point at `min`
        bool shown = false;     // only while some card is out of view
    };
    MinimapFrame minimapFrame() const;
    bool overMinimap(ImVec2 screen) const;
    void drawMinimap(ImDrawList* draw) const;

    Cache cache_;
    // The camera: the map point at the canvas's top-left, and the zoom (1 = 100 %).
    EditorPosition origin_;
    float zoom_ = 1.0f;
    ImVec2 canvasMin_, canvasMax_;
    bool fitPending_ = true;  // a new document or arrangement gets a fresh view, from its start

    Gesture gesture_ = Gesture::None;
    ImVec2 pressedAt_;
    bool additive_ = false;  // Ctrl or Shift held when the gesture began
    std::optional<std::size_t> pressedCard_;
    std::vector<std::size_t> moving_;     // the cards a Move drags
    std::vector<bool> isMoving_;          // the same, per node, for drawing
    EditorPosition moveBy_;               // how far, in map units (applied as one command on release)
    std::size_t linkFrom_ = 0;            // the link whose pin a Link drags
    EditorPosition menuAt_;               // where the right-click menu opened, on the map
    int button_ = 0;                      // the mouse button that holds the gesture
    bool dragged_ = false;                // the mouse moved past the drag threshold
    std::vector<std::size_t> visible_;    // the cards on screen this frame, in drawing order
    std::vector<bool> isSelected_;        // per node, this frame (a selection may hold thousands)
    std::optional<std::size_t> hovered_;  // the card under the pointer
};

}  // namespace haven::editor
