// The scenario panel: metadata, competencies, indicators (with the starting library), characters
// and their portraits, variables, pass mark, content notes. The frame and the metadata are in
// scenario_panel.cpp; the lists of records in scenario_panel_records.cpp; characters and
// portraits in scenario_panel_characters.cpp; variables in scenario_panel_variables.cpp.
#pragma once

#include "app/context.hpp"
#include "app/file_picker.hpp"

#include <cstddef>
#include <set>
#include <string>

namespace haven::editor {

// A picked portrait image as the path a scenario may name: relative to `folder` when the file is
// already inside it; else a copy in `folder`/assets/ under a name not yet taken. Empty with
// `error` when the copy fails. (A scenario is shared as a folder, and the loader accepts only
// paths inside it.)
std::string importPortrait(const std::string& folder, const std::string& file, std::string& error);

class ScenarioPanel {
public:
    // Draws inside the current window or child, filling the space left.
    void draw(EditorContext& context);

private:
    void drawAbout(EditorContext& context);
    void drawCompetencies(EditorContext& context);
    void drawIndicators(EditorContext& context);
    void drawLibrary(EditorContext& context);
    void drawCharacters(EditorContext& context);
    void drawPortraits(EditorContext& context, std::size_t character);
    void takePickedPortrait(EditorContext& context);
    void drawVariables(EditorContext& context);

    FilePicker picker_;
    // The portrait the picker is choosing: a character, and the mood it replaces ("" adds one).
    std::size_t pickingCharacter_ = 0;
    std::string pickingMood_;
    std::set<std::string> libraryChosen_;  // ids ticked in "Add from library…"
};

}  // namespace haven::editor
