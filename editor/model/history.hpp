// Undo and redo: the commands applied to a document, in order. Consecutive typing into one field
// (commands with the same merge key, each soon after the last) is one step; the oldest steps
// are dropped beyond a limit; and the history remembers which step was last saved, so that
// undoing back to it makes the document clean again.
#pragma once

#include "model/edit_commands.hpp"

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>

namespace haven::editor {

class History {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::size_t kDefaultLimit = 500;
    static constexpr std::chrono::milliseconds kDefaultMergeWindow{1500};

    explicit History(std::size_t limit = kDefaultLimit) : limit_(limit == 0 ? 1 : limit) {}

    // Applies `command` to `scenario` and records it, merging it into the last step when it
    // continues that step's typing. Clears what could be redone.
    void execute(Scenario& scenario, CommandPtr command, Clock::time_point now = Clock::now());
    // False when there is nothing to undo (or redo); the UI may bind these to keys unguarded.
    bool undo(Scenario& scenario);
    bool redo(Scenario& scenario);

    bool canUndo() const { return !done_.empty(); }
    bool canRedo() const { return !undone_.empty(); }
    std::string undoLabel() const { return canUndo() ? done_.back().command->label() : std::string(); }
    std::string redoLabel() const { return canRedo() ? undone_.back()->label() : std::string(); }
    std::size_t undoCount() const { return done_.size(); }
    std::size_t redoCount() const { return undone_.size(); }

    // The next command starts a new step even if it could merge (a field lost focus, a drag ended).
    void endMerge() { mergeOpen_ = false; }
    void setMergeWindow(std::chrono::milliseconds window) { mergeWindow_ = window; }

    // The document was saved (or opened) as it is now.
    void markClean();
    // No state of this history is the saved one (a document restored after a crash).
    void forgetClean() { cleanDepth_.reset(); }
    // Whether the document is as it was at the last markClean. False for good once that state
    // can no longer be reached (its step fell past the limit, or new edits replaced it after an undo).
    bool isClean() const { return cleanDepth_ && *cleanDepth_ == done_.size(); }

private:
    struct Step {
        CommandPtr command;
        std::string mergeKey;
        Clock::time_point last;
    };
    std::deque<Step> done_;
    std::deque<CommandPtr> undone_;
    std::size_t limit_;
    std::chrono::milliseconds mergeWindow_ = kDefaultMergeWindow;
    bool mergeOpen_ = false;
    std::optional<std::size_t> cleanDepth_ = 0;  // the length of done_ at the clean state
};

}  // namespace haven::editor
