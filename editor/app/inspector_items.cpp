// The inspector's lists of a scene's choices and a decision's options: each a collapsible entry
// titled by its text, with its fields, and buttons to move it or remove it.
#include "app/inspector_sections.hpp"

#include "app/field_widgets.hpp"
#include "model/lua_check.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace haven::editor::inspector {
namespace {

enum class ItemAction { None, Up, Down, Remove };

// What an item's header says after its text, and whether it opens at first to show a problem.
struct Note {
    std::string text;
    bool problem = false;
};

// The collapsible header of item `index` of `count`; it opens when the focus path lies inside
// it or when its note is a problem. `body` draws its fields.
template <class Body>
ItemAction drawItem(EditorContext& context, const std::string& path, std::size_t index, std::size_t count,
                    const std::string& text, const Note& note, const Body& body) {
    ImGui::PushID(static_cast<int>(index));
    if (fields::focusWithin(context, path))
        ImGui::SetNextItemOpen(true);
    else if (note.problem)
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    const std::string number = std::to_string(index + 1) + ".  ";
    const std::string suffix = note.text.empty() ? std::string() : "  — " + note.text;
    const float room = ImGui::GetContentRegionAvail().x - 4 * ui::em();
    const std::string title =
        number +
        fields::fitted(text.empty() ? "(no text yet)" : text, room - ImGui::CalcTextSize((number + suffix).c_str()).x) +
        suffix + "###item";
    ItemAction action = ItemAction::None;
    if (ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_SpanAvailWidth)) {
        ImGui::Unindent(ImGui::GetTreeNodeToLabelSpacing() * 0.5f);
        if (ui::secondaryButton("Move up", index > 0)) action = ItemAction::Up;
        ImGui::SameLine();
        if (ui::secondaryButton("Move down", index + 1 < count)) action = ItemAction::Down;
        ImGui::SameLine();
        if (ui::secondaryButton("Remove")) action = ItemAction::Remove;
        fields::gap();
        if (action == ItemAction::None) body();
        fields::gap();
        ImGui::Indent(ImGui::GetTreeNodeToLabelSpacing() * 0.5f);
        ImGui::TreePop();
    }
    ImGui::PopID();
    return action;
}

std::string itemPath(std::size_t node, const char* list, std::size_t item) {
    return nodePath(node) + "." + list + "[" + std::to_string(item) + "]";
}

// What needs the author's eye in a choice's header while it is closed.
Note choiceNote(const Choice& choice) {
    if (checkLua(choice.condition, ChunkKind::Expression) || checkLua(choice.effect, ChunkKind::Statements))
        return {"Lua error", true};
    if (choice.goTo.empty()) return {"leads nowhere yet", false};
    return {};
}

void drawChoiceFields(EditorContext& context, std::size_t n, std::size_t c) {
    const Choice& choice = context.scenario().nodes[n].choices[c];
    const std::string path = itemPath(n, "choices", c);
    const auto text = [n, c](ChoiceText field) {
        return [n, c, field](std::string value) { return setChoiceText(n, c, field, std::move(value)); };
    };
    fields::proseField(context, "Text (what the trainee says or does)", path + ".text", choice.text,
                       text(ChoiceText::Text), 2);
    fields::gap();
    fields::gotoField(context, "Leads to", path + ".goto", choice.goTo, text(ChoiceText::GoTo));
    fields::gap();
    fields::luaField(context, "Offered only when (Lua condition; empty: always)", path + ".condition", choice.condition,
                     ChunkKind::Expression, text(ChoiceText::Condition));
    fields::gap();
    fields::luaField(context, "When chosen (Lua statements)", path + ".effect", choice.effect, ChunkKind::Statements,
                     text(ChoiceText::Effect));
    fields::gap();
    fields::scoresField(context, path + ".scores", choice.scores,
                        [n, c](Scores scores) { return setChoiceScores(n, c, std::move(scores)); });
    fields::gap();
    fields::indicatorSetField(context, "Indicators it brings to light", path + ".reveals", choice.reveals,
                              [n, c](std::vector<std::string> ids) { return setChoiceReveals(n, c, std::move(ids)); });
    fields::gap();
    fields::proseField(context, "Feedback (why this helps or harms the person)", path + ".feedback", choice.feedback,
                       text(ChoiceText::Feedback), 3);
    fields::gap();
    fields::textField(context, "Reference (the principle it rests on)", path + ".reference", choice.reference,
                      text(ChoiceText::Reference));
    fields::gap();
    fields::textField(context, "Id (input files may choose by it)", path + ".id", choice.id, text(ChoiceText::Id));
}

void drawOptionFields(EditorContext& context, std::size_t n, std::size_t o) {
    const Option& option = context.scenario().nodes[n].options[o];
    const std::string path = itemPath(n, "options", o);
    const auto text = [n, o](OptionText field) {
        return [n, o, field](std::string value) { return setOptionText(n, o, field, std::move(value)); };
    };
    fields::proseField(context, "Text", path + ".text", option.text, text(OptionText::Text), 2);
    fields::gap();
    fields::takeFocus(context, path + ".correct");
    bool correct = option.correct;
    if (ImGui::Checkbox("Choosing it is right", &correct)) context.execute(setOptionCorrect(n, o, correct));
    fields::gap();
    fields::gotoField(context, "Leads to (empty: the decision's own goto)", path + ".goto", option.goTo,
                      text(OptionText::GoTo));
    fields::gap();
    fields::scoresField(context, path + ".scores", option.scores,
                        [n, o](Scores scores) { return setOptionScores(n, o, std::move(scores)); });
    fields::gap();
    fields::proseField(context, "Feedback (why)", path + ".feedback", option.feedback, text(OptionText::Feedback), 3);
    fields::gap();
    fields::textField(context, "Reference (the principle it rests on)", path + ".reference", option.reference,
                      text(OptionText::Reference));
    fields::gap();
    fields::textField(context, "Id (unique in this decision)", path + ".id", option.id, text(OptionText::Id));
}

Note optionNote(const Option& option) {
    return {option.correct ? "right" : "", false};
}

// How one of a node's lists is drawn and changed: a scene's choices, a decision's options.
template <class Item>
struct ListKind {
    const char* list;  // its name in a validator path
    const char* stem;  // of a new item's id
    const char* addLabel;
    const char* emptyHint;
    Note (*note)(const Item&);
    void (*fields)(EditorContext&, std::size_t node, std::size_t item);
    CommandPtr (*add)(std::size_t node, Item item, std::size_t at);
    CommandPtr (*remove)(std::size_t node, std::size_t item);
    CommandPtr (*move)(std::size_t node, std::size_t from, std::size_t to);
};

const ListKind<Choice> kChoices{
    "choices",  "choice",         "Add a choice", "No choices: the trainee cannot go on from here. Add one below.",
    choiceNote, drawChoiceFields, addChoice,      removeChoice,
    moveChoice};
const ListKind<Option> kOptions{
    "options", "option",     "Add an option", "A decision needs options. Add one below.", optionNote, drawOptionFields,
    addOption, removeOption, moveOption};

template <class Item>
void drawList(EditorContext& context, std::size_t n, const std::vector<Item>& items, const ListKind<Item>& kind) {
    if (items.empty()) fields::hint(kind.emptyHint);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const ItemAction action = drawItem(context, itemPath(n, kind.list, i), i, items.size(), items[i].text,
                                           kind.note(items[i]), [&] { kind.fields(context, n, i); });
        if (action == ItemAction::None) continue;
        if (action == ItemAction::Remove)
            context.execute(kind.remove(n, i));
        else
            context.execute(kind.move(n, i, action == ItemAction::Up ? i - 1 : i + 1));
        break;  // the list has changed under the loop
    }
    if (ui::primaryButton(kind.addLabel)) {
        Item item;
        item.id = fields::freshId(items, kind.stem);
        context.execute(kind.add(n, std::move(item), items.size()));
    }
}

}  // namespace

void drawChoices(EditorContext& context, std::size_t n) {
    if (!fields::section("Choices", fields::focusWithin(context, nodePath(n) + ".choices"))) return;
    drawList(context, n, context.scenario().nodes[n].choices, kChoices);
    fields::gap();
}

void drawOptions(EditorContext& context, std::size_t n) {
    ui::boldText("Options");
    drawList(context, n, context.scenario().nodes[n].options, kOptions);
}

}  // namespace haven::editor::inspector
