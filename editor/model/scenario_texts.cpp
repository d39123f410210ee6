// Sections: the texts of a node, choice and option (one table each, shared by listing and by
// paths) · listing · paths back to texts and commands.
#include "model/scenario_texts.hpp"

#include <charconv>
#include <functional>

namespace haven::editor {
namespace {

// ---- the texts of a node, choice and option

template <class Item, class Field>
struct TextOf {
    const char* key;  // the JSON field, as the validator names it
    std::string Item::*member;
    Field field;  // what the edit command calls it
};

constexpr TextOf<Node, NodeText> kNodeTexts[] = {{"text", &Node::text, NodeText::Text},
                                                 {"prompt", &Node::prompt, NodeText::Prompt},
                                                 {"outcome", &Node::outcome, NodeText::Outcome},
                                                 {"feedback", &Node::feedback, NodeText::Feedback}};
constexpr TextOf<Choice, ChoiceText> kChoiceTexts[] = {{"text", &Choice::text, ChoiceText::Text},
                                                       {"feedback", &Choice::feedback, ChoiceText::Feedback},
                                                       {"reference", &Choice::reference, ChoiceText::Reference}};
constexpr TextOf<Option, OptionText> kOptionTexts[] = {{"text", &Option::text, OptionText::Text},
                                                       {"feedback", &Option::feedback, OptionText::Feedback},
                                                       {"reference", &Option::reference, OptionText::Reference}};

template <class Item, class Field, std::size_t N>
const TextOf<Item, Field>* findText(const TextOf<Item, Field> (&table)[N], std::string_view key) {
    for (const auto& entry : table)
        if (key == entry.key) return &entry;
    return nullptr;
}

std::string indexed(const char* list, std::size_t i) {
    return std::string(list) + "[" + std::to_string(i) + "]";
}

// ---- listing

class Lister {
public:
    explicit Lister(std::vector<ScenarioTextField>& out) : out_(out) {}

    // The path and label are "<prefix><key>"; they are built only for a text that is there, since
    // most nodes leave most fields empty and a big scenario is listed on every keystroke.
    void add(const std::string& pathPrefix, const std::string& labelPrefix, const char* key,
             std::optional<std::size_t> node, const std::string& text, bool reference = false) {
        if (!text.empty()) out_.push_back({pathPrefix + key, labelPrefix + key, node, text, reference});
    }

    // The texts of each choice or option of node `n`: "nodes[3].choices[1].feedback".
    template <class Item, class Field, std::size_t N>
    void items(const std::vector<Item>& list, const TextOf<Item, Field> (&table)[N], const char* key, const char* noun,
               std::size_t n, const std::string& nodePath, const std::string& nodeLabel) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = nodePath + "." + indexed(key, i) + ".";
            const std::string label = nodeLabel + " · " + noun + " " + std::to_string(i + 1) + " · ";
            for (const auto& entry : table)
                add(path, label, entry.key, n, list[i].*entry.member, entry.field == Field::Reference);
        }
    }

private:
    std::vector<ScenarioTextField>& out_;
};

// ---- paths back to texts and commands

// One step of a path: "nodes[3]" or "feedback".
struct Step {
    std::string_view name;
    std::optional<std::size_t> index;
};

std::optional<std::vector<Step>> parsePath(std::string_view path) {
    std::vector<Step> steps;
    while (!path.empty()) {
        const std::size_t dot = path.find('.');
        std::string_view part = path.substr(0, dot);
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
        Step step{part, std::nullopt};
        if (const std::size_t open = part.find('['); open != std::string_view::npos) {
            if (part.back() != ']') return std::nullopt;
            std::size_t index = 0;
            const char* first = part.data() + open + 1;
            const char* last = part.data() + part.size() - 1;
            if (std::from_chars(first, last, index).ptr != last || first == last) return std::nullopt;
            step = {part.substr(0, open), index};
        }
        steps.push_back(step);
    }
    return steps;
}

// A text found by its path, and how to make the command that changes it.
struct Slot {
    const std::string* text = nullptr;
    std::function<CommandPtr(std::string)> command;
};

// A text in a top-level list whose command sets the whole list (competencies, indicators, …).
template <class T>
std::optional<Slot> listSlot(const std::vector<T>& list, const Step& step, std::string T::*member,
                             CommandPtr (*set)(std::vector<T>)) {
    if (!step.index || *step.index >= list.size()) return std::nullopt;
    const std::size_t i = *step.index;
    return Slot{&(list[i].*member), [copy = list, i, member, set](std::string value) mutable {
                    copy[i].*member = std::move(value);
                    return set(std::move(copy));
                }};
}

// The `field` of item `step.index` of a node's choices or options.
template <class Item, class Field, std::size_t N, class Make>
std::optional<Slot> itemSlot(const std::vector<Item>& list, const Step& step, std::string_view field,
                             const TextOf<Item, Field> (&table)[N], Make make) {
    const auto* entry = findText(table, field);
    if (!entry || !step.index || *step.index >= list.size()) return std::nullopt;
    return Slot{&(list[*step.index].*entry->member),
                [make, i = *step.index, f = entry->field](std::string value) { return make(i, f, std::move(value)); }};
}

std::optional<Slot> nodeSlot(const Scenario& s, const std::vector<Step>& steps) {
    if (!steps[0].index || *steps[0].index >= s.nodes.size() || steps.size() < 2) return std::nullopt;
    const std::size_t n = *steps[0].index;
    const Node& node = s.nodes[n];
    if (steps.size() == 2 && !steps[1].index) {
        const auto* entry = findText(kNodeTexts, steps[1].name);
        if (!entry) return std::nullopt;
        return Slot{&(node.*entry->member),
                    [n, f = entry->field](std::string value) { return setNodeText(n, f, std::move(value)); }};
    }
    if (steps.size() != 3 || steps[2].index) return std::nullopt;
    if (steps[1].name == "choices")
        return itemSlot(
            node.choices, steps[1], steps[2].name, kChoiceTexts,
            [n](std::size_t c, ChoiceText f, std::string v) { return setChoiceText(n, c, f, std::move(v)); });
    if (steps[1].name == "options")
        return itemSlot(
            node.options, steps[1], steps[2].name, kOptionTexts,
            [n](std::size_t o, OptionText f, std::string v) { return setOptionText(n, o, f, std::move(v)); });
    return std::nullopt;
}

std::optional<Slot> resolve(const Scenario& s, std::string_view path) {
    const auto parsed = parsePath(path);
    if (!parsed || parsed->empty()) return std::nullopt;
    const std::vector<Step>& steps = *parsed;
    const Step& first = steps[0];
    const std::string_view field = steps.size() == 2 && !steps[1].index ? steps[1].name : std::string_view();
    if (steps.size() == 1 && !first.index) {
        if (first.name == "title")
            return Slot{&s.title, [](std::string v) { return setScenarioText(ScenarioText::Title, std::move(v)); }};
        if (first.name == "summary")
            return Slot{&s.summary, [](std::string v) { return setScenarioText(ScenarioText::Summary, std::move(v)); }};
    }
    if (first.name == "content_notes" && steps.size() == 1 && first.index && *first.index < s.contentNotes.size())
        return Slot{&s.contentNotes[*first.index], [notes = s.contentNotes, i = *first.index](std::string v) mutable {
                        notes[i] = std::move(v);
                        return setScenarioList(ScenarioList::ContentNotes, std::move(notes));
                    }};
    if (first.name == "competencies" && (field == "name" || field == "description"))
        return listSlot(s.competencies, first, field == "name" ? &Competency::name : &Competency::description,
                        &setCompetencies);
    if (first.name == "indicators" && field == "text")
        return listSlot(s.indicators, first, &Indicator::text, &setIndicators);
    if (first.name == "characters" && field == "name")
        return listSlot(s.characters, first, &Character::name, &setCharacters);
    if (first.name == "nodes") return nodeSlot(s, steps);
    return std::nullopt;
}

}  // namespace

std::vector<ScenarioTextField> scenarioTexts(const Scenario& s) {
    std::vector<ScenarioTextField> out;
    Lister list(out);
    list.add("title", "Title", "", std::nullopt, s.title);
    list.add("summary", "Summary", "", std::nullopt, s.summary);
    for (std::size_t i = 0; i < s.contentNotes.size(); ++i)
        list.add(indexed("content_notes", i), "Content note " + std::to_string(i + 1), "", std::nullopt,
                 s.contentNotes[i]);
    for (std::size_t i = 0; i < s.competencies.size(); ++i) {
        const std::string path = indexed("competencies", i) + ".", label = "Competency " + s.competencies[i].id + " · ";
        list.add(path, label, "name", std::nullopt, s.competencies[i].name);
        list.add(path, label, "description", std::nullopt, s.competencies[i].description);
    }
    for (std::size_t i = 0; i < s.indicators.size(); ++i)
        list.add(indexed("indicators", i) + ".", "Indicator " + s.indicators[i].id + " · ", "text", std::nullopt,
                 s.indicators[i].text);
    for (std::size_t i = 0; i < s.characters.size(); ++i)
        list.add(indexed("characters", i) + ".", "Character " + s.characters[i].id + " · ", "name", std::nullopt,
                 s.characters[i].name);
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const Node& node = s.nodes[n];
        const std::string path = indexed("nodes", n);
        const std::string fieldPath = path + ".", fieldLabel = node.id + " · ";
        for (const auto& entry : kNodeTexts) list.add(fieldPath, fieldLabel, entry.key, n, node.*entry.member);
        list.items(node.choices, kChoiceTexts, "choices", "choice", n, path, node.id);
        list.items(node.options, kOptionTexts, "options", "option", n, path, node.id);
    }
    return out;
}

CommandPtr setTextAt(const Scenario& scenario, std::string_view path, std::string value) {
    auto slot = resolve(scenario, path);
    return slot ? slot->command(std::move(value)) : nullptr;
}

std::optional<std::string_view> textAt(const Scenario& scenario, std::string_view path) {
    auto slot = resolve(scenario, path);
    if (!slot) return std::nullopt;
    return std::string_view(*slot->text);
}

}  // namespace haven::editor
