// The scenario panel: metadata, competencies, indicators, characters and portraits, variables, pass mark, content notes.
#pragma once

#include "app/context.hpp"

namespace haven::editor {

class ScenarioPanel {
public:
    // Draws inside the current window or child, filling the space left.
    void draw(EditorContext& context);
};

}  // namespace haven::editor
