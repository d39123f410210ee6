#include "model/history.hpp"

namespace haven::editor {

void History::execute(Scenario& scenario, CommandPtr command, Clock::time_point now) {
    command->apply(scenario);
    if (!undone_.empty()) {
        // The states that could have been redone are gone; so is the clean state if it was one.
        if (cleanDepth_ && *cleanDepth_ > done_.size()) cleanDepth_.reset();
        undone_.clear();
    }
    std::string key = command->mergeKey();
    // Never merge into the saved step: undoing the merged step would skip past the clean state.
    bool merges = mergeOpen_ && !key.empty() && !done_.empty() && done_.back().mergeKey == key &&
                  now - done_.back().last <= mergeWindow_ && !isClean();
    if (merges) {
        done_.back().command->merge(*command);
        done_.back().last = now;
        return;
    }
    done_.push_back({std::move(command), std::move(key), now});
    mergeOpen_ = true;
    if (done_.size() > limit_) {
        done_.pop_front();
        if (cleanDepth_) cleanDepth_ = *cleanDepth_ == 0 ? std::nullopt : std::optional(*cleanDepth_ - 1);
    }
}

bool History::undo(Scenario& scenario) {
    if (done_.empty()) return false;
    CommandPtr command = std::move(done_.back().command);
    done_.pop_back();
    command->revert(scenario);
    undone_.push_back(std::move(command));
    mergeOpen_ = false;
    return true;
}

bool History::redo(Scenario& scenario) {
    if (undone_.empty()) return false;
    CommandPtr command = std::move(undone_.back());
    undone_.pop_back();
    command->apply(scenario);
    std::string key = command->mergeKey();
    done_.push_back({std::move(command), std::move(key), Clock::time_point{}});
    mergeOpen_ = false;
    return true;
}

void History::markClean() {
    cleanDepth_ = done_.size();
    mergeOpen_ = false;
}

}  // namespace haven::editor
