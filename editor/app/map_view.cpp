// Index: the frame · what the map shows · the toolbar · the canvas · the camera · arranging.
#include "app/map_view.hpp"

#include "app/map_cards.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace haven::editor {
namespace {

constexpr float kMinZoom = 0.1f;
constexpr float kMaxZoom = 2.0f;
// A new document opens no smaller than this, so its cards can be read; "Zoom to fit" goes lower.
constexpr float kReadableZoom = 0.8f;

}  // namespace

// ---------------------------------------------------------------------------------- the frame

void MapView::draw(EditorContext& context) {
    refresh(context);
    drawToolbar(context);
    drawCanvas(context);
}

// -------------------------------------------------------------------------- what the map shows

void MapView::refresh(const EditorContext& context) {
    const Document& document = *context.document;
    const Scenario& scenario = document.scenario();
    const bool otherDocument =
        cache_.document != &document || cache_.file != document.file() || document.revision() < cache_.revision;
    if (!otherDocument && cache_.revision == document.revision() && cache_.sizes.size() == scenario.nodes.size())
        return;
    if (otherDocument) fitPending_ = true;
    // The scenario changed under a gesture (an undo, another panel): what it held may be gone.
    cancelGesture();
    hovered_.reset();
    pressedCard_.reset();

    cache_.document = &document;
    cache_.file = document.file();
    cache_.revision = document.revision();
    cache_.graph = buildStoryGraph(scenario);
    cache_.sizes.clear();
    cache_.positions.assign(scenario.nodes.size(), {});
    std::optional<EditorPosition> min, max;
    auto grow = [&](EditorPosition p, CardSize size) {
        min = EditorPosition{std::min(min ? min->x : p.x, p.x), std::min(min ? min->y : p.y, p.y)};
        max = EditorPosition{std::max(max ? max->x : p.x + size.width, p.x + size.width),
                             std::max(max ? max->y : p.y + size.height, p.y + size.height)};
    };
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        cache_.sizes.push_back(cardSize(scenario.nodes[n]));
        if (const auto& p = scenario.nodes[n].position) {
            cache_.positions[n] = *p;
            grow(*p, cache_.sizes[n]);
        }
    }
    // Nodes nobody placed (added by another panel) wait in a column right of the rest.
    const LayoutSpacing spacing;
    EditorPosition next{max ? max->x + spacing.betweenLayers : 0.0, min ? min->y : 0.0};
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        if (scenario.nodes[n].position) continue;
        cache_.positions[n] = next;
        grow(next, cache_.sizes[n]);
        next.y += cache_.sizes[n].height + spacing.betweenCards;
    }
    cache_.min = min.value_or(EditorPosition{});
    cache_.max = max.value_or(EditorPosition{});
}

EditorPosition MapView::position(std::size_t node) const {
    EditorPosition p = cache_.positions[node];
    if (gesture_ == Gesture::Move && node < isMoving_.size() && isMoving_[node]) {
        p.x += moveBy_.x;
        p.y += moveBy_.y;
    }
    return p;
}

// ---------------------------------------------------------------------------------- the toolbar

void MapView::drawToolbar(EditorContext& context) {
    const float em = ui::em();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em * 0.6f, em * 0.25f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(em * 0.4f, em * 0.5f));
    if (ImGui::Button("Arrange")) arrangeAll(context);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lay out every card in columns from the start (one undo step)");
    ImGui::SameLine();
    if (ImGui::Button("Zoom to fit")) zoomToFit();
    ImGui::SameLine(0, em);
    const ImVec2 middle((canvasMin_.x + canvasMax_.x) / 2, (canvasMin_.y + canvasMax_.y) / 2);
    if (ImGui::Button("–")) zoomAround(middle, zoom_ / 1.25f);
    ImGui::SameLine();
    const std::string percent = std::to_string(static_cast<int>(std::lround(zoom_ * 100))) + " %";
    if (ImGui::Button(percent.c_str(), ImVec2(em * 4, 0))) zoomAround(middle, 1.0f);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to 100 %%");
    ImGui::SameLine();
    if (ImGui::Button("+")) zoomAround(middle, zoom_ * 1.25f);
    // The longest hint that fits beside the buttons; none in a narrow window.
    const char* hints[] = {"Double-click to add a scene · drag a pin to link · right-drag or Space-drag to pan",
                           "Double-click to add a scene · drag a pin to link", "Double-click to add a scene"};
    ImGui::SameLine(0, em);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().muted);
    const float room = ImGui::GetContentRegionAvail().x;
    const auto fits = std::find_if(std::begin(hints), std::end(hints),
                                   [&](const char* hint) { return ImGui::CalcTextSize(hint).x <= room; });
    if (fits != std::end(hints)) ImGui::TextUnformatted(*fits);
    else ImGui::NewLine();  // ends the toolbar's line
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

// ----------------------------------------------------------------------------------- the canvas

void MapView::drawCanvas(EditorContext& context) {
    const ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, ui::em() * 10),
                      std::max(ImGui::GetContentRegionAvail().y, ui::em() * 8));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("map canvas", size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
    canvasMin_ = ImGui::GetCursorScreenPos();
    canvasMax_ = ImVec2(canvasMin_.x + size.x, canvasMin_.y + size.y);
    if (fitPending_) {
        fitAll(kReadableZoom);
        fitPending_ = false;
    }
    if (context.centreOnSelection) {
        if (auto node = context.primary()) {
            const ImVec2 min = toScreen(position(*node));
            const ImVec2 max(min.x + static_cast<float>(cache_.sizes[*node].width) * unit(),
                             min.y + static_cast<float>(cache_.sizes[*node].height) * unit());
            if (min.x < canvasMin_.x || min.y < canvasMin_.y || max.x > canvasMax_.x || max.y > canvasMax_.y)
                centreOn(*node);
        }
        context.centreOnSelection = false;
    }

    ImGui::InvisibleButton(
        "canvas", size,
        ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
    cullCards(context);
    handleInput(context);
    refresh(context);  // a gesture may have ended in a command
    cullCards(context);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(canvasMin_, canvasMax_, true);
    draw->AddRectFilled(canvasMin_, canvasMax_, ImGui::GetColorU32(ImGuiCol_WindowBg));
    drawGrid(draw);
    drawLinks(draw, false);
    drawCards(draw, context);
    drawLinks(draw, true);
    drawGesture(draw);
    drawLegend(draw);
    drawMinimap(draw);
    draw->PopClipRect();
    draw->AddRect(canvasMin_, canvasMax_, withAlpha(ui::palette().cardBorder), ImGui::GetStyle().ChildRounding, 0,
                  std::max(1.0f, ImGui::GetStyle().FrameBorderSize));
    drawHoverHelp(context);
    drawMenu(context);
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void MapView::cullCards(const EditorContext& context) {
    visible_.clear();
    isSelected_.assign(cache_.sizes.size(), false);
    for (std::size_t s : context.selected)
        if (s < isSelected_.size()) isSelected_[s] = true;
    const float u = unit();
    const float slack = ui::em() * 2;  // the start pill and the pins stick out of the card
    std::vector<std::size_t> selected;
    for (std::size_t n = 0; n < cache_.sizes.size(); ++n) {
        const ImVec2 min = toScreen(position(n));
        if (min.x > canvasMax_.x + slack || min.y > canvasMax_.y + slack ||
            min.x + static_cast<float>(cache_.sizes[n].width) * u < canvasMin_.x - slack ||
            min.y + static_cast<float>(cache_.sizes[n].height) * u < canvasMin_.y - slack)
            continue;
        (isSelected_[n] ? selected : visible_).push_back(n);
    }
    visible_.insert(visible_.end(), selected.begin(), selected.end());  // selected cards on top
}

void MapView::drawGrid(ImDrawList* draw) const {
    const double step = 2 * kUnitsPerEm;
    const float pixels = static_cast<float>(step) * unit();
    if (pixels < ui::em() * 0.8f) return;  // too dense to help
    const ImU32 dot = withAlpha(ui::palette().muted, 0.3f);
    const float size = std::max(1.0f, ui::em() * 0.1f);
    const double firstX = std::ceil(origin_.x / step) * step, firstY = std::ceil(origin_.y / step) * step;
    for (ImVec2 p = toScreen({firstX, firstY}); p.y < canvasMax_.y; p.y += pixels)
        for (float x = p.x; x < canvasMax_.x; x += pixels)
            draw->AddRectFilled(ImVec2(x, p.y), ImVec2(x + size, p.y + size), dot);
}

ImVec2 MapView::pinScreen(std::size_t node, std::size_t pin) const {
    const EditorPosition p = position(node);
    return toScreen({p.x + cache_.sizes[node].width, p.y + pinOffset(pin)});
}

ImVec2 MapView::inputScreen(std::size_t node) const {
    const EditorPosition p = position(node);
    return toScreen({p.x, p.y + inputOffset()});
}

// The links touching the selection (`highlighted`) or the others. The others pass under the
// cards; the selection's are drawn over them, so that a selected card's links can be followed
// all the way even where they cross other cards.
void MapView::drawLinks(ImDrawList* draw, bool highlighted) const {
    const ui::Palette& colours = ui::palette();
    const float thickness = std::clamp(1.6f * std::sqrt(zoom_), 1.0f, 2.5f);
    const ImU32 ink = highlighted ? withAlpha(colours.accent) : withAlpha(colours.muted, 0.55f);
    for (std::size_t n = 0; n < cache_.graph.out.size(); ++n)
        for (std::size_t pin = 0; pin < cache_.graph.out[n].size(); ++pin) {
            const Link& link = cache_.graph.links[cache_.graph.out[n][pin]];
            if (link.to == kNoNode || (isSelected_[n] || isSelected_[link.to]) != highlighted) continue;
            const ImVec2 from = pinScreen(n, pin), to = inputScreen(link.to);
            if (!linkVisible(from, to, unit(), canvasMin_, canvasMax_)) continue;
            drawLink(draw, from, to, unit(), ink, highlighted ? thickness * 1.5f : thickness);
        }
}

void MapView::drawCards(ImDrawList* draw, const EditorContext& context) const {
    for (std::size_t n : visible_) {
        CardPaint paint;
        paint.min = toScreen(position(n));
        paint.unit = unit();
        paint.selected = isSelected_[n];
        paint.hovered = hovered_ == n;
        paint.dropTarget = gesture_ == Gesture::Link && hovered_ == n;
        paint.start = n == cache_.graph.start;
        paint.broken = cache_.graph.hasBrokenLink(n);
        drawCard(draw, context.scenario(), n, cache_.graph, paint);
    }
}

// What each colour means, in the bottom-left corner.
void MapView::drawLegend(ImDrawList* draw) const {
    const ui::Palette& colours = ui::palette();
    const float em = ui::em(), size = em * 0.85f, swatch = em * 0.7f, pad = em * 0.5f;
    ImFont* font = ImGui::GetFont();
    const NodeType types[] = {NodeType::Scene, NodeType::Checklist, NodeType::Decision, NodeType::Ending};
    float width = pad;
    for (NodeType type : types)
        width += swatch + em * 0.35f + font->CalcTextSizeA(size, 1e6f, 0, typeLabel(type)).x + em * 0.8f;
    const ImVec2 min(canvasMin_.x + em * 0.6f, canvasMax_.y - em * 0.6f - size - pad * 2);
    draw->AddRectFilled(min, ImVec2(min.x + width, min.y + size + pad * 2), withAlpha(colours.card), em * 0.3f);
    draw->AddRect(min, ImVec2(min.x + width, min.y + size + pad * 2), withAlpha(colours.cardBorder), em * 0.3f);
    float x = min.x + pad;
    for (NodeType type : types) {
        const float top = min.y + pad + (size - swatch) / 2;
        draw->AddRectFilled(ImVec2(x, top), ImVec2(x + swatch, top + swatch), typeColours(type).band, em * 0.15f);
        x += swatch + em * 0.35f;
        draw->AddText(font, size, ImVec2(x, min.y + pad), withAlpha(colours.text), typeLabel(type));
        x += font->CalcTextSizeA(size, 1e6f, 0, typeLabel(type)).x + em * 0.8f;
    }
}

// ----------------------------------------------------------------------------------- the camera

float MapView::unit() const {
    return zoom_ * ui::em() / static_cast<float>(kUnitsPerEm);
}

ImVec2 MapView::toScreen(EditorPosition p) const {
    return ImVec2(canvasMin_.x + static_cast<float>((p.x - origin_.x) * unit()),
                  canvasMin_.y + static_cast<float>((p.y - origin_.y) * unit()));
}

EditorPosition MapView::toMap(ImVec2 p) const {
    return {origin_.x + (p.x - canvasMin_.x) / unit(), origin_.y + (p.y - canvasMin_.y) / unit()};
}

void MapView::zoomAround(ImVec2 screen, float zoom) {
    const EditorPosition anchor = toMap(screen);
    zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
    origin_ = {anchor.x - (screen.x - canvasMin_.x) / unit(), anchor.y - (screen.y - canvasMin_.y) / unit()};
}

// Shows every card, at no more than 100 % and no less than `smallestZoom`; what does not fit
// then shows its left (where the story starts), level with the start card.
void MapView::fitAll(float smallestZoom) {
    const double margin = 3 * kUnitsPerEm;
    const EditorPosition min{cache_.min.x - margin, cache_.min.y - margin};
    const EditorPosition max{cache_.max.x + margin, cache_.max.y + margin};
    const float width = canvasMax_.x - canvasMin_.x, height = canvasMax_.y - canvasMin_.y;
    const double fits = std::min(width / (max.x - min.x), height / (max.y - min.y));
    zoom_ = std::clamp(static_cast<float>(fits) * static_cast<float>(kUnitsPerEm) / ui::em(), smallestZoom, 1.0f);
    const double shownWidth = width / unit(), shownHeight = height / unit();
    double focusY = (min.y + max.y) / 2;
    if (cache_.graph.start != kNoNode && shownHeight < max.y - min.y)
        focusY = cache_.positions[cache_.graph.start].y + cache_.sizes[cache_.graph.start].height / 2;
    origin_.x = shownWidth >= max.x - min.x ? (min.x + max.x - shownWidth) / 2 : min.x;
    origin_.y = focusY - shownHeight / 2;
}

void MapView::zoomToFit() {
    fitAll(kMinZoom);
}

void MapView::centreOn(std::size_t node) {
    const EditorPosition p = position(node);
    origin_ = {p.x + cache_.sizes[node].width / 2 - (canvasMax_.x - canvasMin_.x) / 2 / unit(),
               p.y + cache_.sizes[node].height / 2 - (canvasMax_.y - canvasMin_.y) / 2 / unit()};
}

// ----------------------------------------------------------------------------------- arranging

void MapView::arrangeAll(EditorContext& context) {
    const Scenario& scenario = context.scenario();
    if (scenario.nodes.empty()) return;
    std::vector<CardSize> sizes;
    for (const auto& node : scenario.nodes) sizes.push_back(cardSize(node));
    const std::vector<EditorPosition> positions = layeredLayout(scenario, sizes);
    std::vector<std::pair<std::size_t, EditorPosition>> moves;
    for (std::size_t n = 0; n < positions.size(); ++n) moves.emplace_back(n, positions[n]);
    // Its own undo step: neither merged into a drag before it nor into one after.
    context.doc().history().endMerge();
    std::vector<CommandPtr> parts;
    parts.push_back(moveNodes(moves));
    context.execute(bulk("Arrange the map", std::move(parts)));
    context.doc().history().endMerge();
    fitPending_ = true;
}

}  // namespace haven::editor
