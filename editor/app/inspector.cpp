#include "app/inspector.hpp"

#include "ui/widgets.hpp"

namespace haven::editor {

void Inspector::draw(EditorContext& context) {
    (void)context;
    ui::mutedText("(not built yet)");
}

}  // namespace haven::editor
