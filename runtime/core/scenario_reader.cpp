#include "core/scenario_reader.hpp"

#include "core/suggest.hpp"

#include <algorithm>
#include <climits>
#include <string_view>
#include <utility>

namespace haven {
namespace {

const char* typeName(const rapidjson::Value& v) {
    if (v.IsNull()) return "null";
    if (v.IsBool()) return "a boolean";
    if (v.IsNumber()) return "a number";
    if (v.IsString()) return "a string";
    if (v.IsArray()) return "an array";
    return "an object";
}

class Context {
public:
    Context(const std::string& file, Diagnostics& out) : file_(file), out_(out) {}
    void error(const std::string& path, const std::string& message) { add(Severity::Error, path, message); }
    void warning(const std::string& path, const std::string& message) { add(Severity::Warning, path, message); }

private:
    void add(Severity severity, const std::string& path, const std::string& message) {
        out_.push_back({severity, file_, path, 0, 0, message});
    }
    const std::string& file_;
    Diagnostics& out_;
};

// A JSON path as a chain of parts on the stack, formatted only when a diagnostic needs it:
// formatting one for every field of a 10 000-node scenario cost more than reading the field.
struct Path {
    const Path* parent = nullptr;  // nullptr: the document root
    std::string_view key;          // a member name; empty for an array element
    std::size_t index = 0;

    Path member(std::string_view name) const { return {this, name, 0}; }
    Path element(std::size_t i) const { return {this, {}, i}; }
    std::string str() const {
        if (!parent) return {};
        std::string out = parent->str();
        if (key.empty()) return out + "[" + std::to_string(index) + "]";
        return out.empty() ? std::string(key) : out + "." + std::string(key);
    }
};

// One JSON object being read into a struct: typed getters that report what is wrong and where.
class Fields {
public:
    Fields(Context& context, const rapidjson::Value& value, const Path& path,
           std::initializer_list<std::string_view> known)
        : Fields(context, value, path, known.begin(), known.end()) {}
    Fields(Context& context, const rapidjson::Value& value, const Path& path,
           const std::vector<std::string_view>& known)
        : Fields(context, value, path, known.data(), known.data() + known.size()) {}

    bool isObject() const { return value_.IsObject(); }

    const rapidjson::Value* get(const char* key, bool required) {
        if (!value_.IsObject()) return nullptr;
        auto it = value_.FindMember(key);
        if (it == value_.MemberEnd()) {
            if (required) context_.error(path_.str(), std::string("missing required field '") + key + "'");
            return nullptr;
        }
        return &it->value;
    }

    void text(const char* key, std::string& out, bool required = false) {
        if (const auto* v = get(key, required)) readText(*v, path_.member(key), out);
    }

    void integer(const char* key, int& out, bool required = false) {
        const auto* v = get(key, required);
        if (!v) return;
        if (v->IsInt()) out = v->GetInt();
        else if (v->IsNumber()) context_.error(path_.member(key).str(), "expected a whole number");
        else context_.error(path_.member(key).str(), std::string("expected a whole number, found ") + typeName(*v));
    }

    void number(const char* key, double& out, bool required = false) {
        const auto* v = get(key, required);
        if (!v) return;
        if (v->IsNumber()) out = v->GetDouble();
        else context_.error(path_.member(key).str(), std::string("expected a number, found ") + typeName(*v));
    }

    void boolean(const char* key, bool& out) {
        const auto* v = get(key, false);
        if (!v) return;
        if (v->IsBool()) out = v->GetBool();
        else context_.error(path_.member(key).str(), std::string("expected true or false, found ") + typeName(*v));
    }

    void textList(const char* key, std::vector<std::string>& out) {
        const auto* v = get(key, false);
        if (v) readTextList(*v, path_.member(key), out);
    }

    void optionalTextList(const char* key, std::optional<std::vector<std::string>>& out) {
        const auto* v = get(key, false);
        if (!v) return;
        out.emplace();
        readTextList(*v, path_.member(key), *out);
    }

    void scores(const char* key, Scores& out) {
        eachMember(key, [&](const std::string& name, const rapidjson::Value& v, const Path& path) {
            if (v.IsInt()) out[name] = v.GetInt();
            else context_.error(path.str(), std::string("expected whole points, found ") + typeName(v));
        });
    }

    void textMap(const char* key, std::map<std::string, std::string>& out) {
        eachMember(key, [&](const std::string& name, const rapidjson::Value& v, const Path& path) {
            readText(v, path, out[name]);
        });
    }

    void values(const char* key, std::map<std::string, Value>& out) {
        eachMember(key, [&](const std::string& name, const rapidjson::Value& v, const Path& path) {
            if (v.IsBool()) out[name] = v.GetBool();
            else if (v.IsInt64()) out[name] = v.GetInt64();
            else if (v.IsNumber()) out[name] = v.GetDouble();
            else if (v.IsString()) out[name] = std::string(v.GetString(), v.GetStringLength());
            else context_.error(path.str(), std::string("a variable's value must be a boolean, number or string, found ") + typeName(v));
        });
    }

    template <class T, class ReadItem>
    void list(const char* key, std::vector<T>& out, ReadItem readItem, bool required = false) {
        const auto* v = get(key, required);
        if (!v) return;
        Path path = path_.member(key);
        if (!v->IsArray()) {
            context_.error(path.str(), std::string("expected an array, found ") + typeName(*v));
            return;
        }
        out.resize(v->Size());
        for (rapidjson::SizeType i = 0; i < v->Size(); ++i) readItem((*v)[i], path.element(i), out[i]);
    }

private:
    Fields(Context& context, const rapidjson::Value& value, const Path& path, const std::string_view* knownBegin,
           const std::string_view* knownEnd)
        : context_(context), value_(value), path_(path) {
        if (!value_.IsObject()) {
            context_.error(path_.str(), std::string("expected an object, found ") + typeName(value_));
            return;
        }
        for (const auto& member : value_.GetObject()) {
            std::string_view key(member.name.GetString(), member.name.GetStringLength());
            if (std::find(knownBegin, knownEnd, key) != knownEnd) continue;
            std::vector<std::string> known(knownBegin, knownEnd);
            std::string name(key);
            context_.warning(path_.member(key).str(), "unknown field '" + name + "'" + didYouMean(name, known));
        }
    }

    void readText(const rapidjson::Value& v, const Path& path, std::string& out) {
        if (v.IsString()) out.assign(v.GetString(), v.GetStringLength());
        else context_.error(path.str(), std::string("expected a string, found ") + typeName(v));
    }

    void readTextList(const rapidjson::Value& v, const Path& path, std::vector<std::string>& out) {
        if (!v.IsArray()) {
            context_.error(path.str(), std::string("expected an array of strings, found ") + typeName(v));
            return;
        }
        out.resize(v.Size());
        for (rapidjson::SizeType i = 0; i < v.Size(); ++i) readText(v[i], path.element(i), out[i]);
    }

    template <class Each>
    void eachMember(const char* key, Each each) {
        const auto* v = get(key, false);
        if (!v) return;
        Path path = path_.member(key);
        if (!v->IsObject()) {
            context_.error(path.str(), std::string("expected an object, found ") + typeName(*v));
            return;
        }
        for (const auto& member : v->GetObject()) {
            std::string name(member.name.GetString(), member.name.GetStringLength());
            if (name.find('\0') != std::string::npos) {  // Lua globals and written keys end at a NUL
                context_.error(path.str(), "a name may not contain a NUL character (\\u0000)");
                continue;
            }
            each(name, member.value, path.member(name));
        }
    }

    Context& context_;
    const rapidjson::Value& value_;
    Path path_;
};

void readCompetency(Context& c, const rapidjson::Value& v, const Path& path, Competency& out) {
    Fields f(c, v, path, {"id", "name", "description"});
    f.text("id", out.id, true);
    f.text("name", out.name, true);
    f.text("description", out.description);
}

void readIndicator(Context& c, const rapidjson::Value& v, const Path& path, Indicator& out) {
    Fields f(c, v, path, {"id", "text", "category", "source"});
    f.text("id", out.id, true);
    f.text("text", out.text, true);
    f.text("category", out.category);
    f.text("source", out.source);
}

void readCharacter(Context& c, const rapidjson::Value& v, const Path& path, Character& out) {
    Fields f(c, v, path, {"id", "name", "role", "portraits"});
    f.text("id", out.id, true);
    f.text("name", out.name, true);
    f.text("role", out.role);
    f.textMap("portraits", out.portraits);
}

void readChoice(Context& c, const rapidjson::Value& v, const Path& path, Choice& out) {
    Fields f(c, v, path, {"id", "text", "goto", "condition", "effect", "scores", "feedback", "reveals", "reference"});
    f.text("id", out.id);
    f.text("text", out.text, true);
    f.text("goto", out.goTo, true);
    f.text("condition", out.condition);
    f.text("effect", out.effect);
    f.scores("scores", out.scores);
    f.text("feedback", out.feedback);
    f.textList("reveals", out.reveals);
    f.text("reference", out.reference);
}

void readOption(Context& c, const rapidjson::Value& v, const Path& path, Option& out) {
    Fields f(c, v, path, {"id", "text", "correct", "goto", "scores", "feedback", "reference"});
    f.text("id", out.id, true);
    f.text("text", out.text, true);
    f.boolean("correct", out.correct);
    f.text("goto", out.goTo);
    f.scores("scores", out.scores);
    f.text("feedback", out.feedback);
    f.text("reference", out.reference);
}

void readEditorPosition(Context& c, const rapidjson::Value& v, const Path& path,
                        std::optional<EditorPosition>& out) {
    Fields f(c, v, path, {"x", "y"});
    if (!f.isObject()) return;
    EditorPosition position;
    f.number("x", position.x, true);
    f.number("y", position.y, true);
    out = position;
}

// Fields every node may have, then those of its type; a field of another type is "unknown".
const std::vector<std::string_view>& nodeFields(NodeType type) {
    auto with = [](std::initializer_list<std::string_view> own) {
        std::vector<std::string_view> fields{"id", "type", "speaker", "mood", "text", "on_enter", "reveals", "editor"};
        fields.insert(fields.end(), own);
        return fields;
    };
    static const std::vector<std::string_view> scene = with({"choices"});
    static const std::vector<std::string_view> checklist = with({"prompt", "goto", "items", "expected", "competency"});
    static const std::vector<std::string_view> decision = with({"prompt", "multiple", "options", "goto"});
    static const std::vector<std::string_view> ending = with({"outcome", "feedback"});
    switch (type) {
        case NodeType::Scene: return scene;
        case NodeType::Checklist: return checklist;
        case NodeType::Decision: return decision;
        case NodeType::Ending: return ending;
    }
    return scene;
}

void readNode(Context& c, const rapidjson::Value& v, const Path& path, Node& out) {
    std::string typeText;
    if (v.IsObject()) {
        auto it = v.FindMember("type");
        if (it != v.MemberEnd() && it->value.IsString()) typeText = it->value.GetString();
    }
    auto type = nodeTypeFromString(typeText);
    out.type = type.value_or(NodeType::Scene);
    Fields f(c, v, path, nodeFields(out.type));
    if (!f.isObject()) return;
    f.text("id", out.id, true);
    std::string typeField;
    f.text("type", typeField, true);
    if (!type && f.get("type", false) && !typeText.empty()) {
        c.error(path.member("type").str(), "unknown node type '" + typeText + "'" +
                                        didYouMean(typeText, {"scene", "checklist", "decision", "ending"}) +
                                        " (one of scene, checklist, decision, ending)");
    }
    f.text("speaker", out.speaker);
    f.text("mood", out.mood);
    f.text("text", out.text);
    f.text("on_enter", out.onEnter);
    f.textList("reveals", out.reveals);
    switch (out.type) {
        case NodeType::Scene:
            f.list("choices", out.choices, [&](auto& item, auto p, auto& o) { readChoice(c, item, p, o); });
            break;
        case NodeType::Checklist:
            f.text("prompt", out.prompt);
            f.text("goto", out.goTo, true);
            f.textList("items", out.items);
            f.optionalTextList("expected", out.expected);
            f.text("competency", out.competency);
            break;
        case NodeType::Decision:
            f.text("prompt", out.prompt);
            f.boolean("multiple", out.multiple);
            f.list("options", out.options, [&](auto& item, auto p, auto& o) { readOption(c, item, p, o); }, true);
            f.text("goto", out.goTo);
            break;
        case NodeType::Ending:
            f.text("outcome", out.outcome);
            f.text("feedback", out.feedback);
            break;
    }
    if (const auto* editor = f.get("editor", false)) readEditorPosition(c, *editor, path.member("editor"), out.position);
}

// Version 0 (pre-release drafts) called every link `next`; version 1 calls it `goto`.
void migrateFromVersion0(rapidjson::Value& root, rapidjson::Document::AllocatorType& allocator) {
    auto renameNext = [&](rapidjson::Value& object) {
        if (!object.IsObject() || object.HasMember("goto")) return;
        auto it = object.FindMember("next");
        if (it == object.MemberEnd()) return;
        rapidjson::Value target(it->value, allocator);
        object.RemoveMember(it);
        object.AddMember("goto", target, allocator);
    };
    auto nodes = root.FindMember("nodes");
    if (nodes == root.MemberEnd() || !nodes->value.IsArray()) return;
    for (auto& node : nodes->value.GetArray()) {
        renameNext(node);
        if (!node.IsObject()) continue;
        for (const char* list : {"choices", "options"}) {
            auto items = node.FindMember(list);
            if (items == node.MemberEnd() || !items->value.IsArray()) continue;
            for (auto& item : items->value.GetArray()) renameNext(item);
        }
    }
}

// Checks format and version, migrating older versions in place. False when the file cannot be
// read as a scenario at all.
bool checkVersion(Context& c, rapidjson::Value& root, rapidjson::Document::AllocatorType& allocator,
                  Scenario& scenario) {
    auto format = root.FindMember("format");
    if (format == root.MemberEnd()) {
        c.error("", "missing required field 'format' (it should be \"haven-scenario\")");
    } else if (!format->value.IsString() || std::string(format->value.GetString()) != kFormatName) {
        c.error("format", "this is not a Haven scenario: 'format' should be \"haven-scenario\"");
        return false;
    }
    auto version = root.FindMember("version");
    if (version == root.MemberEnd()) {
        c.error("", "missing required field 'version' (this Haven writes version " +
                        std::to_string(kFormatVersion) + ")");
        return true;
    }
    if (!version->value.IsInt()) {
        c.error("version", "expected a whole number");
        return true;
    }
    int number = version->value.GetInt();
    if (number > kFormatVersion) {
        c.error("version", "this file is format version " + std::to_string(number) +
                               ", but this Haven reads versions up to " + std::to_string(kFormatVersion) +
                               " — update Haven to open it");
        return false;
    }
    if (number < 0) {
        c.error("version", "format version " + std::to_string(number) + " does not exist");
        return false;
    }
    if (number == 0) migrateFromVersion0(root, allocator);
    scenario.version = kFormatVersion;
    return true;
}

}  // namespace

void readScenario(rapidjson::Document& root, const std::string& file, Scenario& scenario,
                  Diagnostics& diagnostics) {
    auto& allocator = root.GetAllocator();
    Context c(file, diagnostics);
    if (!root.IsObject()) {
        c.error("", std::string("the top level must be an object, found ") + typeName(root));
        return;
    }
    if (!checkVersion(c, root, allocator, scenario)) return;
    Fields f(c, root, Path{},
             {"format", "version", "id", "title", "summary", "language", "audience", "estimated_minutes",
              "content_notes", "pass_mark", "start", "competencies", "indicators", "characters",
              "variables", "script", "nodes"});
    f.text("id", scenario.id, true);
    f.text("title", scenario.title, true);
    f.text("summary", scenario.summary);
    f.text("language", scenario.language);
    f.textList("audience", scenario.audience);
    f.integer("estimated_minutes", scenario.estimatedMinutes);
    f.textList("content_notes", scenario.contentNotes);
    f.number("pass_mark", scenario.passMark);
    if (scenario.passMark < 0.0 || scenario.passMark > 1.0)
        c.error("pass_mark", "must be between 0 and 1 (0.7 means 70 %)");
    f.text("start", scenario.start, true);
    f.list("competencies", scenario.competencies, [&](auto& v, auto p, auto& o) { readCompetency(c, v, p, o); });
    f.list("indicators", scenario.indicators, [&](auto& v, auto p, auto& o) { readIndicator(c, v, p, o); });
    f.list("characters", scenario.characters, [&](auto& v, auto p, auto& o) { readCharacter(c, v, p, o); });
    f.values("variables", scenario.variables);
    f.text("script", scenario.script);
    f.list("nodes", scenario.nodes, [&](auto& v, auto p, auto& o) { readNode(c, v, p, o); }, true);
}

}  // namespace haven
