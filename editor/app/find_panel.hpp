// Find and replace across every text of the scenario; replace-all is one undo step.
#pragma once

#include "app/context.hpp"

#include <string>

namespace haven::editor {

class FindPanel {
public:
    // Draws inside the current window or child, filling the space left.
    void draw(EditorContext& context);
    // Automation (--find/--replace) and Ctrl+F: fill the fields and focus the search box.
    void setQuery(const std::string& find, const std::string& replace);
};

}  // namespace haven::editor
