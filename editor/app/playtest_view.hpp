// Play-test: the scenario run from the start or a node with the player's widgets and a panel of
// variables to watch and change; the feedback and the debrief as the player shows them.
#pragma once

#include "app/context.hpp"
#include "core/input.hpp"

#include <string>

namespace haven::editor {

class PlaytestView {
public:
    // Starts a fresh run of the document as it is now: from the start when `fromNode` is
    // empty, else from that node with the variables of the shortest path that reaches it.
    // False with `error` when it cannot (the scenario has errors, the node is unreachable).
    bool start(EditorContext& context, const std::string& fromNode, std::string& error);
    bool running() const;
    void stop();
    // An input as a click would give it (automation: --choices); false with `error` when it
    // does not fit the step.
    bool submit(const Input& input, std::string& error);
    // Draws inside the current window or child, filling the space left; false when the author
    // pressed "Stop" (the app then shows the map again).
    bool draw(EditorContext& context);
};

}  // namespace haven::editor
