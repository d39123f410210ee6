// The map's mouse and keys: a gesture starts on a press over the canvas (pan, move cards, box
// select, link from a pin, steer the minimap), follows the mouse, and ends in at most one command.
// Index: hit tests · starting · following and ending · commands · what a gesture draws.
#include "app/map_cards.hpp"
#include "app/map_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace haven::editor {
namespace {

bool inside(ImVec2 p, ImVec2 min, ImVec2 max) {
    return p.x >= min.x && p.y >= min.y && p.x < max.x && p.y < max.y;
}

// Every map edit is its own undo step: two quick links of the same choice must not merge.
void commit(EditorContext& context, CommandPtr command) {
    context.doc().history().endMerge();
    context.execute(std::move(command));
    context.doc().history().endMerge();
}

CommandPtr setTarget(const Link& link, const std::string& target) {
    switch (link.slot) {
        case LinkSlot::Choice:
            return setChoiceText(link.from, link.item, ChoiceText::GoTo, target);
        case LinkSlot::Option:
            return setOptionText(link.from, link.item, OptionText::GoTo, target);
        case LinkSlot::Node:
            break;
    }
    return setNodeText(link.from, NodeText::GoTo, target);
}

// "scene-1", "scene-2"…: the first not taken.
std::string freeSceneId(const Scenario& scenario) {
    std::set<std::string> taken;
    for (const auto& node : scenario.nodes) taken.insert(node.id);
    for (std::size_t n = 1;; ++n)
        if (std::string id = "scene-" + std::to_string(n); !taken.count(id)) return id;
}

// A new scene's top-left for a card centred under the pointer at `at`.
EditorPosition centredAt(EditorPosition at) {
    return {at.x - cardSize(Node{}).width / 2, at.y - inputOffset()};
}

std::string describeLink(const Scenario& scenario, const Link& link) {
    const Node& node = scenario.nodes[link.from];
    std::string what = link.slot == LinkSlot::Choice      ? "Choice " + std::to_string(link.item + 1)
                       : link.slot == LinkSlot::Option    ? "Option " + std::to_string(link.item + 1)
                       : node.type == NodeType::Checklist ? "The next node"
                                                          : "The fallback";
    if (link.state == LinkState::Unknown) return what + " goes to “" + link.target + "”, which is not a node";
    return what + " leads nowhere yet: drag its pin to a card";
}

}  // namespace

// ---------------------------------------------------------------------------------- hit tests

std::optional<std::size_t> MapView::cardAt(ImVec2 screen) const {
    for (auto it = visible_.rbegin(); it != visible_.rend(); ++it) {
        const ImVec2 min = toScreen(position(*it));
        const ImVec2 max(min.x + static_cast<float>(cache_.sizes[*it].width) * unit(),
                         min.y + static_cast<float>(cache_.sizes[*it].height) * unit());
        if (inside(screen, min, max)) return *it;
    }
    return std::nullopt;
}

std::optional<std::size_t> MapView::pinAt(ImVec2 screen) const {
    if (!showsDetail(unit())) return std::nullopt;  // pins are drawn only with the card's details
    const float reach = std::max(unit() * static_cast<float>(kUnitsPerEm) * 0.6f, ui::em() * 0.45f);
    for (auto it = visible_.rbegin(); it != visible_.rend(); ++it) {
        const auto& pins = cache_.graph.out[*it];
        for (std::size_t pin = 0; pin < pins.size(); ++pin) {
            const ImVec2 centre = pinScreen(*it, pin);
            if (std::hypot(screen.x - centre.x, screen.y - centre.y) <= reach) return pins[pin];
        }
    }
    return std::nullopt;
}

// ----------------------------------------------------------------------------------- starting

void MapView::handleInput(EditorContext& context) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsItemHovered();
    hovered_ = hovered && !overMinimap(io.MousePos) && (gesture_ == Gesture::None || gesture_ == Gesture::Link)
                   ? cardAt(io.MousePos)
                   : std::nullopt;
    if (hovered && io.MouseWheel != 0.0f) zoomAround(io.MousePos, zoom_ * std::pow(1.15f, io.MouseWheel));
    if (gesture_ == Gesture::None && hovered)
        startGesture(context);
    else if (gesture_ != Gesture::None && !io.MouseDown[button_])
        endGesture(context);
    else if (gesture_ != Gesture::None)
        continueGesture();

    if (gesture_ == Gesture::None && hovered && pinAt(io.MousePos)) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (gesture_ == Gesture::Move && dragged_) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);

    // Keys reach the map while the pointer is over it or it has focus, and no field is typed in.
    if (!(hovered || ImGui::IsWindowFocused()) || io.WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) cancelGesture();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) && gesture_ == Gesture::None)
        deleteSelection(context);
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_A), false)) {
        context.selected.resize(cache_.sizes.size());
        for (std::size_t n = 0; n < context.selected.size(); ++n) context.selected[n] = n;
    }
    if (gesture_ == Gesture::None) nudgeSelection(context);
}

// The arrow keys move the selection by an em (Shift: four), for those who cannot drag. A held
// key's moves merge into one undo step, as a drag's do.
void MapView::nudgeSelection(EditorContext& context) {
    const std::pair<ImGuiKey, EditorPosition> keys[] = {{ImGuiKey_LeftArrow, {-1, 0}},
                                                        {ImGuiKey_RightArrow, {1, 0}},
                                                        {ImGuiKey_UpArrow, {0, -1}},
                                                        {ImGuiKey_DownArrow, {0, 1}}};
    const double step = kUnitsPerEm * (ImGui::GetIO().KeyShift ? 4 : 1);
    for (const auto& [key, direction] : keys) {
        if (context.selected.empty() || !ImGui::IsKeyPressed(ImGui::GetKeyIndex(key))) continue;
        std::vector<std::pair<std::size_t, EditorPosition>> moves;
        for (std::size_t n : context.selected) {
            const EditorPosition p = position(n);
            moves.emplace_back(n, EditorPosition{p.x + direction.x * step, p.y + direction.y * step});
        }
        context.execute(moveNodes(moves));
    }
}

void MapView::startGesture(EditorContext& context) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    pressedAt_ = mouse;
    additive_ = io.KeyCtrl || io.KeyShift;
    dragged_ = false;
    const bool space = ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Space)) && !io.WantTextInput;
    for (int button : {ImGuiMouseButton_Right, ImGuiMouseButton_Middle})
        if (ImGui::IsMouseClicked(button)) {
            gesture_ = Gesture::Pan;
            button_ = button;
        }
    if (gesture_ != Gesture::None || !ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
    button_ = ImGuiMouseButton_Left;
    if (space) {
        gesture_ = Gesture::Pan;
    } else if (overMinimap(mouse)) {
        gesture_ = Gesture::Minimap;
        continueGesture();
    } else if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        // A card opens in the inspector; empty canvas gets a new scene under the pointer.
        if (auto card = cardAt(mouse)) {
            context.select(*card);
            context.sideTab = SideTab::Inspector;
        } else {
            addScene(context, centredAt(toMap(mouse)), std::nullopt);
        }
    } else if (auto pin = pinAt(mouse)) {
        gesture_ = Gesture::Link;
        linkFrom_ = *pin;
    } else if (auto card = cardAt(mouse)) {
        clickCard(context, *card);
        gesture_ = Gesture::Move;
    } else {
        gesture_ = Gesture::Box;
    }
}

void MapView::clickCard(EditorContext& context, std::size_t node) {
    pressedCard_ = node;
    if (additive_) {
        auto at = std::find(context.selected.begin(), context.selected.end(), node);
        if (at != context.selected.end())
            context.selected.erase(at);
        else
            context.selected.push_back(node);
    } else if (!context.isSelected(node)) {
        context.select(node);
    }
    // A press on a selected card drags the whole selection; on one just unselected, nothing.
    moving_ = context.isSelected(node) ? context.selected : std::vector<std::size_t>{};
    isMoving_.assign(cache_.sizes.size(), false);
    for (std::size_t n : moving_) isMoving_[n] = true;
    moveBy_ = {};
}

// ------------------------------------------------------------------------ following and ending

void MapView::continueGesture() {
    const ImGuiIO& io = ImGui::GetIO();
    dragged_ = dragged_ || ImGui::IsMouseDragging(button_);
    switch (gesture_) {
        case Gesture::Pan:
            origin_.x -= io.MouseDelta.x / unit();
            origin_.y -= io.MouseDelta.y / unit();
            break;
        case Gesture::Move:
            if (dragged_)
                moveBy_ = {std::round((io.MousePos.x - pressedAt_.x) / unit()),
                           std::round((io.MousePos.y - pressedAt_.y) / unit())};
            break;
        case Gesture::Minimap: {
            const MinimapFrame minimap = minimapFrame();
            const EditorPosition at{minimap.origin.x + (io.MousePos.x - minimap.min.x) / minimap.scale,
                                    minimap.origin.y + (io.MousePos.y - minimap.min.y) / minimap.scale};
            origin_ = {at.x - (canvasMax_.x - canvasMin_.x) / 2 / unit(),
                       at.y - (canvasMax_.y - canvasMin_.y) / 2 / unit()};
            break;
        }
        case Gesture::Box:
        case Gesture::Link:
        case Gesture::None:
            break;
    }
}

void MapView::endGesture(EditorContext& context) {
    if (gesture_ == Gesture::Move) finishMove(context);
    if (gesture_ == Gesture::Box) finishBox(context);
    if (gesture_ == Gesture::Link) finishLink(context);
    if (gesture_ == Gesture::Pan && button_ == ImGuiMouseButton_Right && !dragged_) {
        // A right-click without a drag opens the menu, for the card under it if any.
        if (auto card = cardAt(pressedAt_); card && !context.isSelected(*card)) context.select(*card);
        menuAt_ = toMap(pressedAt_);
        ImGui::OpenPopup("map menu");
    }
    cancelGesture();
}

void MapView::cancelGesture() {
    gesture_ = Gesture::None;
    moving_.clear();
    isMoving_.clear();
    moveBy_ = {};
}

// The whole drag is one command, made when the button is let go: one undo step however long
// the drag paused on the way.
void MapView::finishMove(EditorContext& context) {
    if (!dragged_ || moving_.empty() || (moveBy_.x == 0.0 && moveBy_.y == 0.0)) {
        // A plain click on a card of a larger selection selects that card alone.
        if (!dragged_ && !additive_ && pressedCard_ && context.selected.size() > 1) context.select(*pressedCard_);
        return;
    }
    std::vector<std::pair<std::size_t, EditorPosition>> moves;
    for (std::size_t n : moving_) moves.emplace_back(n, position(n));
    commit(context, moveNodes(moves));
}

void MapView::finishBox(EditorContext& context) {
    if (!additive_) context.selected.clear();
    if (!dragged_) return;  // a click on empty canvas only clears the selection
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const EditorPosition a = toMap(pressedAt_), b = toMap(mouse);
    const EditorPosition min{std::min(a.x, b.x), std::min(a.y, b.y)}, max{std::max(a.x, b.x), std::max(a.y, b.y)};
    std::vector<bool> selected(cache_.sizes.size(), false);
    for (std::size_t n : context.selected) selected[n] = true;
    for (std::size_t n = 0; n < cache_.sizes.size(); ++n) {
        const EditorPosition p = position(n);
        const bool touches = p.x <= max.x && p.y <= max.y && p.x + cache_.sizes[n].width >= min.x &&
                             p.y + cache_.sizes[n].height >= min.y;
        if (touches && !selected[n]) context.selected.push_back(n);
    }
}

void MapView::finishLink(EditorContext& context) {
    if (!dragged_) return;  // a click on a pin is not a link to the card it sits on
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const Link link = cache_.graph.links[linkFrom_];
    if (auto target = cardAt(mouse)) {
        commit(context, setTarget(link, context.scenario().nodes[*target].id));
        context.notice =
            "Linked " + context.scenario().nodes[link.from].id + " to " + context.scenario().nodes[*target].id;
    } else if (inside(mouse, canvasMin_, canvasMax_) && !overMinimap(mouse)) {
        // Let go on empty canvas: the link gets a new scene there to lead to.
        const EditorPosition at = toMap(mouse);
        addScene(context, {at.x, at.y - inputOffset()}, linkFrom_);
    }
}

// ------------------------------------------------------------------------------------ commands

// A new empty scene near `at` (moved to free space), selected at once; when `linkFrom` names a
// link, that link leads to it, in the same undo step.
void MapView::addScene(EditorContext& context, EditorPosition at, std::optional<std::size_t> linkFrom) {
    const Scenario& scenario = context.scenario();
    Node node;
    node.id = freeSceneId(scenario);
    const EditorPosition free = placeInFreeSpace(scenario, cache_.sizes, at, cardSize(node), kCardMargin);
    node.position = EditorPosition{std::round(free.x), std::round(free.y)};
    const std::size_t index = scenario.nodes.size();
    const std::string id = node.id;
    std::vector<CommandPtr> parts;
    parts.push_back(addNode(std::move(node)));
    if (linkFrom) parts.push_back(setTarget(cache_.graph.links[*linkFrom], id));
    commit(context, bulk(linkFrom ? "Add a linked scene" : "Add scene", std::move(parts)));
    context.select(index);
    context.notice = "Added " + id;
}

void MapView::deleteSelection(EditorContext& context) {
    if (context.selected.empty()) return;
    const std::size_t count = context.selected.size();
    commit(context, deleteNodes(context.scenario(), context.selected));
    context.selected.clear();
    context.notice = count == 1 ? "Deleted 1 node (Ctrl+Z brings it back)"
                                : "Deleted " + std::to_string(count) + " nodes (Ctrl+Z brings them back)";
}

// Right-click: the toolbar's and the keys' verbs, where the pointer is.
void MapView::drawMenu(EditorContext& context) {
    if (!ImGui::BeginPopup("map menu")) return;
    if (ImGui::MenuItem("Add a scene here")) addScene(context, centredAt(menuAt_), std::nullopt);
    if (ImGui::MenuItem("Delete the selection", "Delete", false, !context.selected.empty())) deleteSelection(context);
    ImGui::Separator();
    if (ImGui::MenuItem("Arrange")) arrangeAll(context);
    if (ImGui::MenuItem("Zoom to fit")) zoomToFit();
    ImGui::EndPopup();
}

// -------------------------------------------------------------------------- what a gesture draws

void MapView::drawGesture(ImDrawList* draw) const {
    const ui::Palette& colours = ui::palette();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (gesture_ == Gesture::Box && dragged_) {
        const ImVec2 min(std::min(pressedAt_.x, mouse.x), std::min(pressedAt_.y, mouse.y));
        const ImVec2 max(std::max(pressedAt_.x, mouse.x), std::max(pressedAt_.y, mouse.y));
        draw->AddRectFilled(min, max, withAlpha(colours.accent, 0.12f));
        draw->AddRect(min, max, withAlpha(colours.accent), 0, 0, 1.5f);
    }
    if (gesture_ == Gesture::Link) {
        const Link& link = cache_.graph.links[linkFrom_];
        const auto& pins = cache_.graph.out[link.from];
        const std::size_t pin = static_cast<std::size_t>(std::find(pins.begin(), pins.end(), linkFrom_) - pins.begin());
        const ImVec2 to = hovered_ ? inputScreen(*hovered_) : mouse;
        drawLink(draw, pinScreen(link.from, pin), to, unit(), withAlpha(colours.accent), 2.5f);
    }
}

// Where a dragged pin would link; or, over a card, what it cannot show at this zoom (its text)
// and what is wrong with its links.
void MapView::drawHoverHelp(const EditorContext& context) const {
    if (!hovered_) return;
    const Node& node = context.scenario().nodes[*hovered_];
    if (gesture_ == Gesture::Link) {
        ImGui::SetTooltip("Link to %s", node.id.c_str());
        return;
    }
    const bool broken = cache_.graph.hasBrokenLink(*hovered_);
    const bool small = !showsDetail(unit());
    if (gesture_ != Gesture::None || (!broken && !small)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ui::em() * 24);
    if (small) {
        constexpr std::size_t kShown = 240;
        std::string words = node.text.empty() ? node.prompt : node.text;
        if (words.size() > kShown) {
            std::size_t cut = kShown;
            while (cut > 0 && (static_cast<unsigned char>(words[cut]) & 0xC0) == 0x80) --cut;
            words = words.substr(0, cut) + "…";
        }
        ui::boldText(node.id + " · " + typeLabel(node.type));
        if (!words.empty()) ui::text(words);
    }
    for (std::size_t l : cache_.graph.out[*hovered_])
        if (cache_.graph.links[l].broken())
            ui::colouredText(ui::palette().warn, describeLink(context.scenario(), cache_.graph.links[l]));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace haven::editor
