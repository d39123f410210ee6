// Sections: geometry · colours · text that fits · cards · links.
#include "app/map_cards.hpp"

#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <string_view>

namespace haven::editor {
namespace {

// A card's rows, in em: the header with the id, a line about the node (speaker, outcome…), two
// lines of its text, then one row per pin.
constexpr double kWidthEm = 15.0;
constexpr double kHeaderEm = 1.75;
constexpr double kPadEm = 0.4;
constexpr double kLineEm = 1.2;
constexpr double kRowEm = 1.35;
constexpr double kBodyEm = kHeaderEm + kPadEm + 3 * kLineEm + kPadEm;  // where the pin rows start
// Below this many pixels per em a card's small texts cannot be read: it shows only its id.
constexpr float kDetailEmPixels = 10.0f;

ImFont* boldFont() {
    return ui::fonts().bold ? ui::fonts().bold : ImGui::GetFont();
}

}  // namespace

// ----------------------------------------------------------------------------------- geometry

CardSize cardSize(const Node& node) {
    const std::size_t pins = linkCount(node);
    const double rows = pins ? static_cast<double>(pins) * kRowEm + kPadEm : 0.0;
    return {kWidthEm * kUnitsPerEm, (kBodyEm + rows) * kUnitsPerEm};
}

double pinOffset(std::size_t pin) {
    return (kBodyEm + (static_cast<double>(pin) + 0.5) * kRowEm) * kUnitsPerEm;
}

double inputOffset() {
    return kHeaderEm / 2 * kUnitsPerEm;
}

bool showsDetail(float unit) {
    return unit * static_cast<float>(kUnitsPerEm) >= kDetailEmPixels;
}

// ------------------------------------------------------------------------------------ colours

TypeColours typeColours(NodeType type) {
    const ImVec4 card = ui::palette().card;
    const bool darkTheme = 0.2126f * card.x + 0.7152f * card.y + 0.0722f * card.z < 0.4f;
    // scene, checklist, decision, ending; every band/ink pair is above 4.5:1.
    static constexpr unsigned kOnLight[] = {0x2F6690, 0x2E7555, 0x8A5A00, 0x6B4C9A};
    static constexpr unsigned kOnDark[] = {0x7DB8E0, 0x6CCB9C, 0xE3B957, 0xB79CE6};
    const unsigned hex = (darkTheme ? kOnDark : kOnLight)[static_cast<int>(type)];
    auto colour = [](unsigned rgb) { return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 0xFF); };
    return {colour(hex), colour(darkTheme ? 0x10161B : 0xFFFFFF)};
}

ImU32 withAlpha(ImVec4 colour, float alpha) {
    colour.w *= alpha;
    return ImGui::ColorConvertFloat4ToU32(colour);
}

const char* typeLabel(NodeType type) {
    switch (type) {
        case NodeType::Scene:
            return "Scene";
        case NodeType::Checklist:
            return "Checklist";
        case NodeType::Decision:
            return "Decision";
        case NodeType::Ending:
            return "Ending";
    }
    return "";
}

namespace {

// ----------------------------------------------------------------------------- text that fits

float textWidth(ImFont* font, float size, std::string_view text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

// `text` cut at a character boundary to fit `width`, with an ellipsis when cut.
std::string fitted(ImFont* font, float size, std::string_view text, float width) {
    if (textWidth(font, size, text) <= width) return std::string(text);
    const float room = width - textWidth(font, size, "…");
    std::size_t low = 0, high = text.size();
    while (low < high) {  // the longest prefix that fits the room
        std::size_t mid = (low + high + 1) / 2;
        if (textWidth(font, size, text.substr(0, mid)) <= room)
            low = mid;
        else
            high = mid - 1;
    }
    while (low > 0 && (static_cast<unsigned char>(text[low]) & 0xC0) == 0x80) --low;
    std::string cut(text.substr(0, low));
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();
    return cut + "…";
}

// The first two lines of `text` wrapped at `width`, the second cut with an ellipsis.
std::pair<std::string, std::string> twoLines(ImFont* font, float size, std::string text, float width) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    const char* begin = text.data();
    const char* end = begin + text.size();
    const char* wrap = font->CalcWordWrapPositionA(size / font->FontSize, begin, end, width);
    if (wrap == begin) wrap = end;  // a single word too long for the line: cut it below
    std::string first(begin, wrap);
    while (wrap < end && *wrap == ' ') ++wrap;
    return {fitted(font, size, first, width), fitted(font, size, std::string_view(wrap, end - wrap), width)};
}

// ------------------------------------------------------------------------------------- cards

// The line under the header: who speaks, what the trainee does, or how the story ends.
std::string aboutLine(const Scenario& scenario, const Node& node) {
    switch (node.type) {
        case NodeType::Scene: {
            if (node.speaker.empty()) return "Narration";
            const Character* character = scenario.findCharacter(node.speaker);
            return character && !character->name.empty() ? character->name : node.speaker;
        }
        case NodeType::Checklist:
            return node.items.empty() ? "Tick from all indicators"
                                      : "Tick from " + std::to_string(node.items.size()) + " indicators";
        case NodeType::Decision:
            return node.multiple ? "Choose one or more" : "Choose one";
        case NodeType::Ending:
            return node.outcome.empty() ? "Outcome not set" : "Outcome: " + node.outcome;
    }
    return {};
}

std::string pinLabel(const Node& node, const Link& link) {
    if (link.slot == LinkSlot::Choice) return node.choices[link.item].text;
    if (link.slot == LinkSlot::Option) return node.options[link.item].text;
    return node.type == NodeType::Checklist ? "Next" : "Otherwise";
}

ImU32 pinFill(const Link& link, ImU32 band, ImU32 card) {
    if (link.state == LinkState::Unknown) return withAlpha(ui::palette().warn);
    return link.state == LinkState::Linked ? band : card;
}

// The pill above the start card.
void drawStartMarker(ImDrawList* draw, ImVec2 min, float unit) {
    const ui::Palette& colours = ui::palette();
    const float size = std::max(unit * 0.8f * static_cast<float>(kUnitsPerEm), ImGui::GetFontSize() * 0.7f);
    const char* label = "Start";
    const ImVec2 pad(size * 0.5f, size * 0.15f);
    const float width = textWidth(boldFont(), size, label) + pad.x * 2;
    const ImVec2 top(min.x, min.y - size - pad.y * 2 - size * 0.3f);
    draw->AddRectFilled(top, ImVec2(top.x + width, top.y + size + pad.y * 2), withAlpha(colours.accent), size * 0.6f);
    draw->AddText(boldFont(), size, ImVec2(top.x + pad.x, top.y + pad.y), withAlpha(colours.accentText), label);
}

// A round "!" on the card's top-right corner: a link that leads nowhere.
void drawWarningMarker(ImDrawList* draw, ImVec2 corner, float unit) {
    const ui::Palette& colours = ui::palette();
    const float radius = std::max(unit * 0.7f * static_cast<float>(kUnitsPerEm), ImGui::GetFontSize() * 0.5f);
    const ImVec2 centre(corner.x - radius * 0.3f, corner.y + radius * 0.3f);
    draw->AddCircleFilled(centre, radius, withAlpha(colours.warn));
    draw->AddCircle(centre, radius, withAlpha(colours.card), 0, std::max(1.0f, radius * 0.15f));
    const float size = radius * 1.5f;
    const float width = textWidth(boldFont(), size, "!");
    draw->AddText(boldFont(), size, ImVec2(centre.x - width / 2, centre.y - size / 2), withAlpha(colours.card), "!");
}

// The card's outline: an accent ring when selected or a pin is dropped on it, else its border.
void drawOutline(ImDrawList* draw, ImVec2 min, ImVec2 max, float rounding, const CardPaint& paint) {
    const ui::Palette& colours = ui::palette();
    const float border = std::max(1.0f, ImGui::GetStyle().FrameBorderSize);
    if (paint.selected || paint.dropTarget) {
        const float glow = ImGui::GetFontSize() * 0.22f;
        draw->AddRect(ImVec2(min.x - glow, min.y - glow), ImVec2(max.x + glow, max.y + glow),
                      withAlpha(colours.accent, 0.3f), rounding + glow, 0, glow);
        draw->AddRect(min, max, withAlpha(colours.accent), rounding, 0, border + 1.5f);
    } else {
        draw->AddRect(min, max, paint.hovered ? withAlpha(colours.muted) : withAlpha(colours.cardBorder), rounding, 0,
                      border);
    }
}

// A card too small to read: a block in its type's colour with its id.
void drawOverviewCard(ImDrawList* draw, const Node& node, ImVec2 min, ImVec2 max, float rounding) {
    const TypeColours type = typeColours(node.type);
    draw->AddRectFilled(min, max, type.band, rounding);
    const float size = std::min(ImGui::GetFontSize() * 0.75f, (max.y - min.y) * 0.5f);
    const float room = max.x - min.x - size;
    if (size < 5.0f || room < size * 2) return;
    const std::string id = fitted(boldFont(), size, node.id, room);
    draw->AddText(boldFont(), size, ImVec2(min.x + size * 0.5f, (min.y + max.y - size) / 2), type.ink, id.c_str());
}

void drawDetailedCard(ImDrawList* draw, const Scenario& scenario, const Node& node,
                      const std::vector<const Link*>& links, ImVec2 min, ImVec2 max, float unit, float rounding) {
    const ui::Palette& colours = ui::palette();
    const TypeColours type = typeColours(node.type);
    const float em = unit * static_cast<float>(kUnitsPerEm);
    const float pad = em * 0.6f;
    const float inner = max.x - min.x - pad * 2;
    ImFont* body = ImGui::GetFont();
    ImFont* bold = boldFont();
    const ImU32 text = withAlpha(colours.text), muted = withAlpha(colours.muted);
    const ImU32 card = withAlpha(colours.card);

    const float header = static_cast<float>(kHeaderEm) * em;
    draw->AddRectFilled(min, ImVec2(max.x, min.y + header), type.band, rounding, ImDrawFlags_RoundCornersTop);
    const float titleSize = em * 0.95f, typeSize = em * 0.75f;
    const float typeWidth = textWidth(body, typeSize, typeLabel(node.type));
    const std::string id = fitted(bold, titleSize, node.id, inner - typeWidth - pad);
    draw->AddText(bold, titleSize, ImVec2(min.x + pad, min.y + (header - titleSize) / 2), type.ink, id.c_str());
    draw->AddText(body, typeSize, ImVec2(max.x - pad - typeWidth, min.y + (header - typeSize) / 2), type.ink,
                  typeLabel(node.type));

    const float line = static_cast<float>(kLineEm) * em;
    const float textSize = em * 0.9f;
    float y = min.y + header + static_cast<float>(kPadEm) * em + (line - textSize) / 2;
    const float labelSize = em * 0.84f;  // the line under the header and the pins' labels
    draw->AddText(body, labelSize, ImVec2(min.x + pad, y), muted,
                  fitted(body, labelSize, aboutLine(scenario, node), inner).c_str());
    const std::string& words = node.text.empty() ? node.prompt : node.text;
    const auto [first, second] = twoLines(body, textSize, words, inner);
    draw->AddText(body, textSize, ImVec2(min.x + pad, y + line), text, first.c_str());
    draw->AddText(body, textSize, ImVec2(min.x + pad, y + 2 * line), text, second.c_str());

    if (links.empty()) return;
    const float rows = min.y + static_cast<float>(kBodyEm) * em;
    draw->AddLine(ImVec2(min.x + pad * 0.5f, rows - 1), ImVec2(max.x - pad * 0.5f, rows - 1),
                  withAlpha(colours.cardBorder));
    for (std::size_t p = 0; p < links.size(); ++p) {
        const float centre = min.y + static_cast<float>(pinOffset(p)) * unit;
        const std::string label = fitted(body, labelSize, pinLabel(node, *links[p]), inner - pad);
        draw->AddText(body, labelSize, ImVec2(min.x + pad, centre - labelSize / 2),
                      links[p]->broken() ? withAlpha(colours.warn) : muted, label.c_str());
        const float radius = std::max(em * 0.3f, 2.5f);
        draw->AddCircleFilled(ImVec2(max.x, centre), radius, pinFill(*links[p], type.band, card));
        draw->AddCircle(ImVec2(max.x, centre), radius, type.band, 0, std::max(1.0f, em * 0.09f));
    }
}

}  // namespace

void drawCard(ImDrawList* draw, const Scenario& scenario, std::size_t index, const StoryGraph& graph,
              const CardPaint& paint) {
    const Node& node = scenario.nodes[index];
    const CardSize size = cardSize(node);
    const ImVec2 min = paint.min;
    const ImVec2 max(min.x + static_cast<float>(size.width) * paint.unit,
                     min.y + static_cast<float>(size.height) * paint.unit);
    const float em = paint.unit * static_cast<float>(kUnitsPerEm);
    const float rounding = std::max(2.0f, em * 0.4f);
    const ui::Palette& colours = ui::palette();

    draw->AddRectFilled(ImVec2(min.x, min.y + em * 0.15f), ImVec2(max.x, max.y + em * 0.2f), IM_COL32(0, 0, 0, 22),
                        rounding);  // a soft shadow lifts the card off the canvas
    draw->AddRectFilled(min, max, withAlpha(colours.card), rounding);
    if (showsDetail(paint.unit)) {
        std::vector<const Link*> links;
        for (std::size_t l : graph.out[index]) links.push_back(&graph.links[l]);
        drawDetailedCard(draw, scenario, node, links, min, max, paint.unit, rounding);
        const float radius = std::max(em * 0.22f, 2.0f);  // where arrows arrive
        draw->AddCircleFilled(ImVec2(min.x, min.y + static_cast<float>(inputOffset()) * paint.unit), radius,
                              withAlpha(colours.cardBorder));
    } else {
        drawOverviewCard(draw, node, min, max, rounding);
    }
    drawOutline(draw, min, max, rounding, paint);
    if (paint.start) drawStartMarker(draw, min, paint.unit);
    if (paint.broken) drawWarningMarker(draw, ImVec2(max.x, min.y), paint.unit);
}

// -------------------------------------------------------------------------------------- links

namespace {

struct Curve {
    ImVec2 p0, p1, p2, p3;
};

// Leaves to the right and arrives from the left; a link back to an earlier column loops round.
Curve linkCurve(ImVec2 from, ImVec2 to, float unit) {
    const float reach = std::max(std::fabs(to.x - from.x) * 0.45f, unit * static_cast<float>(kUnitsPerEm) * 3.0f);
    return {from, ImVec2(from.x + reach, from.y), ImVec2(to.x - reach, to.y), to};
}

}  // namespace

void drawLink(ImDrawList* draw, ImVec2 from, ImVec2 to, float unit, ImU32 colour, float thickness) {
    const float head = std::max(thickness * 3.5f, unit * static_cast<float>(kUnitsPerEm) * 0.5f);
    const ImVec2 tip(to.x - std::max(unit * static_cast<float>(kUnitsPerEm) * 0.25f, 2.0f), to.y);
    const ImVec2 base(tip.x - head, tip.y);
    const Curve curve = linkCurve(from, base, unit);
    draw->AddBezierCubic(curve.p0, curve.p1, curve.p2, curve.p3, colour, thickness);
    draw->AddTriangleFilled(tip, ImVec2(base.x, base.y - head * 0.55f), ImVec2(base.x, base.y + head * 0.55f), colour);
}

bool linkVisible(ImVec2 from, ImVec2 to, float unit, ImVec2 viewMin, ImVec2 viewMax) {
    const Curve curve = linkCurve(from, to, unit);
    const float left = std::min({curve.p0.x, curve.p1.x, curve.p2.x, curve.p3.x});
    const float right = std::max({curve.p0.x, curve.p1.x, curve.p2.x, curve.p3.x});
    const float top = std::min(from.y, to.y), bottom = std::max(from.y, to.y);
    return right >= viewMin.x && left <= viewMax.x && bottom >= viewMin.y && top <= viewMax.y;
}

}  // namespace haven::editor
