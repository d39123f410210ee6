#include "core/validator.hpp"

#include "core/interpolate.hpp"
#include "core/lua_names.hpp"
#include "core/lua_sandbox.hpp"
#include "core/scenario_loader.hpp"
#include "core/suggest.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace haven {
namespace {

const std::set<std::string> kLibraryNames = {"assert", "error", "ipairs", "rawequal", "rawget",
                                             "rawlen", "select", "tonumber", "tostring", "type",
                                             "print", "string", "table", "math", "utf8"};

// A place in a node, made into a JSON path string only when there is something to report:
// formatting a path for every field of a 10 000-node scenario cost more than checking it.
struct Where {
    std::size_t node = 0;
    const char* list = nullptr;   // "choices" or "options"
    std::size_t item = 0;
    const char* field = nullptr;  // "goto", "scores", …

    Where in(const char* itemList, std::size_t index) const { return {node, itemList, index, nullptr}; }
    Where at(const char* name) const { return {node, list, item, name}; }
    std::string str() const {
        std::string path = "nodes[" + std::to_string(node) + "]";
        if (list) path += std::string(".") + list + "[" + std::to_string(item) + "]";
        if (field) path += std::string(".") + field;
        return path;
    }
};

std::string topPath(const char* list, std::size_t i) {
    return std::string(list) + "[" + std::to_string(i) + "]";
}

template <class T>
std::vector<std::string> idsOf(const std::vector<T>& items) {
    std::vector<std::string> ids;
    ids.reserve(items.size());
    for (const auto& item : items) ids.push_back(item.id);
    return ids;
}

class Validator {
public:
    Validator(const Scenario& s, Diagnostics& out, ValidateOptions options)
        : s_(s), out_(out), options_(options), competencyIds_(idsOf(s.competencies)),
          indicatorIds_(idsOf(s.indicators)), scored_(s.competencies.size(), false) {}

    void run() {
        duplicates();
        links();
        references();
        reachability();
        feedback();
        scoredCompetencies();
        if (options_.assets) assets();
        if (options_.scripts) scripts();
    }

private:
    void error(const std::string& path, const std::string& message) {
        out_.push_back({Severity::Error, s_.file, path, 0, 0, message});
    }
    void warning(const std::string& path, const std::string& message) {
        out_.push_back({Severity::Warning, s_.file, path, 0, 0, message});
    }
    void error(const Where& where, const std::string& message) { error(where.str(), message); }
    void warning(const Where& where, const std::string& message) { warning(where.str(), message); }

    // Calls report(i) for each item whose id repeats an earlier one.
    template <class T, class Report>
    void unique(const std::vector<T>& items, Report report) {
        // A node's few choices are compared pairwise: no allocation for the common case.
        constexpr std::size_t kFew = 16;
        if (items.size() <= kFew) {
            for (std::size_t i = 0; i < items.size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if (!items[i].id.empty() && items[i].id == items[j].id) {
                        report(i);
                        break;
                    }
            return;
        }
        std::unordered_set<std::string_view> seen;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (!items[i].id.empty() && !seen.insert(items[i].id).second) report(i);
    }

    template <class T>
    void uniqueTop(const std::vector<T>& items, const char* list, const char* what) {
        unique(items, [&](std::size_t i) {
            error(topPath(list, i) + ".id", std::string("duplicate ") + what + " id '" + items[i].id + "'");
        });
    }

    template <class T>
    void uniqueInNode(const std::vector<T>& items, Where node, const char* list, const char* what) {
        unique(items, [&](std::size_t i) {
            error(node.in(list, i).at("id"), std::string("duplicate ") + what + " id '" + items[i].id + "'");
        });
    }

    void duplicates() {
        if (s_.nodes.empty()) error("nodes", "the scenario has no nodes");
        uniqueTop(s_.nodes, "nodes", "node");
        uniqueTop(s_.competencies, "competencies", "competency");
        uniqueTop(s_.indicators, "indicators", "indicator");
        uniqueTop(s_.characters, "characters", "character");
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            uniqueInNode(s_.nodes[n].choices, Where{n}, "choices", "choice");
            uniqueInNode(s_.nodes[n].options, Where{n}, "options", "option");
        }
    }

    bool link(const std::string& target, const Where& path, bool required) {
        if (target.empty()) {
            if (required) error(path, "the link is empty: name the node it leads to");
            return false;
        }
        if (s_.nodeIndex(target) != std::string::npos) return true;
        error(path, "unknown node '" + target + "'" + didYouMean(target, nodeIds()));
        return false;
    }

    void links() {
        if (s_.start.empty() || s_.nodeIndex(s_.start) == std::string::npos)
            error("start", "missing start node: '" + s_.start + "' is not a node" + didYouMean(s_.start, nodeIds()));
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            const Node& node = s_.nodes[n];
            Where base{n};
            for (std::size_t c = 0; c < node.choices.size(); ++c)
                link(node.choices[c].goTo, base.in("choices", c).at("goto"), true);
            if (node.type == NodeType::Checklist) link(node.goTo, base.at("goto"), true);
            if (node.type == NodeType::Decision) {
                link(node.goTo, base.at("goto"), false);
                bool everyOptionLinks = true;
                for (std::size_t o = 0; o < node.options.size(); ++o) {
                    if (node.options[o].goTo.empty()) everyOptionLinks = false;
                    link(node.options[o].goTo, base.in("options", o).at("goto"), false);
                }
                if (!everyOptionLinks && node.goTo.empty() && !node.options.empty())
                    error(base, "decision '" + node.id + "': an option has no goto and the node has no goto to fall back on");
                if (node.options.empty()) error(base.at("options"), "a decision needs at least one option");
                bool anyCorrect = false;
                for (const auto& option : node.options) anyCorrect = anyCorrect || option.correct;
                if (!anyCorrect && !node.options.empty())
                    warning(base.at("options"), "no option is marked correct, so this decision can never be right");
            }
        }
    }

    void competency(const std::string& id, const Where& path, const std::string& suffix = {}) {
        if (!s_.findCompetency(id))
            error(path.str() + suffix, "unknown competency '" + id + "'" + didYouMean(id, competencyIds_));
    }

    void scored(const std::string& competencyId) {
        for (std::size_t i = 0; i < s_.competencies.size(); ++i)
            if (s_.competencies[i].id == competencyId) scored_[i] = true;
    }

    void indicators(const std::vector<std::string>& ids, const Where& path) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (!s_.findIndicator(ids[i]))
                error(path.str() + "[" + std::to_string(i) + "]",
                      "unknown indicator '" + ids[i] + "'" + didYouMean(ids[i], indicatorIds_));
    }

    void scores(const Scores& scores, const Where& path) {
        for (const auto& [id, points] : scores) {
            competency(id, path, "." + id);
            if (points != 0) scored(id);
        }
    }

    void speaker(const Node& node, const Where& base) {
        if (node.speaker.empty()) return;
        const Character* character = s_.findCharacter(node.speaker);
        if (!character) {
            error(base.at("speaker"), "unknown character '" + node.speaker + "'" + didYouMean(node.speaker, idsOf(s_.characters)));
            return;
        }
        if (!node.mood.empty() && !character->portraits.empty() && !character->portraits.count(node.mood)) {
            std::vector<std::string> moods;
            for (const auto& [mood, path] : character->portraits) moods.push_back(mood);
            warning(base.at("mood"), "'" + character->name + "' has no portrait for mood '" + node.mood + "'" +
                                        didYouMean(node.mood, moods));
        }
    }

    void references() {
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            const Node& node = s_.nodes[n];
            Where base{n};
            speaker(node, base);
            indicators(node.reveals, base.at("reveals"));
            indicators(node.items, base.at("items"));
            if (node.expected) indicators(*node.expected, base.at("expected"));
            if (!node.competency.empty()) {
                competency(node.competency, base.at("competency"));
                scored(node.competency);
            }
            if (node.type == NodeType::Checklist && node.items.empty() && s_.indicators.empty())
                error(base, "the checklist offers no indicators: the scenario declares none");
            for (std::size_t c = 0; c < node.choices.size(); ++c) {
                scores(node.choices[c].scores, base.in("choices", c).at("scores"));
                indicators(node.choices[c].reveals, base.in("choices", c).at("reveals"));
            }
            for (std::size_t o = 0; o < node.options.size(); ++o)
                scores(node.options[o].scores, base.in("options", o).at("scores"));
        }
    }

    // Calls visit(index) for every node this one links to.
    template <class Visit>
    void successors(const Node& node, Visit visit) const {
        auto add = [&](const std::string& id) {
            std::size_t index = s_.nodeIndex(id);
            if (index != std::string::npos) visit(index);
        };
        for (const auto& choice : node.choices) add(choice.goTo);
        for (const auto& option : node.options) add(option.goTo);
        add(node.goTo);
    }

    void reachability() {
        std::size_t start = s_.nodeIndex(s_.start);
        if (start == std::string::npos) return;
        std::vector<bool> reached(s_.nodes.size(), false), wayOn(s_.nodes.size(), false);
        std::vector<std::size_t> stack{start};
        reached[start] = true;
        bool endingReached = false;
        while (!stack.empty()) {
            std::size_t n = stack.back();
            stack.pop_back();
            endingReached = endingReached || s_.nodes[n].type == NodeType::Ending;
            successors(s_.nodes[n], [&](std::size_t next) {
                wayOn[n] = true;
                if (!reached[next]) {
                    reached[next] = true;
                    stack.push_back(next);
                }
            });
        }
        if (!endingReached) error("start", "no ending can be reached from the start node '" + s_.start + "'");
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            const Node& node = s_.nodes[n];
            if (!reached[n]) {  // the traversal did not look at its links
                warning(Where{n}, "node '" + node.id + "' cannot be reached from the start");
                successors(node, [&](std::size_t) { wayOn[n] = true; });
            }
            if (node.type != NodeType::Ending && !wayOn[n])
                warning(Where{n}, "dead end: node '" + node.id + "' is not an ending but has no way on");
        }
    }

    void feedback() {
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            const Node& node = s_.nodes[n];
            for (std::size_t c = 0; c < node.choices.size(); ++c)
                if (node.choices[c].feedback.empty())
                    warning(Where{n}.in("choices", c), "the choice has no feedback: say why it helps or harms");
            for (std::size_t o = 0; o < node.options.size(); ++o)
                if (node.options[o].feedback.empty())
                    warning(Where{n}.in("options", o), "the option has no feedback: say why it is right or wrong");
        }
    }

    void scoredCompetencies() {
        for (std::size_t i = 0; i < s_.competencies.size(); ++i)
            if (!scored_[i])
                warning(topPath("competencies", i),
                        "no choice, option or checklist scores competency '" + s_.competencies[i].id + "'");
    }

    void assets() {
        namespace fs = std::filesystem;
        for (std::size_t c = 0; c < s_.characters.size(); ++c) {
            for (const auto& [mood, file] : s_.characters[c].portraits) {
                std::string path = "characters[" + std::to_string(c) + "].portraits." + mood;
                if (!isSafeRelativePath(file)) {
                    error(path, "a portrait must be a file inside the scenario folder, not '" + file + "'");
                    continue;
                }
                std::error_code ec;
                if (!s_.folder.empty() && !fs::is_regular_file(fs::path(s_.folder) / file, ec))
                    warning(path, "missing asset file '" + file + "'");
            }
        }
    }

    void lua(const std::string& code, ChunkKind kind, const Where& path) {
        if (code.empty()) return;
        // Scenarios repeat their chunks ("trust = trust + 1"): compile and scan each text once.
        auto& cache = checked_[kind == ChunkKind::Expression ? 0 : 1];
        auto it = cache.find(code);
        if (it == cache.end()) {
            CheckedChunk checked;
            checked.problem = compileCheck(code, kind);
            if (!checked.problem) {
                LuaNames names = globalNames(code);
                checked.used.assign(names.used.begin(), names.used.end());
            }
            it = cache.emplace(code, std::move(checked)).first;
        }
        if (it->second.problem) {
            error(path, "Lua does not compile: " + it->second.problem->message);
            return;
        }
        for (const auto& name : it->second.used) use(name, path);
    }

    void scriptProblem(const std::optional<LuaError>& problem) {
        if (problem) error("script", "Lua does not compile: " + problem->message);
    }

    void text(const std::string& text, const Where& path) {
        for (const auto& name : interpolatedNames(text)) use(name, path);
    }

    // Keeps only the uses that may be undeclared; `scripts` reports them at the end.
    void use(const std::string& name, const Where& path) {
        if (!declared_ || !declared_->count(name)) used_.emplace(name, path);
    }

    void scripts() {
        std::set<std::string> declared(kLibraryNames);
        for (const auto& [name, value] : s_.variables) declared.insert(name);
        declared_ = &declared;
        if (!s_.scriptText.empty()) {
            scriptProblem(compileCheck(s_.scriptText, ChunkKind::Statements));
            for (const auto& name : globalNames(s_.scriptText).used)
                if (!declared.count(name)) scriptUses_.insert(name);
            for (const auto& name : globalNames(s_.scriptText).assigned) declared.insert(name);
        }
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            const Node& node = s_.nodes[n];
            Where base{n};
            lua(node.onEnter, ChunkKind::Statements, base.at("on_enter"));
            text(node.text, base.at("text"));
            text(node.prompt, base.at("prompt"));
            text(node.feedback, base.at("feedback"));
            for (std::size_t c = 0; c < node.choices.size(); ++c) {
                Where choice = base.in("choices", c);
                lua(node.choices[c].condition, ChunkKind::Expression, choice.at("condition"));
                lua(node.choices[c].effect, ChunkKind::Statements, choice.at("effect"));
                text(node.choices[c].text, choice.at("text"));
                text(node.choices[c].feedback, choice.at("feedback"));
            }
            for (std::size_t o = 0; o < node.options.size(); ++o) {
                Where option = base.in("options", o);
                text(node.options[o].text, option.at("text"));
                text(node.options[o].feedback, option.at("feedback"));
            }
        }
        std::vector<std::string> known(declared.begin(), declared.end());
        auto undeclared = [&](const std::string& name) {
            return "variable '" + name + "' is used but never declared in 'variables'" + didYouMean(name, known);
        };
        for (const auto& name : scriptUses_)
            if (!declared.count(name)) warning("script", undeclared(name));
        for (const auto& [name, path] : used_)
            if (!declared.count(name)) warning(path, undeclared(name));
        declared_ = nullptr;
    }

    const Scenario& s_;
    Diagnostics& out_;
    ValidateOptions options_;
    // Node ids are only needed for a suggestion, and copying 10 000 of them is not free.
    const std::vector<std::string>& nodeIds() {
        if (nodeIds_.empty()) nodeIds_ = idsOf(s_.nodes);
        return nodeIds_;
    }

    std::vector<std::string> nodeIds_, competencyIds_, indicatorIds_;
    std::vector<bool> scored_;  // per competency, in declaration order
    std::multimap<std::string, Where> used_;  // name -> where it is used (possibly undeclared)
    std::set<std::string> scriptUses_;         // names the script uses (possibly undeclared)
    const std::set<std::string>* declared_ = nullptr;  // while `scripts` runs
    struct CheckedChunk {
        std::optional<LuaError> problem;
        std::vector<std::string> used;  // globalNames(...).used, in order
    };
    std::unordered_map<std::string, CheckedChunk> checked_[2];  // expressions, statements
};

}  // namespace

void validate(const Scenario& scenario, Diagnostics& diagnostics, ValidateOptions options) {
    Validator(scenario, diagnostics, options).run();
}

}  // namespace haven
