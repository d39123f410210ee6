// The inspector's sections for the nodes that ask for a judgement or end the story: a
// checklist's prompt, items, expected indicators, competency and goto; a decision's prompt,
// options and fallback; an ending's outcome and feedback.
#include "app/inspector_sections.hpp"

#include "app/field_widgets.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace haven::editor::inspector {
namespace {

fields::MakeText nodeText(std::size_t n, NodeText field) {
    return [n, field](std::string value) { return setNodeText(n, field, std::move(value)); };
}

fields::MakeList nodeList(std::size_t n, NodeList field) {
    return [n, field](std::vector<std::string> ids) { return setNodeList(n, field, std::move(ids)); };
}

void drawPrompt(EditorContext& context, std::size_t n) {
    fields::proseField(context, "Prompt (the question the trainee sees)", nodePath(n) + ".prompt",
                       context.scenario().nodes[n].prompt, nodeText(n, NodeText::Prompt), 2);
    fields::gap();
}

// Expected indicators: by default those revealed on the path so far; or a list the author sets.
void drawExpected(EditorContext& context, std::size_t n) {
    const Node& node = context.scenario().nodes[n];
    const std::string path = nodePath(n) + ".expected";
    fields::takeFocus(context, path);
    bool explicitList = node.expected.has_value();
    if (ImGui::Checkbox("Choose the expected indicators myself", &explicitList))
        context.execute(explicitList ? setNodeList(n, NodeList::Expected, {}) : clearNodeExpected(n));
    if (!node.expected) {
        fields::hint("Expected: the indicators revealed on the trainee's path so far.");
        return;
    }
    fields::indicatorSetField(context, "Expected (should be ticked)", path, *node.expected,
                              nodeList(n, NodeList::Expected));
    if (node.expected->empty()) fields::hint("None expected: every tick is a false alarm.");
}

std::vector<fields::PickItem> competencyItems(const Scenario& scenario) {
    std::vector<fields::PickItem> items;
    for (const Competency& competency : scenario.competencies)
        items.push_back({competency.id, fields::namedId(competency.name, competency.id)});
    return items;
}

}  // namespace

void drawChecklist(EditorContext& context, std::size_t n) {
    const Node& node = context.scenario().nodes[n];
    const std::string base = nodePath(n);
    const bool focus = fields::focusWithinAny(context, base, {"prompt", "items", "expected", "competency", "goto"});
    if (!fields::section("Checklist", focus)) return;
    drawPrompt(context, n);
    fields::indicatorSetField(context, "Indicators offered", base + ".items", node.items, nodeList(n, NodeList::Items));
    if (node.items.empty()) fields::hint("None chosen: every indicator of the scenario is offered.");
    fields::gap();
    drawExpected(context, n);
    fields::gap();
    if (auto id = fields::idPicker(context, "Scores for competency", base + ".competency", node.competency,
                                   competencyItems(context.scenario()), "(not scored)"))
        context.execute(setNodeText(n, NodeText::Competency, *id));
    fields::hint("One point per expected indicator ticked, minus one per false alarm.");
    fields::gap();
    fields::gotoField(context, "Then goes to", base + ".goto", node.goTo, nodeText(n, NodeText::GoTo));
    fields::gap();
}

void drawDecision(EditorContext& context, std::size_t n) {
    const Node& node = context.scenario().nodes[n];
    const std::string base = nodePath(n);
    const bool focus = fields::focusWithinAny(context, base, {"prompt", "multiple", "options", "goto"});
    if (!fields::section("Decision", focus)) return;
    drawPrompt(context, n);
    fields::takeFocus(context, base + ".multiple");
    bool multiple = node.multiple;
    if (ImGui::Checkbox("The trainee may choose several options", &multiple))
        context.execute(setNodeMultiple(n, multiple));
    fields::gap();
    drawOptions(context, n);
    fields::gap();
    fields::gotoField(context, "When the chosen option leads nowhere, go to", base + ".goto", node.goTo,
                      nodeText(n, NodeText::GoTo));
    fields::gap();
}

void drawEnding(EditorContext& context, std::size_t n) {
    const Node& node = context.scenario().nodes[n];
    const std::string base = nodePath(n);
    if (!fields::section("Ending", fields::focusWithinAny(context, base, {"outcome", "feedback"}))) return;
    fields::textField(context, "Outcome (a short label)", base + ".outcome", node.outcome,
                      nodeText(n, NodeText::Outcome));
    fields::hint("e.g. protected, referred late, re-traumatised, detained, re-trafficked");
    fields::gap();
    fields::proseField(context, "Feedback (what this outcome means for the person, and why it came about)",
                       base + ".feedback", node.feedback, nodeText(n, NodeText::Feedback), 4);
    fields::gap();
}

}  // namespace haven::editor::inspector
