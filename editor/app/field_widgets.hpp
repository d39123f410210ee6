// The bound fields the inspector and the scenario panel are built from. Each draws its label
// above a full-width field, shows the model's value, and turns an edit into a command from the
// factory it is given, so every change can be undone; typing into one field merges into one undo
// step, closed when the field is left.
//
// Each field also answers to a validator path (nodes[3].choices[1].condition): when the
// context's focusPath names it, the field scrolls into view, takes the keyboard and clears it.
//
// Sections: focus · sections and labels · text · Lua · lists and pickers · scores.
#pragma once

#include "app/context.hpp"
#include "core/lua_sandbox.hpp"

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace haven::editor::fields {

using MakeText = std::function<CommandPtr(std::string)>;
using MakeList = std::function<CommandPtr(std::vector<std::string>)>;
using MakeScores = std::function<CommandPtr(Scores)>;
// What is wrong with a proposed value; empty when it may be committed.
using Check = std::function<std::string(const std::string&)>;

// A change that is a step of its own (add, remove, pick), never merged with the typing before
// or after it into one undo step.
void executeStep(EditorContext& context, CommandPtr command);

// ---- focus

// Whether the context's focusPath is `path` or lies inside it (path.x, path[i]).
bool focusWithin(const EditorContext& context, const std::string& path);
// Whether the focusPath lies inside `base`.`name` for any of `names`: a section holding them opens.
bool focusWithinAny(const EditorContext& context, const std::string& base, std::initializer_list<const char*> names);
// Before a field: when the focusPath names it, scrolls there, gives the next widget the keyboard
// and clears the path. True when it did.
bool takeFocus(EditorContext& context, const std::string& path);

// ---- sections and labels

// A collapsible section, open at first when `defaultOpen`, and opened when `focusInside`.
bool section(const char* title, bool focusInside, bool defaultOpen = true);
// The label above the next field, which then fills the column. An empty label is none (a
// table's header says it).
void label(const std::string& text);
// A quiet line under a field: what it is for, or what leaving it empty means.
void hint(const std::string& text);
// A line in the palette's `bad` colour under a field.
void problem(const std::string& text);
// Vertical room between two fields.
void gap();
// The width of a number field with its − and + buttons: room for about four digits.
float numberWidth();

// ---- text

void textField(EditorContext& context, const std::string& label, const std::string& path, const std::string& value,
               const MakeText& make);
// Prose: shown wrapped at the column's width; a click (or a jump from the problems panel)
// edits it in a box of `lines` lines.
void proseField(EditorContext& context, const std::string& label, const std::string& path, const std::string& value,
                const MakeText& make, float lines = 4.0f);
// A value that only changes when the author is done with it (Enter or leaving the field), and
// only when `check` finds nothing wrong; meanwhile what is wrong shows under it. For ids whose
// change renames (a node, a variable). Returns the value to commit, once.
std::optional<std::string> committedField(EditorContext& context, const std::string& label, const std::string& path,
                                          const std::string& value, const Check& check);

// ---- Lua

// Lua as you type: compile-checked every frame, with the error and its line under the field.
void luaField(EditorContext& context, const std::string& label, const std::string& path, const std::string& value,
              ChunkKind kind, const MakeText& make);

// ---- lists and pickers

// A list of short texts (audience, content notes): one field per line, Remove, Add.
void stringListField(EditorContext& context, const std::string& label, const std::string& path,
                     const std::vector<std::string>& values, const MakeList& make, const char* addLabel);

struct PickItem {
    std::string id;
    std::string label;  // what the list shows; the id when empty
};
// The start of `text` that fits in `width` pixels, cut at a space, with an ellipsis when cut: a
// header's one line.
std::string fitted(const std::string& text, float width);
// "Name  (id)", or the id alone when the name is empty or the same.
std::string namedId(const std::string& name, const std::string& id);
// A combo of `items`, plus `none` (the empty id) when given. Returns the id picked this frame.
std::optional<std::string> idPicker(EditorContext& context, const std::string& label, const std::string& path,
                                    const std::string& current, const std::vector<PickItem>& items,
                                    const char* none = nullptr);
// The node ids of the scenario, for a goto.
std::vector<PickItem> nodeItems(const Scenario& scenario);
// A goto: a node id of the scenario, or none yet.
void gotoField(EditorContext& context, const std::string& label, const std::string& path, const std::string& current,
               const MakeText& make);

// A set of indicator ids (reveals, checklist items): the chosen as removable tags and a combo to
// add one of the scenario's other indicators.
void indicatorSetField(EditorContext& context, const std::string& label, const std::string& path,
                       const std::vector<std::string>& chosen, const MakeList& make);

// An id not yet used among `items` (anything with an `id`), for a new one: "choice-3".
template <class Item>
std::string freshId(const std::vector<Item>& items, const char* stem) {
    for (std::size_t k = items.size() + 1;; ++k) {
        std::string id = std::string(stem) + "-" + std::to_string(k);
        bool used = false;
        for (const Item& item : items) used = used || item.id == id;
        if (!used) return id;
    }
}

// ---- scores

// Points per competency of the scenario, as small number fields in a row; 0 leaves it out.
void scoresField(EditorContext& context, const std::string& path, const Scores& scores, const MakeScores& make);

}  // namespace haven::editor::fields
