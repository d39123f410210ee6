#include "core/scenario_writer.hpp"

#include "core/json_text.hpp"

#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <sstream>

namespace haven {
namespace {

// A std::map written as a JSON object (cereal's own map support writes key/value pairs).
template <class Map>
struct AsObject {
    const Map& map;
};

template <class Archive, class Map>
void save(Archive& ar, const AsObject<Map>& object) {
    for (const auto& [key, value] : object.map) {
        if constexpr (std::is_same_v<typename Map::mapped_type, Value>)
            // Captured by name: clang before 16 cannot capture a structured binding.
            std::visit([&ar, &name = key](const auto& v) { ar(cereal::make_nvp(name, v)); }, value);
        else
            ar(cereal::make_nvp(key, value));
    }
}

template <class T>
bool holdsDefault(const T& value) {
    if constexpr (std::is_same_v<T, bool>) return !value;
    else if constexpr (std::is_arithmetic_v<T>) return value == T{};
    else return value.empty();
}

template <class Archive, class T>
void field(Archive& ar, const char* name, const T& value) {
    ar(cereal::make_nvp(name, value));
}

// A field written only when it holds something, keeping canonical files short.
template <class Archive, class T>
void optional(Archive& ar, const char* name, const T& value) {
    if (!holdsDefault(value)) field(ar, name, value);
}

template <class Archive, class Map>
void optionalObject(Archive& ar, const char* name, const Map& map) {
    if (!map.empty()) field(ar, name, AsObject<Map>{map});
}

}  // namespace

template <class Archive>
void save(Archive& ar, const Competency& c) {
    field(ar, "id", c.id);
    field(ar, "name", c.name);
    optional(ar, "description", c.description);
}

template <class Archive>
void save(Archive& ar, const Indicator& i) {
    field(ar, "id", i.id);
    field(ar, "text", i.text);
    optional(ar, "category", i.category);
    optional(ar, "source", i.source);
}

template <class Archive>
void save(Archive& ar, const Character& c) {
    field(ar, "id", c.id);
    field(ar, "name", c.name);
    optional(ar, "role", c.role);
    optionalObject(ar, "portraits", c.portraits);
}

template <class Archive>
void save(Archive& ar, const Choice& c) {
    optional(ar, "id", c.id);
    field(ar, "text", c.text);
    field(ar, "goto", c.goTo);
    optional(ar, "condition", c.condition);
    optional(ar, "effect", c.effect);
    optionalObject(ar, "scores", c.scores);
    optional(ar, "feedback", c.feedback);
    optional(ar, "reveals", c.reveals);
    optional(ar, "reference", c.reference);
}

template <class Archive>
void save(Archive& ar, const Option& o) {
    field(ar, "id", o.id);
    field(ar, "text", o.text);
    optional(ar, "correct", o.correct);
    optional(ar, "goto", o.goTo);
    optionalObject(ar, "scores", o.scores);
    optional(ar, "feedback", o.feedback);
    optional(ar, "reference", o.reference);
}

template <class Archive>
void save(Archive& ar, const EditorPosition& p) {
    field(ar, "x", p.x);
    field(ar, "y", p.y);
}

template <class Archive>
void save(Archive& ar, const Node& n) {
    field(ar, "id", n.id);
    field(ar, "type", std::string(toString(n.type)));
    optional(ar, "speaker", n.speaker);
    optional(ar, "mood", n.mood);
    optional(ar, "text", n.text);
    optional(ar, "on_enter", n.onEnter);
    optional(ar, "reveals", n.reveals);
    switch (n.type) {
        case NodeType::Scene:
            optional(ar, "choices", n.choices);
            break;
        case NodeType::Checklist:
            optional(ar, "prompt", n.prompt);
            field(ar, "goto", n.goTo);
            optional(ar, "items", n.items);
            if (n.expected) field(ar, "expected", *n.expected);
            optional(ar, "competency", n.competency);
            break;
        case NodeType::Decision:
            optional(ar, "prompt", n.prompt);
            optional(ar, "multiple", n.multiple);
            field(ar, "options", n.options);
            optional(ar, "goto", n.goTo);
            break;
        case NodeType::Ending:
            optional(ar, "outcome", n.outcome);
            optional(ar, "feedback", n.feedback);
            break;
    }
    if (n.position) field(ar, "editor", *n.position);  // editor metadata last, away from the content
}

std::string writeScenarioJson(const Scenario& s) {
    std::ostringstream out;
    {
        // The archive completes the JSON only when destroyed, hence the scope.
        cereal::JSONOutputArchive ar(
            out, cereal::JSONOutputArchive::Options(324, cereal::JSONOutputArchive::Options::IndentChar::space, 2));
        field(ar, "format", std::string(kFormatName));
        field(ar, "version", kFormatVersion);
        field(ar, "id", s.id);
        field(ar, "title", s.title);
        optional(ar, "summary", s.summary);
        optional(ar, "language", s.language);
        optional(ar, "audience", s.audience);
        optional(ar, "estimated_minutes", s.estimatedMinutes);
        optional(ar, "content_notes", s.contentNotes);
        field(ar, "pass_mark", s.passMark);
        field(ar, "start", s.start);
        optional(ar, "competencies", s.competencies);
        optional(ar, "indicators", s.indicators);
        optional(ar, "characters", s.characters);
        optionalObject(ar, "variables", s.variables);
        optional(ar, "script", s.script);
        field(ar, "nodes", s.nodes);
    }
    out << '\n';
    return out.str();
}

}  // namespace haven
