#include "model/edit_commands.hpp"

#include <set>

namespace haven::editor {
namespace {

// ---- where things are

std::string nodeKey(std::size_t node) {
    return "node/" + std::to_string(node);
}

// The merge key of a field of a choice or option: "node/3/choice/1/<field>".
std::string itemKey(std::size_t node, const char* list, std::size_t item, const std::string& what) {
    return nodeKey(node) + "/" + list + "/" + std::to_string(item) + "/" + what;
}

Locate<Node> nodeAt(std::size_t node) {
    return [node](Scenario& s) -> Node& { return s.nodes.at(node); };
}

// A field of a located item, itself a locator: field(nodeAt(3), &Node::text).
template <class Item, class T>
Locate<T> field(Locate<Item> item, T Item::*member) {
    return [item = std::move(item), member](Scenario& s) -> T& { return item(s).*member; };
}

Locate<Choice> choiceAt(std::size_t node, std::size_t choice) {
    return [node, choice](Scenario& s) -> Choice& { return s.nodes.at(node).choices.at(choice); };
}

Locate<Option> optionAt(std::size_t node, std::size_t option) {
    return [node, option](Scenario& s) -> Option& { return s.nodes.at(node).options.at(option); };
}

template <class T>
Locate<T> scenarioField(T Scenario::*member) {
    return [member](Scenario& s) -> T& { return s.*member; };
}

// A value of the scenario set from the scenario panel; typing into it merges.
template <class T>
CommandPtr setScenarioValue(const char* label, const char* key, T Scenario::*member, T value) {
    return setValue<T>(label, std::string("scenario/") + key, scenarioField(member), std::move(value));
}

// ---- links: every goto and the start

struct Link {
    enum class Kind { Start, Node, Choice, Option };
    Kind kind = Kind::Start;
    std::size_t node = 0;
    std::size_t item = 0;
};

std::string& linkTarget(Scenario& s, const Link& link) {
    switch (link.kind) {
        case Link::Kind::Start:
            return s.start;
        case Link::Kind::Node:
            return s.nodes.at(link.node).goTo;
        case Link::Kind::Choice:
            return s.nodes.at(link.node).choices.at(link.item).goTo;
        case Link::Kind::Option:
            return s.nodes.at(link.node).options.at(link.item).goTo;
    }
    return s.start;
}

// Every link whose target is `target`, except those from the nodes `skip` says to leave out.
template <class Skip>
std::vector<Link> linksTo(const Scenario& s, const std::set<std::string>& targets, Skip skip) {
    std::vector<Link> links;
    if (targets.count(s.start)) links.push_back({Link::Kind::Start, 0, 0});
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        if (skip(n)) continue;
        const Node& node = s.nodes[n];
        if (targets.count(node.goTo)) links.push_back({Link::Kind::Node, n, 0});
        for (std::size_t c = 0; c < node.choices.size(); ++c)
            if (targets.count(node.choices[c].goTo)) links.push_back({Link::Kind::Choice, n, c});
        for (std::size_t o = 0; o < node.options.size(); ++o)
            if (targets.count(node.options[o].goTo)) links.push_back({Link::Kind::Option, n, o});
    }
    return links;
}

class RenameNode final : public Command {
public:
    RenameNode(std::size_t node, std::string newId) : node_(node), newId_(std::move(newId)) {}
    void apply(Scenario& s) override {
        Node& node = s.nodes.at(node_);
        oldId_ = node.id;
        // Recorded, not recomputed on revert: a link that already named the new id (a dangling
        // link the rename happens to satisfy) must keep it.
        links_ = linksTo(s, {oldId_}, [](std::size_t) { return false; });
        for (const Link& link : links_) linkTarget(s, link) = newId_;
        node.id = newId_;
    }
    void revert(Scenario& s) override {
        for (const Link& link : links_) linkTarget(s, link) = oldId_;
        s.nodes.at(node_).id = oldId_;
    }
    std::string label() const override { return "Rename node"; }

private:
    std::size_t node_;
    std::string newId_, oldId_;
    std::vector<Link> links_;
};

// The text fields each enum names, in the enum's order.
std::string Node::*const kNodeTexts[] = {&Node::speaker,    &Node::mood,    &Node::text,
                                         &Node::onEnter,    &Node::prompt,  &Node::goTo,
                                         &Node::competency, &Node::outcome, &Node::feedback};
std::string Choice::*const kChoiceTexts[] = {&Choice::id,     &Choice::text,     &Choice::goTo,     &Choice::condition,
                                             &Choice::effect, &Choice::feedback, &Choice::reference};
std::string Option::*const kOptionTexts[] = {&Option::id, &Option::text, &Option::goTo, &Option::feedback,
                                             &Option::reference};
std::string Scenario::*const kScenarioTexts[] = {&Scenario::id,       &Scenario::title, &Scenario::summary,
                                                 &Scenario::language, &Scenario::start, &Scenario::script};

template <class Member, std::size_t N, class Enum>
Member memberOf(Member const (&table)[N], Enum e) {
    return table[static_cast<std::size_t>(e)];
}

template <class Enum>
std::string number(Enum e) {
    return std::to_string(static_cast<int>(e));
}

}  // namespace

// ---- scenario fields

CommandPtr setScenarioText(ScenarioText f, std::string value) {
    return setValue<std::string>("Edit scenario", "scenario/text/" + number(f),
                                 scenarioField(memberOf(kScenarioTexts, f)), std::move(value));
}

CommandPtr setScenarioList(ScenarioList f, std::vector<std::string> value) {
    auto member = f == ScenarioList::Audience ? &Scenario::audience : &Scenario::contentNotes;
    return setScenarioValue("Edit scenario", f == ScenarioList::Audience ? "audience" : "content_notes", member,
                            std::move(value));
}

CommandPtr setPassMark(double value) {
    return setScenarioValue("Edit pass mark", "pass_mark", &Scenario::passMark, value);
}

CommandPtr setEstimatedMinutes(int value) {
    return setScenarioValue("Edit estimated minutes", "estimated_minutes", &Scenario::estimatedMinutes, value);
}

CommandPtr setCompetencies(std::vector<Competency> value) {
    return setScenarioValue("Edit competencies", "competencies", &Scenario::competencies, std::move(value));
}

CommandPtr setIndicators(std::vector<Indicator> value) {
    return setScenarioValue("Edit indicators", "indicators", &Scenario::indicators, std::move(value));
}

CommandPtr setCharacters(std::vector<Character> value) {
    return setScenarioValue("Edit characters", "characters", &Scenario::characters, std::move(value));
}

CommandPtr setVariables(std::map<std::string, Value> value) {
    return setScenarioValue("Edit variables", "variables", &Scenario::variables, std::move(value));
}

// ---- nodes and links

CommandPtr setNodeText(std::size_t node, NodeText f, std::string value) {
    return setValue<std::string>("Edit node", nodeKey(node) + "/text/" + number(f),
                                 field(nodeAt(node), memberOf(kNodeTexts, f)), std::move(value));
}

CommandPtr setNodeList(std::size_t node, NodeList f, std::vector<std::string> value) {
    std::string key = nodeKey(node) + "/list/" + number(f);
    if (f == NodeList::Expected)
        return setValue<std::optional<std::vector<std::string>>>(
            "Edit expected indicators", key, field(nodeAt(node), &Node::expected), std::move(value));
    auto member = f == NodeList::Reveals ? &Node::reveals : &Node::items;
    return setValue<std::vector<std::string>>("Edit node", key, field(nodeAt(node), member), std::move(value));
}

CommandPtr clearNodeExpected(std::size_t node) {
    return setValue<std::optional<std::vector<std::string>>>("Edit expected indicators", {},
                                                             field(nodeAt(node), &Node::expected), std::nullopt);
}

CommandPtr setNodeType(std::size_t node, NodeType type) {
    return setValue<NodeType>("Change node type", {}, field(nodeAt(node), &Node::type), type);
}

CommandPtr setNodeMultiple(std::size_t node, bool multiple) {
    return setValue<bool>("Edit decision", {}, field(nodeAt(node), &Node::multiple), multiple);
}

CommandPtr addNode(Node node, std::size_t at) {
    return insertItem<Node>("Add node", scenarioField(&Scenario::nodes), std::move(node), at);
}

CommandPtr removeNode(std::size_t node) {
    return eraseItem<Node>("Remove node", scenarioField(&Scenario::nodes), node);
}

CommandPtr moveNodeInList(std::size_t from, std::size_t to) {
    return moveItem<Node>("Reorder nodes", scenarioField(&Scenario::nodes), from, to);
}

CommandPtr renameNode(std::size_t node, std::string newId) {
    return std::make_unique<RenameNode>(node, std::move(newId));
}

// ---- choices and options

CommandPtr addChoice(std::size_t node, Choice choice, std::size_t at) {
    return insertItem<Choice>("Add choice", field(nodeAt(node), &Node::choices), std::move(choice), at);
}

CommandPtr removeChoice(std::size_t node, std::size_t choice) {
    return eraseItem<Choice>("Remove choice", field(nodeAt(node), &Node::choices), choice);
}

CommandPtr moveChoice(std::size_t node, std::size_t from, std::size_t to) {
    return moveItem<Choice>("Reorder choices", field(nodeAt(node), &Node::choices), from, to);
}

CommandPtr setChoiceText(std::size_t node, std::size_t choice, ChoiceText f, std::string value) {
    return setValue<std::string>("Edit choice", itemKey(node, "choice", choice, number(f)),
                                 field(choiceAt(node, choice), memberOf(kChoiceTexts, f)), std::move(value));
}

CommandPtr setChoiceScores(std::size_t node, std::size_t choice, Scores scores) {
    return setValue<Scores>("Edit scores", itemKey(node, "choice", choice, "scores"),
                            field(choiceAt(node, choice), &Choice::scores), std::move(scores));
}

CommandPtr setChoiceReveals(std::size_t node, std::size_t choice, std::vector<std::string> reveals) {
    return setValue<std::vector<std::string>>("Edit reveals", {}, field(choiceAt(node, choice), &Choice::reveals),
                                              std::move(reveals));
}

CommandPtr addOption(std::size_t node, Option option, std::size_t at) {
    return insertItem<Option>("Add option", field(nodeAt(node), &Node::options), std::move(option), at);
}

CommandPtr removeOption(std::size_t node, std::size_t option) {
    return eraseItem<Option>("Remove option", field(nodeAt(node), &Node::options), option);
}

CommandPtr moveOption(std::size_t node, std::size_t from, std::size_t to) {
    return moveItem<Option>("Reorder options", field(nodeAt(node), &Node::options), from, to);
}

CommandPtr setOptionText(std::size_t node, std::size_t option, OptionText f, std::string value) {
    return setValue<std::string>("Edit option", itemKey(node, "option", option, number(f)),
                                 field(optionAt(node, option), memberOf(kOptionTexts, f)), std::move(value));
}

CommandPtr setOptionScores(std::size_t node, std::size_t option, Scores scores) {
    return setValue<Scores>("Edit scores", itemKey(node, "option", option, "scores"),
                            field(optionAt(node, option), &Option::scores), std::move(scores));
}

CommandPtr setOptionCorrect(std::size_t node, std::size_t option, bool correct) {
    return setValue<bool>("Edit option", {}, field(optionAt(node, option), &Option::correct), correct);
}

// ---- positions

CommandPtr moveNode(std::size_t node, std::optional<EditorPosition> position) {
    return setValue<std::optional<EditorPosition>>("Move node", nodeKey(node) + "/position",
                                                   field(nodeAt(node), &Node::position), position);
}

CommandPtr moveNodes(const std::vector<std::pair<std::size_t, EditorPosition>>& positions) {
    std::vector<CommandPtr> parts;
    for (const auto& [node, position] : positions) parts.push_back(moveNode(node, position));
    return bulk("Move nodes", std::move(parts));
}

// ---- bulk edits

void Bulk::apply(Scenario& scenario) {
    for (auto& part : parts_) part->apply(scenario);
}

void Bulk::revert(Scenario& scenario) {
    for (auto it = parts_.rbegin(); it != parts_.rend(); ++it) (*it)->revert(scenario);
}

std::string Bulk::mergeKey() const {
    std::string key = "bulk";
    for (const auto& part : parts_) {
        std::string own = part->mergeKey();
        if (own.empty()) return {};
        key += "|" + own;
    }
    return parts_.empty() ? std::string() : key;
}

void Bulk::merge(Command& next) {
    auto* other = dynamic_cast<Bulk*>(&next);
    if (!other || other->parts_.size() != parts_.size()) return;
    for (std::size_t i = 0; i < parts_.size(); ++i) parts_[i]->merge(*other->parts_[i]);
}

CommandPtr bulk(std::string label, std::vector<CommandPtr> parts) {
    return std::make_unique<Bulk>(std::move(label), std::move(parts));
}

CommandPtr deleteNodes(const Scenario& scenario, std::vector<std::size_t> nodes) {
    std::set<std::size_t> doomed;
    for (std::size_t n : nodes)
        if (n < scenario.nodes.size()) doomed.insert(n);
    std::set<std::string> goneIds, keptIds;
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n)
        (doomed.count(n) ? goneIds : keptIds).insert(scenario.nodes[n].id);
    // A link stays when another node still carries the id (duplicate ids are the validator's to flag).
    for (const auto& id : keptIds) goneIds.erase(id);

    std::vector<CommandPtr> parts;
    for (const Link& link : linksTo(scenario, goneIds, [&](std::size_t n) { return doomed.count(n) > 0; }))
        parts.push_back(setValue<std::string>(
            "Unlink", {}, [link](Scenario& s) -> std::string& { return linkTarget(s, link); }, std::string()));
    // From the back, so that the indices of the nodes still to remove stay valid.
    for (auto it = doomed.rbegin(); it != doomed.rend(); ++it) parts.push_back(removeNode(*it));
    return bulk(doomed.size() == 1 ? "Delete node" : "Delete nodes", std::move(parts));
}

}  // namespace haven::editor
