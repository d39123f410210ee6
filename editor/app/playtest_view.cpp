#include "app/playtest_view.hpp"

#include "ui/widgets.hpp"

namespace haven::editor {

bool PlaytestView::start(EditorContext& context, const std::string& fromNode, std::string& error) {
    (void)context;
    (void)fromNode;
    error = "play-test is not built yet";
    return false;
}

bool PlaytestView::running() const {
    return false;
}

void PlaytestView::stop() {}

bool PlaytestView::submit(const Input& input, std::string& error) {
    (void)input;
    error = "play-test is not built yet";
    return false;
}

bool PlaytestView::draw(EditorContext& context) {
    (void)context;
    ui::mutedText("(not built yet)");
    return true;
}

}  // namespace haven::editor
