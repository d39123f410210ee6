#include "model/playtest_route.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <queue>
#include <set>
#include <unordered_map>

#include "core/session.hpp"
#include "model/story_graph.hpp"

namespace haven::editor {
namespace {

// Where the search stands: two paths that reach the same node with the same variables offer the
// same inputs from there on, so only the first (the shortest) is followed. Scores and revealed
// indicators differ between such paths, but no condition or goto can read them.
std::string stateKey(Session& session) {
    std::string key = session.step().nodeId;
    for (const auto& [name, value] : session.variables()) {
        key += '\x1f' + name + '=';
        if (const bool* b = std::get_if<bool>(&value))
            key += *b ? "b1" : "b0";
        else if (const auto* i = std::get_if<std::int64_t>(&value))
            key += 'i' + std::to_string(*i);
        else if (const auto* s = std::get_if<std::string>(&value))
            key += 's' + std::to_string(s->size()) + ':' + *s;
        else {
            char digits[32];
            auto end = std::to_chars(digits, digits + sizeof digits, std::get<double>(value)).ptr;
            key += 'd' + std::string(digits, end);
        }
    }
    return key;
}

// A choice by its id when that names it alone among those on offer (readable in a route), else
// by its position.
Input choiceInput(const Step& step, std::size_t position) {
    const std::string& id = step.choices[position].id;
    const auto same =
        std::count_if(step.choices.begin(), step.choices.end(), [&](const OfferedChoice& c) { return c.id == id; });
    return !id.empty() && same == 1 ? Input::choose(id) : Input::choose(static_cast<int>(position) + 1);
}

// Every input that can lead somewhere different: each choice on offer, the checklist once (its
// goto does not depend on the ticks, and no script can read them), and each option of a decision
// alone. A decision with several options chosen goes where the first of them (in the node's order)
// with a goto leads, else to the node's own goto, so single options reach every target already.
// Inputs that run the same effect (none, for an option) and go to the same node lead to the same
// state, so only the first of them is kept: scenarios often score a kind and a careless choice
// and then carry on alike.
std::vector<Input> waysOn(const Session& session) {
    const Step& step = session.step();
    const Node& node = *session.scenario().findNode(step.nodeId);
    std::vector<Input> inputs;
    std::set<std::pair<std::string, std::string>> outcomes;  // (effect, goto)
    switch (step.kind) {
        case NodeType::Scene:
            for (std::size_t i = 0; i < step.choices.size(); ++i) {
                const Choice& choice = node.choices[step.choices[i].index];
                if (outcomes.emplace(choice.effect, choice.goTo).second) inputs.push_back(choiceInput(step, i));
            }
            break;
        case NodeType::Checklist:
            inputs.push_back(Input::checklist({}));
            break;
        case NodeType::Decision:
            for (const Option& option : node.options)
                if (outcomes.emplace("", option.goTo.empty() ? node.goTo : option.goTo).second)
                    inputs.push_back(Input::decide({option.id}));
            break;
        case NodeType::Ending:
            break;
    }
    return inputs;
}

// What a careful trainee ticks: what the node expects, or else every indicator the path has
// shown. The search ticks nothing; the route found ticks this, so its debrief has the scores a
// good path earns.
std::vector<std::string> carefulTicks(const Session& session) {
    const Step& step = session.step();
    const Node* node = session.scenario().findNode(step.nodeId);
    std::set<std::string> shown;
    if (node && node->expected) {
        shown.insert(node->expected->begin(), node->expected->end());
    } else {
        const Debrief debrief = session.debrief();
        shown.insert(debrief.found.begin(), debrief.found.end());
        shown.insert(debrief.missed.begin(), debrief.missed.end());
    }
    std::vector<std::string> ticks;
    for (const auto& item : step.items)
        if (shown.count(item.id)) ticks.push_back(item.id);
    return ticks;
}

// Per node, the fewest links to `target` if every condition held: never more than the inputs a
// real path needs, so it guides the search (A*) without costing the shortest route.
std::vector<std::size_t> linksToTarget(const StoryGraph& graph, std::size_t target) {
    return linkDistances(target, reversed(graph.adjacency()));
}

std::string quotedList(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + ("'" + ids[i] + "'");
    return out;
}

// Why the search ended without `target`: nothing links to it, only unreached nodes do, or the
// links are there but their conditions never let a path through.
std::string unreachableReason(const Scenario& scenario, const StoryGraph& graph, const std::string& target,
                              const std::set<std::string>& reached) {
    std::vector<std::string> from;
    for (const Link& link : graph.links) {
        const std::string& id = scenario.nodes[link.from].id;
        if (link.target == target && std::find(from.begin(), from.end(), id) == from.end()) from.push_back(id);
    }
    const std::string lead = "no route from the start reaches '" + target + "'";
    if (from.empty()) return lead + ": no choice, option or checklist leads to it";
    if (std::none_of(from.begin(), from.end(), [&](const std::string& id) { return reached.count(id) > 0; }))
        return lead + ": only " + quotedList(from) + " lead" + (from.size() == 1 ? "s" : "") +
               " to it, and no route reaches " + (from.size() == 1 ? "that" : "those") + " either";
    return lead + " (its conditions never hold)";
}

// How a state of the search is entered again to try its next input.
enum class Revisit {
    // One probe Session is put back at the state's node with its variables (Session::restore):
    // cheap, and exact unless the helper script keeps state of its own beyond the variables.
    Restore,
    // A fresh Session replays the inputs that lead to the state: exact always, and costs the
    // path's length each time.
    Replay,
};

// A* over the states of real Sessions: the states nearest the start (in inputs) plus the fewest
// links still to go come first, so the first path that reaches the target is a shortest one.
class RouteSearch {
public:
    RouteSearch(const Scenario& scenario, std::uint64_t seed, const RouteLimits& limits, const std::string& target,
                Revisit revisit)
        : scenario_(scenario),
          seed_(seed),
          limits_(limits),
          revisit_(revisit),
          target_(target),
          graph_(buildStoryGraph(scenario)),
          toGo_(linksToTarget(graph_, scenario.nodeIndex(target))) {}

    std::optional<std::vector<Input>> find(std::string& error) {
        std::unique_ptr<Session> root = replay({});
        reached_.insert(root->step().nodeId);
        consider(*root, 0, {}, 0);
        while (!open_.empty()) {
            const Open next = open_.top();
            open_.pop();
            if (next.inputs != visits_[next.visit].inputs) continue;  // a shorter path to it came since
            // A copy: considering the states these lead to adds visits, which may move this one.
            const std::vector<Input> ways = visits_[next.visit].next;
            for (const Input& input : ways) {
                if (seen_.size() >= limits_.maxStates || applied_ >= limits_.maxInputs) {
                    error = "gave up looking for a route to '" + target_ + "' after " + std::to_string(seen_.size()) +
                            " states: the scenario has too many paths to search. Play-test from an earlier node";
                    return std::nullopt;
                }
                Session* session = nullptr;
                try {
                    session = &enter(next.visit);
                    session->apply(input);
                    ++applied_;
                } catch (const InputError&) {
                    continue;  // it was on offer in this state; kept safe all the same
                }
                reached_.insert(session->step().nodeId);
                if (session->step().nodeId == target_) {
                    std::vector<Input> route = pathTo(next.visit);
                    route.push_back(input);
                    return withCarefulTicks(std::move(route));
                }
                consider(*session, next.visit, input, next.inputs + 1);
            }
        }
        error = unreachableReason(scenario_, graph_, target_, reached_);
        return std::nullopt;
    }

private:
    struct Visit {
        std::size_t parent;
        Input input;              // from the parent to here; unused at the root
        std::size_t inputs;       // from the start to here
        std::vector<Input> next;  // the ways on from here
        std::string node;         // where it is, and its variables there (for Revisit::Restore)
        std::map<std::string, Value> variables;
    };
    struct Open {
        std::size_t estimate, inputs, order, visit;
        // std::priority_queue serves the greatest: the smallest estimate, then the deepest (nearer
        // the target for the same estimate), then the first found, so the search is deterministic.
        bool operator<(const Open& other) const {
            if (estimate != other.estimate) return estimate > other.estimate;
            if (inputs != other.inputs) return inputs < other.inputs;
            return order > other.order;
        }
    };

    // Queues the state `session` is in, reached by `input` from `parent`, unless it is known by a
    // path as short or no link leads on from it to the target.
    void consider(Session& session, std::size_t parent, const Input& input, std::size_t inputs) {
        const std::size_t toGo = toGo_[scenario_.nodeIndex(session.step().nodeId)];
        if (toGo == kNoNode) return;
        const auto [known, isNew] = seen_.try_emplace(stateKey(session), visits_.size());
        if (isNew) {
            visits_.push_back({parent, input, inputs, waysOn(session), session.step().nodeId, session.variables()});
        } else {
            Visit& visit = visits_[known->second];
            if (visit.inputs <= inputs) return;
            visit.parent = parent;
            visit.input = input;
            visit.inputs = inputs;
        }
        open_.push({inputs + toGo, inputs, order_++, known->second});
    }

    std::vector<Input> pathTo(std::size_t visit) const {
        std::vector<Input> path;
        for (; visit != 0; visit = visits_[visit].parent) path.push_back(visits_[visit].input);
        std::reverse(path.begin(), path.end());
        return path;
    }

    // A session in the state of `visit`.
    Session& enter(std::size_t visit) {
        if (revisit_ == Revisit::Replay) {
            replayed_ = replay(pathTo(visit));
            return *replayed_;
        }
        // The probe's debrief tallies grow with every input tried: a fresh one now and then.
        if (!probe_ || ++probeUses_ % kProbeRenewal == 0) probe_ = replay({});
        probe_->restore(visits_[visit].node, visits_[visit].variables);
        return *probe_;
    }

    // A Session cannot be copied (it owns a Lua state), but it is a pure function of its inputs.
    std::unique_ptr<Session> replay(const std::vector<Input>& inputs) {
        auto session = std::make_unique<Session>(scenario_, Mode::Assessment, seed_);
        applied_ += inputs.size() + 1;  // + 1: starting a session runs the script and the start node
        for (const Input& input : inputs) session->apply(input);
        return session;
    }

    std::vector<Input> withCarefulTicks(std::vector<Input> route) const {
        Session session(scenario_, Mode::Assessment, seed_);
        for (Input& input : route) {
            if (input.kind == Input::Kind::Checklist) input.ids = carefulTicks(session);
            session.apply(input);
        }
        return route;
    }

    static constexpr std::size_t kProbeRenewal = 2000;

    const Scenario& scenario_;
    std::uint64_t seed_;
    RouteLimits limits_;
    Revisit revisit_;
    std::unique_ptr<Session> probe_, replayed_;
    std::size_t probeUses_ = 0;
    std::string target_;
    StoryGraph graph_;
    std::vector<std::size_t> toGo_;  // per node, the fewest links to the target
    std::vector<Visit> visits_;
    std::unordered_map<std::string, std::size_t> seen_;  // state → its visit
    std::priority_queue<Open> open_;
    std::size_t order_ = 0;
    std::set<std::string> reached_;
    std::size_t applied_ = 0;
};

bool replaysTo(const Scenario& scenario, std::uint64_t seed, const std::vector<Input>& route, const std::string& node) {
    try {
        Session session(scenario, Mode::Assessment, seed);
        for (const Input& input : route) session.apply(input);
        return session.step().nodeId == node;
    } catch (const InputError&) {
        return false;
    }
}

}  // namespace

std::optional<std::vector<Input>> shortestRoute(const Scenario& scenario, const std::string& nodeId, std::uint64_t seed,
                                                std::string& error, const RouteLimits& limits) {
    if (!scenario.findNode(nodeId)) {
        error = "there is no node '" + nodeId + "'";
        return std::nullopt;
    }
    if (nodeId == scenario.start) return std::vector<Input>{};
    try {
        // Restoring states is fast; the route it finds is replayed to prove it, and a script
        // that keeps state of its own beyond the variables makes the search replay every state.
        auto route = RouteSearch(scenario, seed, limits, nodeId, Revisit::Restore).find(error);
        if (!route || replaysTo(scenario, seed, *route, nodeId)) return route;
        return RouteSearch(scenario, seed, limits, nodeId, Revisit::Replay).find(error);
    } catch (const std::invalid_argument& e) {  // the start node does not exist
        error = e.what();
        return std::nullopt;
    }
}

}  // namespace haven::editor
