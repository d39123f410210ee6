// Every edit of a scenario as a command that can be applied and reverted, so that the history can
// undo and redo it. Commands address nodes, choices and options by index: the history applies
// and reverts them strictly in order, so an index always means the same item it meant when the
// command was made. The factories below are what a UI calls; `setValue`, `insertItem`,
// `eraseItem` and `moveItem` are the few shapes they are all built from.
//
// Sections: the command interface · generic shapes · scenario fields · nodes and links ·
// choices and options · positions · bulk edits.
#pragma once

#include "core/scenario.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace haven::editor {

// ---- the command interface

class Command {
public:
    virtual ~Command() = default;
    virtual void apply(Scenario& scenario) = 0;
    virtual void revert(Scenario& scenario) = 0;
    // What the Edit menu says: "Undo Edit node text".
    virtual std::string label() const = 0;
    // Typing makes one command per keystroke and dragging one per frame. Consecutive commands
    // with the same non-empty key become one undo step; an empty key never merges.
    virtual std::string mergeKey() const { return {}; }
    // Absorbs `next`, which has the same merge key and has just been applied after this one, so
    // that reverting this command alone undoes both.
    virtual void merge(Command& next) { (void)next; }
};

using CommandPtr = std::unique_ptr<Command>;

// ---- generic shapes

// Finds the value a command changes, in the scenario it is applied to.
template <class T>
using Locate = std::function<T&(Scenario&)>;

// Sets one value; merges with a later SetValue of the same key by keeping the later value.
template <class T>
class SetValue final : public Command {
public:
    SetValue(std::string label, std::string key, Locate<T> locate, T value)
        : label_(std::move(label)), key_(std::move(key)), locate_(std::move(locate)), value_(std::move(value)) {}
    void apply(Scenario& scenario) override {
        T& slot = locate_(scenario);
        previous_ = slot;
        slot = value_;
    }
    void revert(Scenario& scenario) override { locate_(scenario) = previous_; }
    std::string label() const override { return label_; }
    std::string mergeKey() const override { return key_; }
    void merge(Command& next) override {
        if (auto* same = dynamic_cast<SetValue*>(&next)) value_ = same->value_;
    }

private:
    std::string label_, key_;
    Locate<T> locate_;
    T value_;
    T previous_{};
};

template <class T>
CommandPtr setValue(std::string label, std::string key, Locate<T> locate, T value) {
    return std::make_unique<SetValue<T>>(std::move(label), std::move(key), std::move(locate), std::move(value));
}

// Inserts an item into a list at `at` (clamped to the end).
template <class T>
class InsertItem final : public Command {
public:
    InsertItem(std::string label, Locate<std::vector<T>> locate, T item, std::size_t at)
        : label_(std::move(label)), locate_(std::move(locate)), item_(std::move(item)), at_(at) {}
    void apply(Scenario& scenario) override {
        auto& list = locate_(scenario);
        at_ = std::min(at_, list.size());
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(at_), item_);
    }
    void revert(Scenario& scenario) override {
        auto& list = locate_(scenario);
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(at_));
    }
    std::string label() const override { return label_; }

private:
    std::string label_;
    Locate<std::vector<T>> locate_;
    T item_;
    std::size_t at_;
};

// Removes the item at `at`, keeping it to put back.
template <class T>
class EraseItem final : public Command {
public:
    EraseItem(std::string label, Locate<std::vector<T>> locate, std::size_t at)
        : label_(std::move(label)), locate_(std::move(locate)), at_(at) {}
    void apply(Scenario& scenario) override {
        auto& list = locate_(scenario);
        item_ = std::move(list.at(at_));
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(at_));
    }
    void revert(Scenario& scenario) override {
        auto& list = locate_(scenario);
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(at_), std::move(item_));
    }
    std::string label() const override { return label_; }

private:
    std::string label_;
    Locate<std::vector<T>> locate_;
    std::size_t at_;
    T item_{};
};

// Moves the item at `from` so that it ends up at `to`; the others keep their order.
template <class T>
class MoveItem final : public Command {
public:
    MoveItem(std::string label, Locate<std::vector<T>> locate, std::size_t from, std::size_t to)
        : label_(std::move(label)), locate_(std::move(locate)), from_(from), to_(to) {}
    void apply(Scenario& scenario) override { move(locate_(scenario), from_, to_); }
    void revert(Scenario& scenario) override { move(locate_(scenario), to_, from_); }
    std::string label() const override { return label_; }

private:
    static void move(std::vector<T>& list, std::size_t from, std::size_t to) {
        T item = std::move(list.at(from));
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(from));
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(std::min(to, list.size())), std::move(item));
    }
    std::string label_;
    Locate<std::vector<T>> locate_;
    std::size_t from_, to_;
};

template <class T>
CommandPtr insertItem(std::string label, Locate<std::vector<T>> locate, T item, std::size_t at) {
    return std::make_unique<InsertItem<T>>(std::move(label), std::move(locate), std::move(item), at);
}

template <class T>
CommandPtr eraseItem(std::string label, Locate<std::vector<T>> locate, std::size_t at) {
    return std::make_unique<EraseItem<T>>(std::move(label), std::move(locate), at);
}

template <class T>
CommandPtr moveItem(std::string label, Locate<std::vector<T>> locate, std::size_t from, std::size_t to) {
    return std::make_unique<MoveItem<T>>(std::move(label), std::move(locate), from, to);
}

// ---- scenario fields

enum class ScenarioText { Id, Title, Summary, Language, Start, Script };
enum class ScenarioList { Audience, ContentNotes };

CommandPtr setScenarioText(ScenarioText field, std::string value);
CommandPtr setScenarioList(ScenarioList field, std::vector<std::string> value);
CommandPtr setPassMark(double value);
CommandPtr setEstimatedMinutes(int value);
CommandPtr setCompetencies(std::vector<Competency> value);
CommandPtr setIndicators(std::vector<Indicator> value);
CommandPtr setCharacters(std::vector<Character> value);
CommandPtr setVariables(std::map<std::string, Value> value);

// ---- nodes and links

// Every text of a node; `Prompt`, `GoTo` and `Competency` matter for checklists and decisions,
// `Outcome` and `Feedback` for endings. `OnEnter` is the node's Lua.
enum class NodeText { Speaker, Mood, Text, OnEnter, Prompt, GoTo, Competency, Outcome, Feedback };
// `Expected` sets a checklist's explicit list (an empty list is "none expected", not the default).
enum class NodeList { Reveals, Items, Expected };

CommandPtr setNodeText(std::size_t node, NodeText field, std::string value);
CommandPtr setNodeList(std::size_t node, NodeList field, std::vector<std::string> value);
// Back to "expected: those revealed on the path".
CommandPtr clearNodeExpected(std::size_t node);
CommandPtr setNodeType(std::size_t node, NodeType type);
CommandPtr setNodeMultiple(std::size_t node, bool multiple);

CommandPtr addNode(Node node, std::size_t at = static_cast<std::size_t>(-1));
// Removes the node only; links into it stay (and the problems panel names them). `deleteNodes`
// removes the links too.
CommandPtr removeNode(std::size_t node);
CommandPtr moveNodeInList(std::size_t from, std::size_t to);
// Renames the node and every link to it: `start`, each choice's and option's goto, and each
// checklist's and decision's goto.
CommandPtr renameNode(std::size_t node, std::string newId);

// ---- choices and options

enum class ChoiceText { Id, Text, GoTo, Condition, Effect, Feedback, Reference };
enum class OptionText { Id, Text, GoTo, Feedback, Reference };

CommandPtr addChoice(std::size_t node, Choice choice, std::size_t at = static_cast<std::size_t>(-1));
CommandPtr removeChoice(std::size_t node, std::size_t choice);
CommandPtr moveChoice(std::size_t node, std::size_t from, std::size_t to);
CommandPtr setChoiceText(std::size_t node, std::size_t choice, ChoiceText field, std::string value);
CommandPtr setChoiceScores(std::size_t node, std::size_t choice, Scores scores);
CommandPtr setChoiceReveals(std::size_t node, std::size_t choice, std::vector<std::string> reveals);

CommandPtr addOption(std::size_t node, Option option, std::size_t at = static_cast<std::size_t>(-1));
CommandPtr removeOption(std::size_t node, std::size_t option);
CommandPtr moveOption(std::size_t node, std::size_t from, std::size_t to);
CommandPtr setOptionText(std::size_t node, std::size_t option, OptionText field, std::string value);
CommandPtr setOptionScores(std::size_t node, std::size_t option, Scores scores);
CommandPtr setOptionCorrect(std::size_t node, std::size_t option, bool correct);

// Condition and effect are Lua; they are texts of a choice like any other.
inline CommandPtr setChoiceCondition(std::size_t node, std::size_t choice, std::string lua) {
    return setChoiceText(node, choice, ChoiceText::Condition, std::move(lua));
}
inline CommandPtr setChoiceEffect(std::size_t node, std::size_t choice, std::string lua) {
    return setChoiceText(node, choice, ChoiceText::Effect, std::move(lua));
}

// ---- positions

// Places a node on the map (nullopt: unplaced). Consecutive moves of the same node, a drag,
// are one undo step.
CommandPtr moveNode(std::size_t node, std::optional<EditorPosition> position);
// Moves several nodes as one step; a drag of a selection merges like a drag of one node.
CommandPtr moveNodes(const std::vector<std::pair<std::size_t, EditorPosition>>& positions);

// ---- bulk edits

// Applies its parts in order and reverts them in reverse, as one undo step.
class Bulk final : public Command {
public:
    Bulk(std::string label, std::vector<CommandPtr> parts) : label_(std::move(label)), parts_(std::move(parts)) {}
    void apply(Scenario& scenario) override;
    void revert(Scenario& scenario) override;
    std::string label() const override { return label_; }
    // Merges when every part merges with its counterpart (a drag of several nodes).
    std::string mergeKey() const override;
    void merge(Command& next) override;
    std::size_t size() const { return parts_.size(); }

private:
    std::string label_;
    std::vector<CommandPtr> parts_;
};

CommandPtr bulk(std::string label, std::vector<CommandPtr> parts);

// Deletes the nodes at `nodes` (any order, duplicates ignored) and every link into them from the
// nodes that stay: those gotos become empty (the choice keeps its text, feedback and scores, and
// the problems panel asks for a new target), as does `start` if it named a deleted node.
// Built from the scenario as it is now; one undo step.
CommandPtr deleteNodes(const Scenario& scenario, std::vector<std::size_t> nodes);

}  // namespace haven::editor
