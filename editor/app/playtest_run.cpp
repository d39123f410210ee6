#include "app/playtest_run.hpp"

#include <algorithm>

#include "model/playtest_route.hpp"

namespace haven::editor {

std::unique_ptr<PlaytestRun> PlaytestRun::start(const Scenario& scenario, const std::string& fromNode,
                                                std::string& error) {
    std::unique_ptr<PlaytestRun> run(new PlaytestRun());
    run->scenario_ = std::make_unique<Scenario>(scenario);
    run->scenario_->buildIndex();
    run->fromNode_ = fromNode;
    if (!fromNode.empty()) {
        auto route = shortestRoute(*run->scenario_, fromNode, kSeed, error);
        if (!route) return nullptr;
        run->route_ = std::move(*route);
    }
    try {
        run->replay();
    } catch (const std::exception& e) {  // no start node, or the route no longer fits
        error = e.what();
        return nullptr;
    }
    return run;
}

bool PlaytestRun::submit(const Input& input, std::string& error) {
    try {
        apply(input);
    } catch (const InputError& e) {
        error = e.what();
        return false;
    }
    actions_.push_back(input);
    return true;
}

void PlaytestRun::setVariable(const std::string& name, const Value& value) {
    // Typing into a field edits one variable many times: one edit in the log, not one a keystroke.
    if (!actions_.empty())
        if (auto* last = std::get_if<SetVariable>(&actions_.back()); last && last->name == name) actions_.pop_back();
    SetVariable edit{name, value};
    apply(edit);
    actions_.push_back(std::move(edit));
}

bool PlaytestRun::jumpTo(const std::string& nodeId, std::string& error) {
    Jump jump{nodeId};
    try {
        apply(jump);
    } catch (const InputError& e) {
        error = e.what();
        return false;
    }
    actions_.push_back(std::move(jump));
    return true;
}

bool PlaytestRun::canStepBack() const {
    return std::any_of(actions_.begin(), actions_.end(),
                       [](const Action& a) { return !std::holds_alternative<SetVariable>(a); });
}

void PlaytestRun::stepBack() {
    while (!actions_.empty()) {
        const bool moved = !std::holds_alternative<SetVariable>(actions_.back());
        actions_.pop_back();
        if (moved) break;
    }
    replay();
}

void PlaytestRun::restart() {
    actions_.clear();
    replay();
}

bool PlaytestRun::edited(const std::string& name) const {
    return std::any_of(actions_.begin(), actions_.end(), [&](const Action& a) {
        const auto* edit = std::get_if<SetVariable>(&a);
        return edit && edit->name == name;
    });
}

void PlaytestRun::apply(const Action& action) {
    if (const auto* input = std::get_if<Input>(&action)) {
        session_->apply(*input);
        feedback_ = session_->step().feedback;
    } else if (const auto* edit = std::get_if<SetVariable>(&action)) {
        session_->setVariable(edit->name, edit->value);
    } else {
        session_->jumpTo(std::get<Jump>(action).nodeId);
        feedback_.reset();
    }
}

void PlaytestRun::replay() {
    session_ = std::make_unique<Session>(*scenario_, Mode::Practice, kSeed);
    feedback_.reset();
    for (const Input& input : route_) apply(input);
    for (const Action& action : actions_) apply(action);
}

}  // namespace haven::editor
