// Layout helpers for screens: a centred reading column, line breaking, a soft-wrapping notebook.
#pragma once

#include <string>
#include <string_view>

namespace haven::ui {

// Everything between begin and end is laid out in a column at most `maxWidth` wide, centred in
// the window; wrapped text and full-width rows follow the column. Not nestable.
void beginColumn(float maxWidth);
void endColumn();

// `text` with a line break at a space wherever the next word would pass `width` in the current
// font. ImGui 1.86 also breaks after punctuation, which leaves a closing quote alone on a line
// (“… to know?” wraps as “… to know?” / ”); breaking only at spaces keeps such pairs together.
// Text drawn with this still passes ImGui's wrap width, which then only splits over-long words.
std::string breakAtSpaces(std::string_view text, float width);

// A multi-line text field whose lines wrap at its width as the trainee types (ImGui 1.86 has no
// soft wrap, so a space near the edge becomes a line break). True when the text changed.
bool notebookField(const char* id, std::string& text, float width, float height, const char* hint);

}  // namespace haven::ui
