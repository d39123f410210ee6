// Play-test: the scenario run from the start or a node with the player's widgets and a panel of
// variables to watch and change; the feedback and the debrief as the player shows them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/playtest_run.hpp"
#include "core/input.hpp"
#include "ui/widgets.hpp"

namespace haven::editor {

class PlaytestView {
public:
    // Starts a fresh run of the document as it is now: from the start when `fromNode` is
    // empty, else from that node with the variables of the shortest path that reaches it.
    // False with `error` when it cannot (the scenario has errors, the node is unreachable).
    bool start(EditorContext& context, const std::string& fromNode, std::string& error);
    bool running() const { return run_ != nullptr; }
    const PlaytestRun* run() const { return run_.get(); }  // null when none is running
    void stop();
    // An input as a click would give it (automation: --choices); false with `error` when it
    // does not fit the step.
    bool submit(const Input& input, std::string& error);
    // Draws inside the current window or child, filling the space left; false when the author
    // pressed "Stop" (the app then shows the map again).
    bool draw(EditorContext& context);

private:
    void refresh();  // after every change to the run: transcript, debrief, portrait, variables
    bool drawHeader(EditorContext& context);
    bool variablesShown(float width) const;  // the strip, in a main area this wide
    void drawStep(EditorContext& context);
    void drawDebrief();
    // playtest_variables.cpp
    void drawVariables(EditorContext& context);
    void drawJump();

    std::unique_ptr<PlaytestRun> run_;
    std::uint64_t revision_ = 0;  // the document's when the run started: later edits offer a restart
    ui::Selection selection_;
    std::vector<TimelineEntry> transcript_;  // what was said before the current step
    std::optional<Debrief> debrief_;         // once finished
    bool showEnding_ = false;                // finished, and the author went back from the debrief to the ending
    // Who spoke last on the path (narration and checklists keep them in view), and how.
    std::string speaker_, mood_;
    std::map<std::string, Value> values_;  // the session's variables now
    int scrollFrames_ = 0;                 // scroll the current step into view for this many frames
    std::optional<bool> showVariables_;    // unset: shown when there is room beside the story
    std::string notice_;                   // why the last thing asked did not work
};

}  // namespace haven::editor
