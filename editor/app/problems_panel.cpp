#include "app/problems_panel.hpp"

#include "ui/widgets.hpp"

namespace haven::editor {

void ProblemsPanel::draw(EditorContext& context) {
    (void)context;
    ui::mutedText("(not built yet)");
}

std::string ProblemsPanel::summary() const {
    return "Problems";
}

}  // namespace haven::editor
