// The scenario model: what a loaded scenario.json (plus script.lua) holds.
// A Scenario never changes after loading; every mutable thing lives in a Session.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace haven {

inline constexpr const char* kFormatName = "haven-scenario";
inline constexpr int kFormatVersion = 1;
inline constexpr double kDefaultPassMark = 0.7;

// A variable's initial value. Lua distinguishes integers from floats, so we keep both.
using Value = std::variant<bool, std::int64_t, double, std::string>;

// Points per competency id. std::map keeps the canonical writer's order stable.
using Scores = std::map<std::string, int>;

struct Competency {
    std::string id;
    std::string name;
    std::string description;
};

struct Indicator {
    std::string id;
    std::string text;
    std::string category;
    std::string source;
};

struct Character {
    std::string id;
    std::string name;
    std::string role;
    std::map<std::string, std::string> portraits;  // mood -> image path, relative to the folder
};

struct Choice {
    std::string id;
    std::string text;
    std::string goTo;
    std::string condition;  // Lua expression; empty = always on offer
    std::string effect;     // Lua statements
    Scores scores;
    std::string feedback;
    std::vector<std::string> reveals;
    std::string reference;
};

struct Option {
    std::string id;
    std::string text;
    bool correct = false;
    std::string goTo;
    Scores scores;
    std::string feedback;
    std::string reference;
};

enum class NodeType { Scene, Checklist, Decision, Ending };

// Editor metadata: where the node's card sits on the editor's map. The player ignores it.
struct EditorPosition {
    double x = 0.0;
    double y = 0.0;
};

const char* toString(NodeType type);
std::optional<NodeType> nodeTypeFromString(const std::string& text);

struct Node {
    std::string id;
    NodeType type = NodeType::Scene;
    std::string speaker;
    std::string mood;
    std::string text;
    std::string onEnter;                // Lua statements run when the node is entered
    std::vector<std::string> reveals;   // indicators the node itself makes visible
    std::vector<Choice> choices;        // scene
    std::string prompt;                 // checklist, decision
    std::string goTo;                   // checklist; decision fallback
    std::vector<std::string> items;     // checklist: indicators offered (empty = all)
    std::optional<std::vector<std::string>> expected;  // checklist: unset = revealed on the path
    std::string competency;             // checklist: competency its ticks score for
    bool multiple = false;              // decision
    std::vector<Option> options;        // decision
    std::string outcome;                // ending
    std::string feedback;               // ending: what this outcome means for the person
    std::optional<EditorPosition> position;  // "editor": unset until the author places the node
};

struct Scenario {
    int version = kFormatVersion;
    std::string id;
    std::string title;
    std::string summary;
    std::string language;
    std::vector<std::string> audience;
    int estimatedMinutes = 0;
    std::vector<std::string> contentNotes;
    double passMark = kDefaultPassMark;
    std::string start;
    std::vector<Competency> competencies;
    std::vector<Indicator> indicators;
    std::vector<Character> characters;
    std::map<std::string, Value> variables;
    std::string script;  // file name of the helper script, relative to the folder
    std::vector<Node> nodes;

    // Not part of the file: where it came from and what it contained.
    std::string folder;       // the scenario folder
    std::string file;         // path of scenario.json, for messages
    std::string scriptText;   // contents of `script`, if any
    std::string contentHash;  // hash of scenario.json and the script, hex

    const Node* findNode(const std::string& nodeId) const;
    const Competency* findCompetency(const std::string& competencyId) const;
    const Indicator* findIndicator(const std::string& indicatorId) const;
    const Character* findCharacter(const std::string& characterId) const;
    std::size_t nodeIndex(const std::string& nodeId) const;  // npos when absent
    // The image shown for `characterId` in `mood` (in any of their moods when that one has
    // none), as a path under `folder`; empty when there is none or its path leaves the folder.
    std::string portraitFile(const std::string& characterId, const std::string& mood) const;

    // Lookup tables are built once after loading; a Scenario is immutable afterwards.
    void buildIndex();

private:
    std::unordered_map<std::string, std::size_t> nodeIndex_;
};

}  // namespace haven
