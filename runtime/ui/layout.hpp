// Layout helpers for screens: a centred reading column and a soft-wrapping notebook field.
#pragma once

#include <string>

namespace haven::ui {

// Everything between begin and end is laid out in a column at most `maxWidth` wide, centred in
// the window; wrapped text and full-width rows follow the column. Not nestable.
void beginColumn(float maxWidth);
void endColumn();

// A multi-line text field whose lines wrap at its width as the trainee types (ImGui 1.86 has no
// soft wrap, so a space near the edge becomes a line break). True when the text changed.
bool notebookField(const char* id, std::string& text, float width, float height, const char* hint);

}  // namespace haven::ui
