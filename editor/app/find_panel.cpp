// Sections: recomputing · the fields and buttons · the match list · replacing.
#include "app/find_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <imgui_stdlib.h>

#include "app/field_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace haven::editor {
namespace {

// A list longer than this is a sign the search is too broad; replace-all still changes them all.
constexpr std::size_t kListedMatches = 1000;

}  // namespace

// ---------------------------------------------------------------------------------- recomputing

void FindPanel::setQuery(const std::string& find, const std::string& replace) {
    find_ = find;
    replace_ = replace;
    focusFind_ = true;
    current_ = 0;
}

void FindPanel::refresh(const EditorContext& context) {
    const DocumentStamp stamp = DocumentStamp::of(context);
    if (stamp == seen_ && find_ == seenFind_ && options_ == seenOptions_) return;
    if (find_ != seenFind_ || options_ != seenOptions_) current_ = 0;
    seen_ = stamp;
    seenFind_ = find_;
    seenOptions_ = options_;
    matches_ =
        find_.empty() ? std::vector<TextMatch>() : findMatches(context.scenario(), find_, options_, kListedMatches);
    if (current_ >= matches_.size()) current_ = 0;
}

// ------------------------------------------------------------------------ the fields and buttons

void FindPanel::draw(EditorContext& context) {
    refresh(context);
    drawFields(context);
    refresh(context);  // the query may have changed above

    ImGui::Dummy(ImVec2(0, ui::em() * 0.2f));
    if (find_.empty()) {
        ui::mutedText("Type a word or phrase to find it in every text: titles, scenes, choices, feedback.");
        return;
    }
    if (matches_.empty()) {
        ui::mutedText("No matches.");
        return;
    }
    const std::string count = matches_.size() >= kListedMatches ? "The first " + withThousands(kListedMatches) + " matches"
                              : matches_.size() == 1            ? "1 match"
                                                                : withThousands(matches_.size()) + " matches";
    ui::mutedText(count + " · click to show on the map, double-click to edit");
    if (!ImGui::BeginChild("matches", ImVec2(0, 0), false)) {
        ImGui::EndChild();
        return;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(matches_.size()),
                  ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) drawMatch(context, static_cast<std::size_t>(i));
    ImGui::EndChild();
}

void FindPanel::drawFields(EditorContext& context) {
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(width);
    if (focusFind_) {
        ImGui::SetKeyboardFocusHere();
        focusFind_ = false;
    }
    // Enter steps to the next match, as in every editor's find box.
    if (ImGui::InputTextWithHint("##find", "Find", &find_, ImGuiInputTextFlags_EnterReturnsTrue) && !matches_.empty()) {
        current_ = (current_ + 1) % matches_.size();
        if (matches_[current_].node) context.select(*matches_[current_].node, true);
        focusFind_ = true;
    }
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint("##replace", "Replace with", &replace_);
    ImGui::Checkbox("Match case", &options_.matchCase);
    ImGui::SameLine(0, ui::em());
    ImGui::Checkbox("Whole word", &options_.wholeWord);

    const bool any = !find_.empty() && !matches_.empty();
    if (ui::secondaryButton("Replace", any)) replaceCurrent(context);
    ImGui::SameLine();
    if (ui::secondaryButton("Replace all", any)) replaceEvery(context);
}

// ------------------------------------------------------------------------------- the match list

void FindPanel::drawMatch(EditorContext& context, std::size_t index) {
    const TextMatch& match = matches_[index];
    ImGui::PushID(static_cast<int>(index));
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##match", index == current_, ImGuiSelectableFlags_AllowDoubleClick, ImVec2(0, line * 2))) {
        current_ = index;
        // A click keeps the list in view: the map shows the node, and the inspector opens at the
        // field when its tab is chosen. A double-click, or a text with no node on the map (the
        // title, a competency), goes straight to the field.
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) || !match.node) {
            jumpTo(context, match.path);
        } else {
            context.select(*match.node, true);
            context.focusPath = match.path;
        }
    }
    const ImVec2 after = ImGui::GetCursorScreenPos();
    const float right = ImGui::GetItemRectMax().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ui::Palette& colours = ui::palette();
    draw->AddText(start, ImGui::GetColorU32(colours.muted), match.label.c_str());

    // The text around the match on the second line, the match itself marked.
    ImVec2 at(start.x, start.y + line);
    draw->AddText(at, ImGui::GetColorU32(colours.text), match.before.c_str());
    at.x += ImGui::CalcTextSize(match.before.c_str()).x;
    const ImVec2 size = ImGui::CalcTextSize(match.matched.c_str());
    ImVec4 mark = colours.accent;
    mark.w = 0.28f;
    draw->AddRectFilled(ImVec2(at.x - 1, at.y), ImVec2(at.x + size.x + 1, at.y + size.y), ImGui::GetColorU32(mark),
                        2.0f);
    draw->AddText(at, ImGui::GetColorU32(colours.text), match.matched.c_str());
    at.x += size.x;
    // Cut at a word with an ellipsis where the row ends, not in the middle of a letter.
    const std::string rest = fields::fitted(match.after, std::max(0.0f, right - at.x));
    draw->AddText(at, ImGui::GetColorU32(colours.text), rest.c_str());
    ImGui::SetCursorScreenPos(after);
    ImGui::PopID();
}

// ------------------------------------------------------------------------------------ replacing

void FindPanel::replaceCurrent(EditorContext& context) {
    if (current_ >= matches_.size()) return;
    const TextMatch match = matches_[current_];
    auto command = replaceRange(context.scenario(), match.path, match.offset, match.length, replace_,
                                "Replace “" + match.matched + "”");
    if (!command) return;
    context.execute(std::move(command));
    if (match.node) context.select(*match.node, true);
    context.notice = "Replaced 1 match in " + match.label;
    refresh(context);
    // When the replacement contains what was searched for, the same place matches again: move on.
    if (current_ < matches_.size() && matches_[current_].path == match.path &&
        matches_[current_].offset == match.offset)
        current_ = (current_ + 1) % matches_.size();
}

void FindPanel::replaceEvery(EditorContext& context) {
    auto replaced = replaceAll(context.scenario(), find_, replace_, options_);
    if (!replaced.command) return;
    context.execute(std::move(replaced.command));
    context.notice = "Replaced " + withThousands(replaced.count) + (replaced.count == 1 ? " match" : " matches") + " of “" +
                     find_ + "” (one undo step)";
}

}  // namespace haven::editor
