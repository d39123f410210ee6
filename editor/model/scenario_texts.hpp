// Every text an author writes in a scenario, as the find panel and the spelling check see them:
// each named by its JSON path in the validator's style (nodes[3].choices[1].feedback), so a match
// or a misspelling can be jumped to like a problem, and changed through an edit command, so a
// replacement can be undone. Ids, links, moods and Lua are not texts: nobody reads them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario.hpp"
#include "model/edit_commands.hpp"

namespace haven::editor {

struct ScenarioTextField {
    std::string path;                 // "nodes[3].choices[1].feedback"
    std::string label;                // "kitchen · choice 2 · feedback"
    std::optional<std::size_t> node;  // the node it belongs to; none for the scenario's own texts
    // Into the scenario the list was made from: valid until that scenario next changes. A list of
    // views keeps a 10 000-node scenario's texts from being copied on every keystroke.
    std::string_view text;
    bool reference = false;  // a citation (choice or option reference), not prose a learner reads
};

// In file order: title, summary, content notes, competencies, indicators, characters, nodes.
// Empty texts are left out.
std::vector<ScenarioTextField> scenarioTexts(const Scenario& scenario);

// The command that sets the text at `path` to `value`, built against `scenario` as it is now;
// null when `path` names no text of it (say, a node deleted since the path was found).
CommandPtr setTextAt(const Scenario& scenario, std::string_view path, std::string value);

// The text at `path` in `scenario`, if `path` names one.
std::optional<std::string_view> textAt(const Scenario& scenario, std::string_view path);

}  // namespace haven::editor
