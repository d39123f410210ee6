// The story runner. A Session is a pure function of (scenario, mode, seed, inputs): the same
// inputs always give the same steps and the same debrief, so saves, records and tests are lists
// of inputs replayed through this one class.
#pragma once

#include "core/debrief.hpp"
#include "core/input.hpp"
#include "core/lua_sandbox.hpp"
#include "core/scenario.hpp"

#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace haven {

enum class Mode { Practice, Assessment };
const char* toString(Mode mode);
std::optional<Mode> modeFromString(const std::string& text);

// An input that does not fit the current step (choice 7 of 3, an unknown id). The session is
// unchanged when this is thrown.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OfferedChoice {
    std::size_t index = 0;  // into Node::choices
    std::string id;
    std::string text;       // interpolated
};

struct OfferedItem {
    std::string id;
    std::string text;
    std::string category;
};

struct Feedback {
    std::string text;
    std::string reference;
    Scores points;
    std::optional<bool> correct;  // decisions only
};

// What to show now.
struct Step {
    NodeType kind = NodeType::Scene;
    std::string nodeId;
    std::string speaker;      // character id, empty for narration
    std::string speakerName;
    std::string mood;
    std::string text;         // interpolated
    std::string prompt;       // checklist, decision
    std::vector<OfferedChoice> choices;  // scene: those whose condition holds
    std::vector<OfferedItem> items;      // checklist
    std::vector<OfferedItem> options;    // decision (category unused)
    bool multiple = false;
    std::string outcome;         // ending
    std::string endingFeedback;  // ending
    std::optional<Feedback> feedback;   // on the input that led here; practice mode only
    std::vector<std::string> warnings;  // script errors met on the way here, with file and node
};

class Session {
public:
    Session(const Scenario& scenario, Mode mode, std::uint64_t seed);
    ~Session();

    const Step& step() const { return step_; }
    bool finished() const { return step_.kind == NodeType::Ending; }
    // A scene with no choice on offer: the scenario has no way on from here.
    bool stuck() const { return step_.kind == NodeType::Scene && step_.choices.empty(); }

    void choose(int oneBasedIndex);
    void choose(const std::string& choiceId);
    void submitChecklist(const std::vector<std::string>& indicatorIds);
    void decide(const std::vector<std::string>& optionIds);
    void apply(const Input& input);

    // Practice mode: take back the last input, once.
    bool canUndo() const;
    void undo();

    const std::vector<Input>& inputs() const { return inputs_; }
    Debrief debrief() const;

    Mode mode() const { return mode_; }
    std::uint64_t seed() const { return seed_; }
    const Scenario& scenario() const { return scenario_; }

    // For the editor's watch panel and play-test from a node.
    std::map<std::string, Value> variables();
    void setVariable(const std::string& name, const Value& value);
    void jumpTo(const std::string& nodeId);
    // Puts the session back at `nodeId` with `variables` as they were on arriving there (its
    // on_enter already run): how the editor searches routes without replaying each from the
    // start. The debrief's tallies carry on and mean nothing after it.
    void restore(const std::string& nodeId, const std::map<std::string, Value>& variables);

private:
    void reset();
    void enter(std::size_t nodeIndex, std::optional<Feedback> feedback);
    void buildStep(std::optional<Feedback> feedback);
    void record(std::string inputText, std::vector<std::string> ids, const Feedback& feedback, const Scores& best);
    void requireKind(NodeType kind, const char* verb) const;
    void reveal(const std::vector<std::string>& indicatorIds);
    void goTo(const std::string& nodeId, std::optional<Feedback> feedback);
    void chooseOffered(const OfferedChoice& offered);
    std::string where(const std::string& what) const;
    std::string interpolate(const std::string& text);
    void runLua(const std::string& code, const std::string& what);
    const Node& node() const { return scenario_.nodes[nodeIndex_]; }

    const Scenario& scenario_;
    Mode mode_;
    std::uint64_t seed_;
    std::unique_ptr<LuaSandbox> lua_;
    std::size_t nodeIndex_ = 0;
    Step step_;
    std::vector<Input> inputs_;
    bool undoUsed_ = false;
    std::vector<std::string> pendingWarnings_;

    // Running tallies for the debrief.
    Scores points_;
    Scores best_;
    std::set<std::string> revealed_, expected_, ticked_;
    std::vector<std::string> path_;
    std::vector<DecisionResult> decisions_;
    std::vector<TimelineEntry> timeline_;
};

}  // namespace haven
