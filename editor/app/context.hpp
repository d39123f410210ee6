// What every panel of the editor shares while it draws: the document, the selection, and the
// requests a panel makes of the others (jump to a problem, play-test from a node). Panels read
// it and change the scenario only through `execute`, so every change can be undone.
#pragma once

#include "model/document.hpp"
#include "ui/texture_cache.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace haven::editor {

// Which tab the right-hand side should bring forward (None: leave it to the author).
enum class SideTab { None, Inspector, Scenario, Find };

struct EditorContext {
    Document* document = nullptr;  // never null while a panel draws
    ui::TextureCache* textures = nullptr;

    // Selected nodes by index; the first is the one the inspector shows.
    std::vector<std::size_t> selected;
    // A JSON path of the validator's (nodes[3].choices[1].condition) the inspector should bring
    // into view and focus; set by the problems panel, cleared by the inspector once shown.
    std::string focusPath;
    bool centreOnSelection = false;  // the map scrolls the first selected node into view
    SideTab sideTab = SideTab::Inspector;
    // Play-test requested from a panel: "" for the start, else the node id to start from.
    std::optional<std::string> playtestRequest;
    std::string notice;  // one line in the status bar

    Document& doc() { return *document; }
    const Scenario& scenario() const { return document->scenario(); }
    void execute(CommandPtr command) { document->execute(std::move(command)); }

    std::optional<std::size_t> primary() const {
        if (selected.empty() || selected.front() >= scenario().nodes.size()) return std::nullopt;
        return selected.front();
    }
    bool isSelected(std::size_t node) const {
        for (std::size_t s : selected)
            if (s == node) return true;
        return false;
    }
    void select(std::size_t node, bool centre = false) {
        selected = {node};
        centreOnSelection = centre;
    }
    // Drops indices past the end after an undo or a delete.
    void pruneSelection() {
        std::erase_if(selected, [&](std::size_t s) { return s >= scenario().nodes.size(); });
    }
};

}  // namespace haven::editor
