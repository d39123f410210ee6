#include "app/find_panel.hpp"

#include "ui/widgets.hpp"

namespace haven::editor {

void FindPanel::draw(EditorContext& context) {
    (void)context;
    ui::mutedText("(not built yet)");
}

void FindPanel::setQuery(const std::string& find, const std::string& replace) {
    (void)find;
    (void)replace;
}

}  // namespace haven::editor
