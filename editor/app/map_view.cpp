#include "app/map_view.hpp"

#include "ui/widgets.hpp"

namespace haven::editor {

void MapView::draw(EditorContext& context) {
    (void)context;
    ui::mutedText("(not built yet)");
}

void MapView::arrangeAll(EditorContext& context) {
    (void)context;
}

}  // namespace haven::editor
