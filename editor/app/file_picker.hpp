// A file and folder picker drawn with ImGui (there is no native dialog in SDL2): a path field,
// the folder's entries (folders first, scenarios marked), Up, and a button for what is being
// picked. Used to open a scenario, to choose the folder of Save As, and to pick portraits.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace haven::editor {

class FilePicker {
public:
    enum class Kind {
        Scenario,  // a scenario folder (one holding scenario.json) or a scenario.json
        Folder,    // any folder, which may be new (Save As)
        Image,     // a .png file
    };

    // Opens the picker's modal next frame, showing `folder` (the home folder when empty).
    void open(Kind kind, std::string title, std::string folder);
    // Draws the modal while it is open; returns the chosen path once, on the frame it is chosen.
    std::optional<std::string> draw();

private:
    struct Entry {
        std::string name;
        bool folder = false;
        bool scenario = false;  // a folder with a scenario.json
    };
    void list();
    void enter(const std::string& folder);

    Kind kind_ = Kind::Scenario;
    std::string title_;
    std::string folder_;
    std::string name_;  // the typed or clicked name inside folder_
    std::vector<Entry> entries_;
    std::string error_;
    bool openRequested_ = false;
};

}  // namespace haven::editor
