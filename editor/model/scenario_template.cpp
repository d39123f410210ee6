#include "model/scenario_template.hpp"

#include "model/indicator_library.hpp"

#include <utility>

namespace haven::editor {
namespace {

Choice choice(std::string id, std::string text, std::string target, int points, std::string feedback) {
    Choice c;
    c.id = std::move(id);
    c.text = std::move(text);
    c.goTo = std::move(target);
    c.scores["rapport"] = points;
    c.feedback = std::move(feedback);
    return c;
}

Node ending(std::string id, std::string text, std::string outcome, EditorPosition position) {
    Node n;
    n.id = std::move(id);
    n.type = NodeType::Ending;
    n.text = std::move(text);
    n.outcome = std::move(outcome);
    n.position = position;
    return n;
}

}  // namespace

Scenario newFromTemplate() {
    Scenario s;
    s.id = "new-scenario";
    s.title = "New scenario";
    s.summary = "One or two sentences for the library card.";
    s.language = "en-GB";
    s.estimatedMinutes = 10;
    s.contentNotes = {"Describe here what the scenario touches on."};
    s.start = "start";
    s.competencies.push_back({"rapport", "Rapport and communication",
                              "Builds trust: introductions, plain language, open questions, the person's own pace."});
    s.indicators = iloIndicators();

    Node start;
    start.id = "start";
    start.type = NodeType::Scene;
    start.text = "Describe the situation the trainee meets.";
    start.choices.push_back(choice("introduce", "Introduce yourself and your role.", "ending-good", 2,
                                   "Say why this helps the person: a clear introduction builds trust."));
    start.choices.push_back(choice("rush", "Ask for their documents straight away.", "ending-poor", -1,
                                   "Say why this harms the person: it treats them as a suspect."));
    start.position = EditorPosition{0.0, 0.0};
    s.nodes.push_back(std::move(start));
    s.nodes.push_back(ending("ending-good", "Describe what happens to the person.", "protected", {320.0, -100.0}));
    s.nodes.push_back(ending("ending-poor", "Describe what happens to the person.", "re-traumatised", {320.0, 100.0}));
    s.buildIndex();
    return s;
}

}  // namespace haven::editor
