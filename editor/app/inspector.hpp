// The inspector: every field of the selected node, its choices or options, with Lua compile checks as you type.
#pragma once

#include "app/context.hpp"

namespace haven::editor {

class Inspector {
public:
    // Draws inside the current window or child, filling the space left.
    void draw(EditorContext& context);
};

}  // namespace haven::editor
