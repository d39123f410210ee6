// haven-editor's command line: the file to open, and the automation flags tests and
// documentation screenshots use (docs/editor.md, "Automation"). Every automated edit goes
// through the same verbs a click does.
#pragma once

#include "core/settings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace haven::editor {

struct EditorOptions {
    std::string path;              // a scenario folder or its scenario.json
    bool newFromTemplate = false;  // --new
    std::string screenshotPath;    // --screenshot OUT.png: write the settled frame and exit
    bool hold = false;             // --hold: keep running after the settled frame (tests)
    int width = 1440, height = 900;
    std::optional<Theme> theme;
    std::optional<int> textScale;
    std::vector<std::string> select;  // --select ID[,ID…]
    std::string tab;                  // --tab inspector|scenario|find
    std::string focus;                // --focus JSON-PATH: as a click on a problem does
    std::vector<std::pair<std::string, std::string>> sets;  // --set FIELD=VALUE, in order
    bool arrange = false;             // --arrange: automatic layout
    std::optional<std::string> playtest;  // --playtest [NODE]: "" from the start
    std::string choices;              // --choices 1,2,3: inputs of the play-test
    std::string inputFile;            // --input FILE: the play-test's inputs as `haven play` reads them
    std::optional<std::string> find, replace;  // --find TEXT [--replace TEXT]
    std::string recovery;             // --recovery restore|discard: answer the restore prompt
    std::string dialog;               // --dialog open|save-as: show that file picker
    bool save = false;                // --save after the automated edits
    std::string saveAs;               // --save-as FOLDER after the automated edits
};

// False with `error` (a usage line) when the flags make no sense.
bool parseEditorOptions(const std::vector<std::string>& args, EditorOptions& options, std::string& error);

extern const char* kEditorUsage;

}  // namespace haven::editor
