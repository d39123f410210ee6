// A list of records of the scenario (competencies, indicators, characters) in the scenario
// panel: each a collapsible entry with its fields and Remove, and an Add button. The whole list
// is replaced through the list's command, so each edit is one undo step.
#pragma once

#include "app/field_widgets.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace haven::editor::records {

template <class T>
using MakeRecords = CommandPtr (*)(std::vector<T>);

// A bound text field for `member` of record `i`.
// The bound fields of record `index`, each replacing the whole list through `make`.
template <class T>
struct RecordFields {
    EditorContext& context;
    const std::vector<T>& list;
    std::size_t index;
    std::string path;  // "competencies[2]"
    MakeRecords<T> make;

    fields::MakeText setter(std::string T::*field) const {
        return [list = list, i = index, field, make = make](std::string value) {
            auto changed = list;
            changed[i].*field = std::move(value);
            return make(std::move(changed));
        };
    }
    void text(const std::string& label, const char* key, std::string T::*field) const {
        fields::textField(context, label, path + "." + key, list[index].*field, setter(field));
    }
    void prose(const std::string& label, const char* key, std::string T::*field) const {
        fields::proseField(context, label, path + "." + key, list[index].*field, setter(field), 2);
    }
};

// What a list's section says.
struct ListText {
    const char* title;     // "Competencies"
    const char* path;      // its validator path, "competencies"
    const char* hint;      // what the list is for
    const char* addLabel;  // "Add a competency"
};

// A collapsible section of `list` with `fieldsOf(RecordFields)` inside each entry, Remove, and an
// Add button that appends `fresh`. False when the section is closed.
template <class T, class Fields, class Name>
bool drawList(EditorContext& context, const ListText& text, const std::vector<T>& list, MakeRecords<T> make,
              const Name& nameOf, const Fields& fieldsOf, T fresh) {
    if (!fields::section(text.title, fields::focusWithin(context, text.path), false)) return false;
    fields::hint(text.hint);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string itemPath = std::string(text.path) + "[" + std::to_string(i) + "]";
        ImGui::PushID(static_cast<int>(i));
        if (fields::focusWithin(context, itemPath)) ImGui::SetNextItemOpen(true);
        const std::string named = fields::namedId(nameOf(list[i]), list[i].id);
        const float room = ImGui::GetContentRegionAvail().x - 4 * ui::em();
        const std::string header = fields::fitted(named.empty() ? std::string("(new)") : named, room) + "###record";
        bool removed = false;
        if (ImGui::TreeNodeEx(header.c_str(), ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_SpanAvailWidth)) {
            fieldsOf(RecordFields<T>{context, list, i, itemPath, make});
            fields::gap();
            if (ui::secondaryButton("Remove")) {
                auto changed = list;
                changed.erase(changed.begin() + static_cast<std::ptrdiff_t>(i));
                fields::executeStep(context, make(std::move(changed)));
                removed = true;
            }
            fields::gap();
            ImGui::TreePop();
        }
        ImGui::PopID();
        if (removed) break;
    }
    if (ui::primaryButton(text.addLabel)) {
        auto changed = list;
        changed.push_back(std::move(fresh));
        fields::executeStep(context, make(std::move(changed)));
    }
    return true;
}

}  // namespace haven::editor::records
