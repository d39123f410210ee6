// One play-test run, without the drawing: a copy of the scenario as it was when the run started
// (edits made meanwhile cannot pull it from under the Session), the session playing it in
// practice mode, and everything the author did in it (inputs, variable edits, jumps), so that
// stepping back or restarting is a replay: a Session is a pure function of what it was given.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/input.hpp"
#include "core/scenario.hpp"
#include "core/session.hpp"

namespace haven::editor {

class PlaytestRun {
public:
    // Play-tests always use this seed, so a script's math.random repeats from run to run and the
    // route found to a node replays to it.
    static constexpr std::uint64_t kSeed = 1;

    // A run of `scenario` from its start (`fromNode` empty) or from `fromNode`, reached by the
    // shortest route of inputs (playtest_route.hpp). Null with `error` when no route is found.
    static std::unique_ptr<PlaytestRun> start(const Scenario& scenario, const std::string& fromNode,
                                              std::string& error);

    Session& session() { return *session_; }
    const Session& session() const { return *session_; }
    const Scenario& scenario() const { return *scenario_; }
    const std::string& fromNode() const { return fromNode_; }  // empty: the start
    std::size_t routeLength() const { return route_.size(); }

    // An input as a click gives it; false with `error` when it does not fit the step.
    bool submit(const Input& input, std::string& error);
    // Takes effect at once: the session works out the step's choices and texts again.
    void setVariable(const std::string& name, const Value& value);
    bool jumpTo(const std::string& nodeId, std::string& error);
    // Back to before the last input or jump (and any variable edits after it). Never past the
    // node the run started from.
    bool canStepBack() const;
    void stepBack();
    void restart();  // to where the run started, dropping everything done since

    // Feedback on the last input (practice mode); it stays while variables are edited.
    const std::optional<Feedback>& feedback() const { return feedback_; }
    // Which variables the author changed in this run (shown as such).
    bool edited(const std::string& name) const;

private:
    PlaytestRun() = default;

    struct SetVariable {
        std::string name;
        Value value;
    };
    struct Jump {
        std::string nodeId;
    };
    using Action = std::variant<Input, SetVariable, Jump>;

    void apply(const Action& action);
    void replay();

    std::unique_ptr<Scenario> scenario_;  // the Session keeps a reference: a stable address
    std::unique_ptr<Session> session_;
    std::string fromNode_;
    std::vector<Input> route_;
    std::vector<Action> actions_;  // since the run started, in order
    std::optional<Feedback> feedback_;
};

}  // namespace haven::editor
