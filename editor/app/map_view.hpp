// The map: every node as a card, arrows per choice and option, pan and zoom, drag, box select,
// minimap, automatic layout, double-click to add, drag a pin to link.
#pragma once

#include "app/context.hpp"

namespace haven::editor {

class MapView {
public:
    // Draws inside the current window or child, filling the space left.
    void draw(EditorContext& context);
    // Lays out every node (Edit ▸ Arrange, --layout) as one undo step.
    void arrangeAll(EditorContext& context);
};

}  // namespace haven::editor
