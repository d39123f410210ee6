#include "ui/widgets.hpp"

#include "ui/fonts.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace haven::ui {

// ---------------------------------------------------------------------------------------- text

void text(const std::string& s) {
    const std::string lines = breakAtSpaces(s, ImGui::GetContentRegionAvail().x);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(lines.c_str(), lines.c_str() + lines.size());
    ImGui::PopTextWrapPos();
}

void colouredText(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void mutedText(const std::string& s) {
    colouredText(palette().muted, s);
}

namespace {
void withFont(ImFont* font, const std::string& s) {
    if (font) ImGui::PushFont(font);
    text(s);
    if (font) ImGui::PopFont();
}
}  // namespace

void boldText(const std::string& s) {
    withFont(fonts().bold, s);
}

void heading(const std::string& s) {
    withFont(fonts().heading, s);
}

void title(const std::string& s) {
    withFont(fonts().title, s);
}

void bulletText(const std::string& s) {
    ImGui::Bullet();
    ImGui::SameLine();
    text(s);
}

float em() {
    return ImGui::GetFontSize();
}

// ------------------------------------------------------------------------- buttons and cards

bool wrappedRow(const char* id, RowKind kind, int number, const std::string& label, float width, bool checked) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const ImGuiStyle& style = ImGui::GetStyle();
    const Palette& colours = palette();
    const float pad = style.FramePadding.x * 1.1f;
    const float marker = kind == RowKind::Button ? (number > 0 ? em() * 1.7f : 0.0f) : em() * 1.5f;
    const float textX = pad + marker + (marker > 0 ? style.ItemInnerSpacing.x : 0.0f);
    const float wrapWidth = std::max(em() * 4, width - textX - pad);
    const std::string lines = breakAtSpaces(label, wrapWidth);
    const ImVec2 textSize = ImGui::CalcTextSize(lines.c_str(), lines.c_str() + lines.size(), false, wrapWidth);
    const float padY = style.FramePadding.y * (kind == RowKind::Button ? 1.3f : 0.8f);
    const float height = std::max(textSize.y, em() * 1.2f) + padY * 2;

    const ImGuiID itemId = window->GetID(id);
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect box(pos, ImVec2(pos.x + width, pos.y + height));
    ImGui::ItemSize(box, 0.0f);
    if (!ImGui::ItemAdd(box, itemId)) return false;
    bool hovered = false, held = false;
    bool pressed = ImGui::ButtonBehavior(box, itemId, &hovered, &held);

    ImDrawList* draw = window->DrawList;
    ImU32 fill = ImGui::GetColorU32(held && hovered ? ImGuiCol_ButtonActive
                                    : hovered       ? ImGuiCol_ButtonHovered
                                    : kind == RowKind::Button ? ImGuiCol_Button
                                                              : ImGuiCol_FrameBg);
    if (kind != RowKind::Button && checked && !hovered) fill = ImGui::GetColorU32(ImGuiCol_ButtonHovered);
    draw->AddRectFilled(box.Min, box.Max, fill, style.FrameRounding);
    if (style.FrameBorderSize > 0 || kind != RowKind::Button)
        draw->AddRect(box.Min, box.Max, ImGui::GetColorU32(checked ? colours.accent : colours.cardBorder),
                      style.FrameRounding, 0, std::max(1.0f, style.FrameBorderSize) * (checked ? 1.5f : 1.0f));
    ImGui::RenderNavHighlight(box, itemId);

    const float lineMid = pos.y + padY + em() * 0.6f;
    const ImVec2 markerCentre(pos.x + pad + marker * 0.5f, lineMid);
    const ImU32 accent = ImGui::GetColorU32(colours.accent);
    if (kind == RowKind::Button && number > 0) {
        const float r = em() * 0.75f;
        draw->AddCircleFilled(markerCentre, r, accent);
        char digit[2] = {static_cast<char>('0' + number), 0};
        ImFont* font = fonts().bold ? fonts().bold : ImGui::GetFont();
        ImVec2 size = font->CalcTextSizeA(em(), 100, 0, digit);
        draw->AddText(font, em(), ImVec2(markerCentre.x - size.x * 0.5f, markerCentre.y - size.y * 0.5f),
                      ImGui::GetColorU32(colours.accentText), digit);
    } else if (kind == RowKind::Checkbox) {
        const float half = em() * 0.5f;
        ImRect tick(ImVec2(markerCentre.x - half, markerCentre.y - half), ImVec2(markerCentre.x + half, markerCentre.y + half));
        draw->AddRect(tick.Min, tick.Max, ImGui::GetColorU32(checked ? colours.accent : colours.muted), em() * 0.15f, 0,
                      std::max(1.5f, em() * 0.09f));
        if (checked) {
            draw->AddRectFilled(tick.Min, tick.Max, accent, em() * 0.15f);
            ImGui::RenderCheckMark(draw, ImVec2(tick.Min.x + half * 0.3f, tick.Min.y + half * 0.3f),
                                   ImGui::GetColorU32(colours.accentText), half * 1.4f);
        }
    } else if (kind == RowKind::Radio) {
        const float r = em() * 0.5f;
        draw->AddCircle(markerCentre, r, ImGui::GetColorU32(checked ? colours.accent : colours.muted), 24,
                        std::max(1.5f, em() * 0.09f));
        if (checked) draw->AddCircleFilled(markerCentre, r * 0.55f, accent, 24);
    }
    draw->AddText(ImGui::GetFont(), em(), ImVec2(pos.x + textX, pos.y + padY), ImGui::GetColorU32(ImGuiCol_Text),
                  lines.c_str(), lines.c_str() + lines.size(), wrapWidth);
    return pressed;
}

namespace {
bool styledButton(const char* label, bool enabled, bool primary) {
    if (!enabled) ImGui::BeginDisabled();
    if (primary) {
        const Palette& colours = palette();
        ImVec4 hovered = colours.accent;
        hovered.w = 0.85f;
        ImGui::PushStyleColor(ImGuiCol_Button, colours.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hovered);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, hovered);
        ImGui::PushStyleColor(ImGuiCol_Text, colours.accentText);
    }
    if (fonts().bold) ImGui::PushFont(fonts().bold);
    bool pressed = ImGui::Button(label);
    if (fonts().bold) ImGui::PopFont();
    if (primary) ImGui::PopStyleColor(4);
    if (!enabled) ImGui::EndDisabled();
    return pressed && enabled;
}

struct CardFrame {
    ImGuiID id;
    ImVec2 start;
    float width;
    float minHeight;
    ImRect work, content;  // the window's, restored at the end of the card
};
std::vector<CardFrame> cardStack;
}  // namespace

bool primaryButton(const char* label, bool enabled) {
    return styledButton(label, enabled, true);
}

bool secondaryButton(const char* label, bool enabled) {
    return styledButton(label, enabled, false);
}

float buttonWidth(const char* label) {
    if (fonts().bold) ImGui::PushFont(fonts().bold);
    float width = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    if (fonts().bold) ImGui::PopFont();
    return width;
}

float lastCardHeight(const char* id) {
    return ImGui::GetStateStorage()->GetFloat(ImGui::GetID(id), 0.0f);
}

void beginCard(const char* id, float width, float minHeight) {
    const Palette& colours = palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGuiID storageId = ImGui::GetID(id);
    ImVec2 start = ImGui::GetCursorScreenPos();
    float height = std::max(minHeight, ImGui::GetStateStorage()->GetFloat(storageId, em() * 4));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(start, ImVec2(start.x + width, start.y + height), ImGui::GetColorU32(colours.card),
                        style.ChildRounding);
    draw->AddRect(start, ImVec2(start.x + width, start.y + height), ImGui::GetColorU32(colours.cardBorder),
                  style.ChildRounding, 0, std::max(1.0f, style.FrameBorderSize));
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    cardStack.push_back({storageId, start, width, minHeight, window->WorkRect, window->ContentRegionRect});
    const float pad = em() * 1.0f;
    // Text wraps and rows stretch to the card's inner edge, as they would to a window's.
    window->WorkRect.Max.x = start.x + width - pad;
    window->ContentRegionRect.Max.x = window->WorkRect.Max.x;
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::PushID(id);
    ImGui::BeginGroup();
}

float endCard() {
    ImGui::EndGroup();
    ImGui::PopID();
    CardFrame frame = cardStack.back();
    cardStack.pop_back();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    window->WorkRect = frame.work;
    window->ContentRegionRect = frame.content;
    const float pad = em() * 1.0f;
    float content = ImGui::GetItemRectMax().y - frame.start.y + pad;
    ImGui::GetStateStorage()->SetFloat(frame.id, content);
    ImGui::SetCursorScreenPos(frame.start);
    ImGui::Dummy(ImVec2(frame.width, std::max(content, frame.minHeight)));
    return content;
}

void tag(const std::string& s) {
    const Palette& colours = palette();
    ImVec2 size = ImGui::CalcTextSize(s.c_str());
    const float padX = em() * 0.4f, padY = em() * 0.1f;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float available = ImGui::GetContentRegionAvail().x;
    if (size.x + padX * 2 > available && pos.x > ImGui::GetWindowPos().x + ImGui::GetStyle().WindowPadding.x + 1) {
        ImGui::NewLine();
        pos = ImGui::GetCursorScreenPos();
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 end(pos.x + size.x + padX * 2, pos.y + size.y + padY * 2);
    draw->AddRectFilled(pos, end, ImGui::GetColorU32(colours.barTrack), em() * 0.3f);
    draw->AddText(ImVec2(pos.x + padX, pos.y + padY), ImGui::GetColorU32(colours.text), s.c_str());
    ImGui::Dummy(ImVec2(end.x - pos.x, end.y - pos.y));
}

int numberKeyPressed() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::GetActiveID() != 0) return 0;
    for (ImWchar c : io.InputQueueCharacters)
        if (c >= '1' && c <= '9') return c - '0';
    return 0;
}

// ------------------------------------------------------------------------------- the story

std::optional<Input> drawChoices(const Step& step) {
    std::optional<Input> result;
    const int key = numberKeyPressed();
    const float width = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < step.choices.size(); ++i) {
        const OfferedChoice& choice = step.choices[i];
        const int number = i < 9 ? static_cast<int>(i) + 1 : 0;
        ImGui::PushID(static_cast<int>(i));
        bool clicked = wrappedRow("##choice", RowKind::Button, number, choice.text, width);
        ImGui::PopID();
        if ((clicked || (number > 0 && key == number)) && !result)
            result = choice.id.empty() ? Input::choose(static_cast<int>(i) + 1) : Input::choose(choice.id);
    }
    return result;
}

bool Selection::has(const std::string& id) const {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void Selection::toggle(const std::string& id, bool single) {
    if (single) {
        ids = {id};
        return;
    }
    auto found = std::find(ids.begin(), ids.end(), id);
    if (found == ids.end()) ids.push_back(id);
    else ids.erase(found);
}

void Selection::resetFor(const std::string& node) {
    if (nodeId == node) return;
    nodeId = node;
    ids.clear();
}

namespace {
// Rows of ticks or radio buttons, numbered for keys 1–9 when there are no more than nine.
void selectableRows(const std::vector<OfferedItem>& offered, Selection& selection, RowKind kind, bool grouped) {
    // Grouped: each category once, in the order it first appears; items keep their order within it.
    std::vector<OfferedItem> items = offered;
    if (grouped) {
        std::vector<std::string> order;
        for (const auto& item : offered)
            if (std::find(order.begin(), order.end(), item.category) == order.end()) order.push_back(item.category);
        std::stable_sort(items.begin(), items.end(), [&](const OfferedItem& a, const OfferedItem& b) {
            return std::find(order.begin(), order.end(), a.category) < std::find(order.begin(), order.end(), b.category);
        });
    }
    const int key = numberKeyPressed();
    const bool numbered = items.size() <= 9;
    const float width = ImGui::GetContentRegionAvail().x;
    std::string category;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const OfferedItem& item = items[i];
        if (grouped && !item.category.empty() && item.category != category) {
            category = item.category;
            ImGui::Spacing();
            colouredText(palette().muted, category);
        }
        const int number = numbered ? static_cast<int>(i) + 1 : 0;
        std::string label = numbered ? std::to_string(number) + ".  " + item.text : item.text;
        ImGui::PushID(static_cast<int>(i));
        bool clicked = wrappedRow("##row", kind, 0, label, width, selection.has(item.id));
        ImGui::PopID();
        if (clicked || (number > 0 && key == number)) selection.toggle(item.id, kind == RowKind::Radio);
    }
}
}  // namespace

std::optional<Input> drawChecklist(const Step& step, Selection& selection) {
    selection.resetFor(step.nodeId);
    selectableRows(step.items, selection, RowKind::Checkbox, true);
    ImGui::Spacing();
    ImGui::Spacing();
    const char* label = selection.ids.empty() ? "Confirm: none of these observed" : "Confirm what I observed";
    if (primaryButton(label)) {
        // Keep the checklist's own order, whatever order things were ticked in.
        std::vector<std::string> ticked;
        for (const auto& item : step.items)
            if (selection.has(item.id)) ticked.push_back(item.id);
        return Input::checklist(ticked);
    }
    return std::nullopt;
}

std::optional<Input> drawDecision(const Step& step, Selection& selection) {
    selection.resetFor(step.nodeId);
    selectableRows(step.options, selection, step.multiple ? RowKind::Checkbox : RowKind::Radio, false);
    ImGui::Spacing();
    ImGui::Spacing();
    if (primaryButton("Confirm decision", !selection.ids.empty())) {
        std::vector<std::string> chosen;
        for (const auto& option : step.options)
            if (selection.has(option.id)) chosen.push_back(option.id);
        return Input::decide(chosen);
    }
    if (selection.ids.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        mutedText(step.multiple ? "Choose one or more." : "Choose one.");
    }
    return std::nullopt;
}

void drawFeedback(const Feedback& feedback, const Scenario& scenario) {
    const Palette& colours = palette();
    int total = 0;
    for (const auto& [competency, points] : feedback.points) total += points;
    ImVec4 edge = feedback.correct.has_value() ? (*feedback.correct ? colours.good : colours.warn)
                  : total > 0                  ? colours.good
                  : total < 0                  ? colours.warn
                                               : colours.accent;
    ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::Indent(em() * 0.9f);
    ImGui::BeginGroup();
    std::string headline = feedback.correct.has_value() ? (*feedback.correct ? "Right decision" : "Not the best decision")
                           : total > 0                  ? "That helped"
                           : total < 0                  ? "That could harm"
                                                        : "Feedback";
    ImGui::PushStyleColor(ImGuiCol_Text, edge);
    boldText(headline);
    ImGui::PopStyleColor();
    if (!feedback.points.empty()) {
        std::string points;
        for (const auto& [id, value] : feedback.points) {
            const Competency* competency = scenario.findCompetency(id);
            if (!points.empty()) points += "  ·  ";
            points += (value > 0 ? "+" : "") + std::to_string(value) + " " + (competency ? competency->name : id);
        }
        mutedText(points);
    }
    if (!feedback.text.empty()) text(feedback.text);
    if (!feedback.reference.empty()) mutedText("Principle: " + feedback.reference);
    ImGui::EndGroup();
    ImGui::Unindent(em() * 0.9f);
    float bottom = ImGui::GetItemRectMax().y;
    ImGui::GetWindowDrawList()->AddRectFilled(start, ImVec2(start.x + em() * 0.25f, bottom),
                                              ImGui::GetColorU32(edge), em() * 0.12f);
}

void drawTranscript(const std::vector<TimelineEntry>& timeline) {
    const Palette& colours = palette();
    for (std::size_t i = 0; i < timeline.size(); ++i) {
        const TimelineEntry& entry = timeline[i];
        ImGui::PushID(static_cast<int>(i));
        if (!entry.speaker.empty()) colouredText(colours.muted, entry.speaker);
        text(entry.text);
        if (!entry.input.empty()) {
            ImGui::Indent(em() * 1.5f);
            ImGui::PushStyleColor(ImGuiCol_Text, colours.accent);
            boldText("You");
            ImGui::PopStyleColor();
            text(entry.input);
            ImGui::Unindent(em() * 1.5f);
        }
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        ImGui::PopID();
    }
}

void drawPortrait(ImTextureID texture, float side) {
    const Palette& colours = palette();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 end(pos.x + side, pos.y + side);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().ChildRounding;
    if (texture) {
        draw->AddImageRounded(texture, pos, end, ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, rounding);
    } else {
        // A neutral head and shoulders: says "someone" without saying who.
        draw->AddRectFilled(pos, end, ImGui::GetColorU32(colours.barTrack), rounding);
        ImU32 figure = ImGui::GetColorU32(colours.muted);
        ImVec2 centre(pos.x + side * 0.5f, pos.y + side * 0.40f);
        draw->AddCircleFilled(centre, side * 0.17f, figure, 48);
        draw->PushClipRect(pos, end, true);
        draw->AddCircleFilled(ImVec2(pos.x + side * 0.5f, pos.y + side * 1.02f), side * 0.36f, figure, 64);
        draw->PopClipRect();
    }
    draw->AddRect(pos, end, ImGui::GetColorU32(colours.cardBorder), rounding, 0, std::max(1.0f, ImGui::GetStyle().FrameBorderSize));
    ImGui::Dummy(ImVec2(side, side));
}

// ------------------------------------------------------------------------------ the debrief

void drawCompetencyBar(const std::string& name, int points, int max) {
    const Palette& colours = palette();
    const float width = ImGui::GetContentRegionAvail().x;
    const float valueWidth = ImGui::CalcTextSize("00 of 00").x;
    const float nameWidth = std::min(width * 0.4f, em() * 15);
    const float gap = em() * 0.75f;
    const float barWidth = std::max(em() * 3, width - nameWidth - valueWidth - gap * 2);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::PushID(name.c_str());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + nameWidth);
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopTextWrapPos();
    const float rowHeight = std::max(ImGui::GetItemRectSize().y, em() * 1.2f);
    const float barHeight = em() * 0.7f;
    const float left = start.x + nameWidth + gap;
    const float top = start.y + (std::min(rowHeight, em() * 1.4f) - barHeight) * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(left, top), ImVec2(left + barWidth, top + barHeight), ImGui::GetColorU32(colours.barTrack),
                        barHeight * 0.5f);
    const float fraction = max > 0 ? std::clamp(static_cast<float>(points) / static_cast<float>(max), 0.0f, 1.0f) : 0.0f;
    if (fraction > 0)
        draw->AddRectFilled(ImVec2(left, top), ImVec2(left + std::max(barHeight, barWidth * fraction), top + barHeight),
                            ImGui::GetColorU32(colours.barFill), barHeight * 0.5f);
    if (ImGui::GetStyle().FrameBorderSize > 0)
        draw->AddRect(ImVec2(left, top), ImVec2(left + barWidth, top + barHeight), ImGui::GetColorU32(colours.cardBorder),
                      barHeight * 0.5f);
    const std::string value = std::to_string(points) + " of " + std::to_string(max);
    draw->AddText(ImVec2(left + barWidth + gap, start.y), ImGui::GetColorU32(colours.text), value.c_str());
    ImGui::PopID();
}

}  // namespace haven::ui
