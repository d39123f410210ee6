// The problems panel: the validator and the spelling check, live as you edit; click a problem to
// select its node and focus its field.
#pragma once

#include "app/context.hpp"

#include <string>

namespace haven::editor {

class ProblemsPanel {
public:
    // Draws inside the current window or child, filling the space left.
    void draw(EditorContext& context);
    // The count shown on the panel's title ("Problems (2 errors, 1 warning, 3 spelling)").
    std::string summary() const;
};

}  // namespace haven::editor
