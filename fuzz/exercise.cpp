#include "exercise.hpp"

#include "core/debrief.hpp"
#include "core/diagnostic.hpp"
#include "core/input.hpp"
#include "core/scenario_loader.hpp"
#include "core/scenario_writer.hpp"
#include "core/session.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <vector>

namespace haven::fuzz {
namespace {

// Bounds that keep one input cheap. Every Lua evaluation may run up to 10 million instructions
// (about 0.1 s), by design, so play is bounded by the evaluations it may run, not only by steps.
constexpr int kMaxSteps = 12;
constexpr int kMaxLuaPerNode = 8;
constexpr int kMaxLuaPerPlay = 32;
constexpr std::size_t kMaxInputsApplied = 64;
constexpr std::size_t kMaxChoiceListBytes = 4096;

std::size_t lineCount(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

// Every diagnostic names `file`, says something, and points inside the text (or nowhere).
std::string checkDiagnostics(const Diagnostics& diagnostics, const std::string& file, const std::string& text,
                             const char* what) {
    std::size_t lines = lineCount(text);
    for (const auto& d : diagnostics) {
        std::string shown = format(d);
        if (d.file != file) return std::string(what) + ": a diagnostic names the wrong file: " + shown;
        if (d.message.empty()) return std::string(what) + ": a diagnostic has no message: " + shown;
        if (d.line < 0 || d.column < 0 || static_cast<std::size_t>(d.line) > lines)
            return std::string(what) + ": a diagnostic points outside the text: " + shown;
    }
    return {};
}

std::string firstError(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error) return format(d);
    return "(no error)";
}

// What every debrief must satisfy however large the scores: per competency the best achievable
// is never negative and never below the points earned, and the scaled score is a fraction.
std::string checkDebrief(const Debrief& debrief) {
    for (const auto& c : debrief.competencies)
        if (c.max < 0 || c.points > c.max)
            return "debrief: competency '" + c.id + "' has " + std::to_string(c.points) + " of " +
                   std::to_string(c.max) + " points";
    if (!(debrief.scaled >= 0.0 && debrief.scaled <= 1.0))
        return "debrief: the scaled score " + std::to_string(debrief.scaled) + " is not between 0 and 1";
    (void)debriefJson(debrief);
    return {};
}

// The Lua evaluations a visit to `node` may run: on_enter, every condition, the effect taken.
int luaCost(const Node& node) {
    int cost = node.onEnter.empty() ? 0 : 1;
    for (const auto& choice : node.choices) cost += !choice.condition.empty() + !choice.effect.empty();
    return cost;
}

// Plays a bounded number of steps with the simplest input that fits each step.
std::string play(const Scenario& scenario) {
    for (const auto& node : scenario.nodes)
        if (luaCost(node) > kMaxLuaPerNode) return {};  // seconds per step by design; not a finding
    Session session(scenario, Mode::Practice, 7);
    int lua = 0;
    for (int i = 0; i < kMaxSteps && !session.finished() && !session.stuck(); ++i) {
        const Step& step = session.step();
        lua += luaCost(*scenario.findNode(step.nodeId));
        if (lua > kMaxLuaPerPlay) break;
        switch (step.kind) {
            case NodeType::Scene: session.choose(1); break;
            case NodeType::Checklist: session.submitChecklist({}); break;
            case NodeType::Decision:
                if (step.options.empty()) return "play: a decision offers no option";  // validation refuses it
                session.decide({step.options.front().id});
                break;
            case NodeType::Ending: break;
        }
        if (i == 1 && session.canUndo()) session.undo();  // replays every input but the last
    }
    (void)session.variables();
    Debrief debrief = session.debrief();
    (void)debriefText(debrief, scenario);
    return checkDebrief(debrief);
}

// A small scenario the fuzzed input files are applied to: ids to choose by, a checklist, a
// multiple-choice decision, and a way back to the start so that long input lists keep going.
constexpr const char* kInputTarget = R"({
  "format": "haven-scenario",
  "version": 1,
  "id": "fuzz-inputs",
  "title": "Input target",
  "start": "meet",
  "competencies": [{"id": "c", "name": "C"}],
  "indicators": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
  "variables": {"trust": 0},
  "nodes": [
    {"id": "meet", "type": "scene", "text": "Trust {trust}.", "choices": [
      {"id": "ask", "text": "Ask", "goto": "tick", "effect": "trust = trust + 1", "scores": {"c": 1}, "feedback": "f"},
      {"id": "wait", "text": "Wait", "goto": "decide", "condition": "trust > 0", "feedback": "f"},
      {"id": "leave", "text": "Leave", "goto": "end", "condition": "trust > 2", "feedback": "f"}]},
    {"id": "tick", "type": "checklist", "goto": "meet", "expected": ["a"], "competency": "c"},
    {"id": "decide", "type": "decision", "multiple": true, "goto": "meet", "options": [
      {"id": "x", "text": "X", "correct": true, "scores": {"c": 2}, "feedback": "f"},
      {"id": "y", "text": "Y", "feedback": "f"}]},
    {"id": "end", "type": "ending", "outcome": "done"}
  ]
})";

const Scenario& inputTarget() {
    static const Scenario scenario = [] {
        LoadResult loaded = loadScenarioText(kInputTarget, "fuzz-inputs.json", "");
        if (!loaded.ok()) throw std::logic_error("the built-in input target does not load: " + firstError(loaded.diagnostics));
        return std::move(*loaded.scenario);
    }();
    return scenario;
}

}  // namespace

std::string exerciseScenario(const std::string& text, const std::string& folder) {
    LoadResult loaded = loadScenarioText(text, kScenarioFile, folder);
    if (auto problem = checkDiagnostics(loaded.diagnostics, kScenarioFile, text, "load"); !problem.empty())
        return problem;
    if (!loaded.scenario) {
        if (!hasErrors(loaded.diagnostics)) return "load: no scenario, but no error either";
        return {};
    }
    // Whatever was read can be written (the editor saves scenarios that still have errors).
    std::string written = writeScenarioJson(*loaded.scenario);
    if (!loaded.ok()) return {};

    if (auto problem = play(*loaded.scenario); !problem.empty()) return problem;

    LoadResult reloaded = loadScenarioText(written, kScenarioFile, folder);
    if (auto problem = checkDiagnostics(reloaded.diagnostics, kScenarioFile, written, "reload"); !problem.empty())
        return problem;
    if (!reloaded.ok())
        return "round trip: the written scenario does not load: " + firstError(reloaded.diagnostics) +
               "\n--- written ---\n" + written;
    std::string again = writeScenarioJson(*reloaded.scenario);
    if (again != written)
        return "round trip: writing the reloaded scenario is not byte-identical\n--- first ---\n" + written +
               "--- second ---\n" + again;
    return {};
}

std::string exerciseInputs(const std::string& text) {
    std::vector<Input> inputs;
    Diagnostics diagnostics;
    bool ok = parseInputs(text, kInputFile, inputs, diagnostics);
    if (auto problem = checkDiagnostics(diagnostics, kInputFile, text, "inputs"); !problem.empty()) return problem;
    if (ok != diagnostics.empty()) return "inputs: the result disagrees with the diagnostics";

    if (ok) {
        std::string json = inputsToJson(inputs);
        std::vector<Input> again;
        Diagnostics againDiagnostics;
        if (!parseInputs(json, kInputFile, again, againDiagnostics))
            return "inputs round trip: the written inputs do not parse: " + firstError(againDiagnostics) +
                   "\n--- written ---\n" + json;
        if (again != inputs) return "inputs round trip: the written inputs parse differently\n--- written ---\n" + json;
        if (inputsToJson(again) != json) return "inputs round trip: writing again is not byte-identical";

        Session session(inputTarget(), Mode::Practice, 1);
        for (std::size_t i = 0; i < inputs.size() && i < kMaxInputsApplied && !session.finished(); ++i) {
            try {
                session.apply(inputs[i]);
            } catch (const InputError&) {
                // The input does not fit this step: what a player is told. The session is unchanged.
            }
        }
        if (auto problem = checkDebrief(session.debrief()); !problem.empty()) return problem;
    }

    if (text.size() <= kMaxChoiceListBytes) {
        std::vector<Input> choices;
        std::string error;
        if (!parseChoiceList(text, choices, error) && error.empty())
            return "--choices: refused without saying why";
    }
    return {};
}

}  // namespace haven::fuzz
