// Find and replace across every text of the scenario; replace-all is one undo step. (The word
// count and reading time are in the status bar, always in view.)
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/problems_panel.hpp"
#include "model/text_search.hpp"

namespace haven::editor {

class FindPanel {
public:
    // Draws inside the current window or child, filling the space left.
    void draw(EditorContext& context);
    // Automation (--find/--replace) and Ctrl+F: fill the fields and focus the search box.
    void setQuery(const std::string& find, const std::string& replace);

private:
    void refresh(const EditorContext& context);
    void drawFields(EditorContext& context);
    void drawMatch(EditorContext& context, std::size_t index);
    void replaceCurrent(EditorContext& context);
    void replaceEvery(EditorContext& context);

    std::string find_, replace_;
    FindOptions options_;
    bool focusFind_ = false;
    std::size_t current_ = 0;  // the match Replace replaces, highlighted in the list

    // Computed from `seen_` with the query and options below; recomputed when any changes.
    DocumentStamp seen_;
    std::string seenFind_;
    FindOptions seenOptions_;
    std::vector<TextMatch> matches_;
};

}  // namespace haven::editor
