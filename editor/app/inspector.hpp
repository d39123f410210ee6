// The inspector: every field of the selected node, its choices or options, with Lua compile checks
// as you type. Node fields are in inspector.cpp, scene choices and decision options in
// inspector_items.cpp, checklist, decision and ending fields in inspector_steps.cpp.
#pragma once

#include "app/context.hpp"

namespace haven::editor {

class Inspector {
public:
    // Draws inside the current window or child, filling the space left.
    void draw(EditorContext& context);
};

}  // namespace haven::editor
