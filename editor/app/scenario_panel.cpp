#include "app/scenario_panel.hpp"

#include "ui/widgets.hpp"

namespace haven::editor {

void ScenarioPanel::draw(EditorContext& context) {
    (void)context;
    ui::mutedText("(not built yet)");
}

}  // namespace haven::editor
