// The minimap: every card as a coloured block and the part of the map on screen as a frame, in
// the canvas's bottom-right corner. A press or drag there moves the view (map_input.cpp).
#include "app/map_cards.hpp"
#include "app/map_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <utility>

namespace haven::editor {

MapView::MinimapFrame MapView::minimapFrame() const {
    const float em = ui::em();
    // Small beside the cards: at most a quarter of the canvas's width and under a third of its height.
    const float width =
        std::min({em * 12, (canvasMax_.x - canvasMin_.x) * 0.25f, (canvasMax_.y - canvasMin_.y) * 0.45f});
    const float height = width * 0.62f;
    MinimapFrame frame;
    frame.max = ImVec2(canvasMax_.x - em * 0.6f, canvasMax_.y - em * 0.6f);
    frame.min = ImVec2(frame.max.x - width, frame.max.y - height);
    // The cards' box with a margin, centred in the frame at one scale for both axes.
    const double margin = 2 * kUnitsPerEm;
    const double worldWidth = cache_.max.x - cache_.min.x + 2 * margin;
    const double worldHeight = cache_.max.y - cache_.min.y + 2 * margin;
    frame.scale = std::min(width / worldWidth, height / worldHeight);
    frame.origin = {(cache_.min.x + cache_.max.x) / 2 - width / 2 / frame.scale,
                    (cache_.min.y + cache_.max.y) / 2 - height / 2 / frame.scale};
    const EditorPosition viewMin = toMap(canvasMin_), viewMax = toMap(canvasMax_);
    frame.shown =
        cache_.min.x < viewMin.x || cache_.min.y < viewMin.y || cache_.max.x > viewMax.x || cache_.max.y > viewMax.y;
    return frame;
}

bool MapView::overMinimap(ImVec2 screen) const {
    const MinimapFrame frame = minimapFrame();
    return frame.shown && screen.x >= frame.min.x && screen.y >= frame.min.y && screen.x < frame.max.x &&
           screen.y < frame.max.y;
}

void MapView::drawMinimap(ImDrawList* draw) const {
    const ui::Palette& colours = ui::palette();
    const MinimapFrame frame = minimapFrame();
    if (!frame.shown) return;
    const float rounding = ui::em() * 0.3f;
    auto onMinimap = [&](EditorPosition p) {
        return ImVec2(frame.min.x + static_cast<float>((p.x - frame.origin.x) * frame.scale),
                      frame.min.y + static_cast<float>((p.y - frame.origin.y) * frame.scale));
    };
    draw->AddRectFilled(frame.min, frame.max, withAlpha(colours.card), rounding);
    draw->PushClipRect(frame.min, frame.max, true);
    const Scenario& scenario = cache_.document->scenario();
    for (std::size_t n = 0; n < cache_.sizes.size() && n < scenario.nodes.size(); ++n) {
        const EditorPosition p = position(n);
        const ImVec2 min = onMinimap(p);
        const ImVec2 max = onMinimap({p.x + cache_.sizes[n].width, p.y + cache_.sizes[n].height});
        // At least a pixel and a half, so that a card of a large scenario does not vanish.
        draw->AddRectFilled(min, ImVec2(std::max(max.x, min.x + 1.5f), std::max(max.y, min.y + 1.5f)),
                            typeColours(scenario.nodes[n].type).band);
    }
    ImVec2 viewMin = onMinimap(toMap(canvasMin_)), viewMax = onMinimap(toMap(canvasMax_));
    // However far out the map reaches, the frame of the view stays big enough to find.
    const float least = ui::em() * 0.5f;
    for (auto [low, high] : {std::pair{&viewMin.x, &viewMax.x}, std::pair{&viewMin.y, &viewMax.y}})
        if (*high - *low < least) {
            const float middle = (*low + *high) / 2;
            *low = middle - least / 2;
            *high = middle + least / 2;
        }
    draw->AddRectFilled(viewMin, viewMax, withAlpha(colours.accent, 0.12f));
    draw->AddRect(viewMin, viewMax, withAlpha(colours.accent), 0, 0, 1.5f);
    draw->PopClipRect();
    draw->AddRect(frame.min, frame.max, withAlpha(colours.cardBorder), rounding);
}

}  // namespace haven::editor
