// The editor's frame. Index: the frame · menu bar and shortcuts · welcome · workspace (map or
// play-test, problems, side tabs) · status bar · modals (confirm close, recovery, messages).
#include "app/editor_app.hpp"

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <SDL_scancode.h>
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <utility>
#include <vector>

namespace haven::editor {
namespace fs = std::filesystem;

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// A shortcut with Ctrl (and Shift when `shift`); SDL's backend indexes keys by scancode.
bool shortcut(SDL_Scancode key, bool shift = false) {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyCtrl && io.KeyShift == shift && !io.KeyAlt && ImGui::IsKeyPressed(key, false);
}

// A fixed panel at `pos` of `size`: the workspace is tiled, not floating windows to lose.
bool beginPanel(const char* id, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    return ImGui::Begin(id, nullptr, kPanelFlags | extra);
}

float statusBarHeight() {
    return ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().WindowPadding.y;
}

// A thin handle over the border between two panels; dragging it moves the border. Returns the
// mouse position along the dragged axis while it is held.
std::optional<float> splitter(const char* id, ImVec2 pos, ImVec2 size, bool vertical) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));  // as thin as asked, not ImGui's 32 px
    // Not NoBringToFrontOnFocus, unlike the panels: ImGui puts such windows behind the others,
    // and the handle must lie over the two panels it divides.
    const ImGuiWindowFlags flags = (kPanelFlags & ~ImGuiWindowFlags_NoBringToFrontOnFocus) |
                                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar;
    ImGui::Begin(id, nullptr, flags);
    ImGui::InvisibleButton("handle", size);
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
        ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
        // A line in the accent colour down the middle says the border can be moved.
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        const ImVec2 mid((min.x + max.x) / 2, (min.y + max.y) / 2);
        const ImVec2 from = vertical ? ImVec2(mid.x, min.y) : ImVec2(min.x, mid.y);
        const ImVec2 to = vertical ? ImVec2(mid.x, max.y) : ImVec2(max.x, mid.y);
        ImGui::GetWindowDrawList()->AddLine(from, to, ImGui::GetColorU32(ui::palette().accent), 2);
    }
    std::optional<float> at;
    if (ImGui::IsItemActive()) at = vertical ? ImGui::GetIO().MousePos.x : ImGui::GetIO().MousePos.y;
    ImGui::End();
    ImGui::PopStyleVar(2);
    return at;
}

}  // namespace

// ------------------------------------------------------------------------------ the frame

void EditorApp::drawFrame() {
    if (document_) context_.pruneSelection();
    handleShortcuts();
    drawMenuBar();
    if (document_) drawWorkspace();
    else drawWelcome();
    drawStatusBar(statusBarHeight());

    if (auto chosen = picker_.draw()) {
        if (pickerUse_ == PickerUse::Open) request(Pending::Open, *chosen);
        else if (pickerUse_ == PickerUse::SaveAs) saveAs(*chosen);
        pickerUse_ = PickerUse::None;
    }
    drawConfirmClose();
    drawRecoveryOffer();
    if (!message_.empty()) {
        ImGui::OpenPopup("Haven Editor");
        ImGui::SetNextWindowSize(ImVec2(34 * ui::em(), 0));
        if (ImGui::BeginPopupModal("Haven Editor", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
            ui::text(message_);
            if (ui::primaryButton("OK")) {
                message_.clear();
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
    }
}

// ----------------------------------------------------------------- menu bar and shortcuts

void EditorApp::handleShortcuts() {
    if (shortcut(SDL_SCANCODE_N)) request(Pending::New);
    if (shortcut(SDL_SCANCODE_O)) {
        openPicker(PickerUse::Open);
    }
    if (shortcut(SDL_SCANCODE_Q)) request(Pending::Quit);
    if (!document_) return;
    if (shortcut(SDL_SCANCODE_S)) save();
    if (shortcut(SDL_SCANCODE_S, true)) {
        openPicker(PickerUse::SaveAs);
    }
    // Inside a text field Ctrl+Z is the field's own: an active ImGui field keeps its own copy of
    // the text and would not follow a document undo (its edits reach the document as they are
    // typed, merged into one step). Elsewhere it undoes the document's last step, whatever it was.
    if (!ImGui::GetIO().WantTextInput) {
        if (shortcut(SDL_SCANCODE_Z)) document_->undo();
        if (shortcut(SDL_SCANCODE_Z, true) || shortcut(SDL_SCANCODE_Y)) document_->redo();
    }
    if (shortcut(SDL_SCANCODE_F)) {
        context_.sideTab = SideTab::Find;
        find_.setQuery("", "");
    }
    if (ImGui::IsKeyPressed(SDL_SCANCODE_F5, false)) {
        const bool fromSelection = ImGui::GetIO().KeyShift && context_.primary();
        startPlaytest(fromSelection ? document_->scenario().nodes[*context_.primary()].id : "");
    }
}

void EditorApp::drawMenuBar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("New from template", "Ctrl+N")) request(Pending::New);
        if (ImGui::MenuItem("Open…", "Ctrl+O")) {
            openPicker(PickerUse::Open);
        }
        if (ImGui::BeginMenu("Open recent", !recent_.files().empty())) {
            for (const auto& file : recent_.files())
                if (ImGui::MenuItem(file.c_str(), nullptr, false, fs::exists(file))) request(Pending::Open, file);
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Save", "Ctrl+S", false, document_.has_value())) save();
        if (ImGui::MenuItem("Save as…", "Ctrl+Shift+S", false, document_.has_value())) {
            openPicker(PickerUse::SaveAs);
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) request(Pending::Quit);
        ImGui::EndMenu();
    }
    if (document_ && ImGui::BeginMenu("Edit")) {
        const std::string undo = document_->canUndo() ? "Undo " + document_->undoLabel() : "Undo";
        const std::string redo = document_->canRedo() ? "Redo " + document_->redoLabel() : "Redo";
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, document_->canUndo())) document_->undo();
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, document_->canRedo())) document_->redo();
        ImGui::Separator();
        if (ImGui::MenuItem("Find and replace", "Ctrl+F")) context_.sideTab = SideTab::Find;
        if (ImGui::MenuItem("Arrange the map")) map_.arrangeAll(context_);
        ImGui::EndMenu();
    }
    if (document_ && ImGui::BeginMenu("Play-test")) {
        if (ImGui::MenuItem("From the start", "F5")) startPlaytest("");
        const bool node = context_.primary().has_value();
        if (ImGui::MenuItem("From the selected node", "Shift+F5", false, node))
            startPlaytest(document_->scenario().nodes[*context_.primary()].id);
        if (ImGui::MenuItem("Stop", nullptr, false, playtest_.running())) playtest_.stop();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        const Theme themes[] = {Theme::Light, Theme::Dark, Theme::HighContrast};
        const char* names[] = {"Light", "Dark", "High contrast"};
        for (int i = 0; i < 3; ++i)
            if (ImGui::MenuItem(names[i], nullptr, settings_.theme == themes[i])) {
                settings_.theme = themes[i];
                saveLook();
            }
        ImGui::Separator();
        for (int percent : {100, 125, 150}) {
            const std::string label = "Text " + std::to_string(percent) + " %";
            if (ImGui::MenuItem(label.c_str(), nullptr, settings_.textScalePercent == percent)) {
                settings_.textScalePercent = percent;
                saveLook();
            }
        }
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void EditorApp::startPlaytest(const std::string& fromNode) {
    std::string error;
    if (!playtest_.start(context_, fromNode, error)) {
        message_ = "Cannot play-test: " + error;
        return;
    }
}

// ---------------------------------------------------------------------------------- welcome

void EditorApp::drawWelcome() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float top = ImGui::GetFrameHeight();
    const float status = statusBarHeight();
    if (beginPanel("welcome", ImVec2(0, top), ImVec2(viewport->Size.x, viewport->Size.y - top - status))) {
        const float width = std::min(40 * ui::em(), ImGui::GetContentRegionAvail().x);
        ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) / 2);
        ImGui::BeginGroup();
        ImGui::Dummy(ImVec2(width, 2 * ui::em()));
        ui::title("Haven Editor");
        ui::mutedText("Write training scenarios for victim-centred interviewing and trafficking identification.");
        ImGui::Dummy(ImVec2(0, ui::em()));
        if (ui::primaryButton("New scenario from the template")) request(Pending::New);
        ImGui::SameLine();
        if (ui::secondaryButton("Open a scenario…")) {
            openPicker(PickerUse::Open);
        }
        if (!recent_.files().empty()) {
            ImGui::Dummy(ImVec2(0, ui::em()));
            ui::heading("Recent");
            for (const auto& file : recent_.files()) {
                const bool exists = fs::exists(file);
                if (ImGui::Selectable(file.c_str(), false, exists ? 0 : ImGuiSelectableFlags_Disabled))
                    request(Pending::Open, file);
            }
        }
        ImGui::EndGroup();
    }
    ImGui::End();
}

// -------------------------------------------------------------------------------- workspace

void EditorApp::drawWorkspace() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float top = ImGui::GetFrameHeight();
    const float status = statusBarHeight();
    const float height = viewport->Size.y - top - status;
    // The borders the author may drag, kept within sizes where every panel still works.
    const float widest = std::max(20 * ui::em(), viewport->Size.x - 24 * ui::em());
    const float sideWidth = std::clamp(viewport->Size.x * sideFraction_, 20 * ui::em(), widest);
    const float mainWidth = viewport->Size.x - sideWidth;
    const float problemsHeight =
        std::clamp(height * problemsFraction_, 5 * ui::em(), std::max(5 * ui::em(), height - 12 * ui::em()));

    if (context_.playtestRequest) {
        startPlaytest(*context_.playtestRequest);
        context_.playtestRequest.reset();
    }
    // While the author is in one of the inspector's fields, the inspector keeps showing that node:
    // a field left by a click on another card then sees that it was left, and keeps what was typed
    // into it (a new id is committed on leaving), before the inspector moves on to the new card.
    if (!inspectorEditing_) inspected_ = context_.selected;
    if (beginPanel("main", ImVec2(0, top), ImVec2(mainWidth, height - problemsHeight))) {
        if (playtest_.running()) {
            if (!playtest_.draw(context_)) playtest_.stop();
        } else {
            map_.draw(context_);
        }
    }
    ImGui::End();
    if (beginPanel("problems", ImVec2(0, top + height - problemsHeight), ImVec2(mainWidth, problemsHeight)))
        problems_.draw(context_);
    ImGui::End();

    if (beginPanel("side", ImVec2(mainWidth, top), ImVec2(sideWidth, height))) {
        if (ImGui::BeginTabBar("sideTabs")) {
            auto tab = [&](const char* label, SideTab which) {
                // A request (Ctrl+F, a problem's jump) selects the tab once; then the author's clicks rule.
                const bool force = context_.sideTab == which;
                const bool open = ImGui::BeginTabItem(label, nullptr, force ? ImGuiTabItemFlags_SetSelected : 0);
                return open;
            };
            if (tab("Inspector", SideTab::Inspector)) {
                std::vector<std::size_t> selectedNow = std::exchange(context_.selected, inspected_);
                context_.pruneSelection();  // the map may have deleted nodes this frame
                const std::vector<std::size_t> shown = context_.selected;
                inspector_.draw(context_);
                inspectorEditing_ =
                    ImGui::IsAnyItemActive() && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
                // The inspector's own choice (a jump) wins over the map's.
                if (context_.selected == shown) context_.selected = std::move(selectedNow);
                else inspected_ = context_.selected;
                ImGui::EndTabItem();
            }
            else inspectorEditing_ = false;
            if (tab("Scenario", SideTab::Scenario)) {
                scenarioPanel_.draw(context_);
                ImGui::EndTabItem();
            }
            if (tab("Find", SideTab::Find)) {
                find_.draw(context_);
                ImGui::EndTabItem();
            }
            context_.sideTab = SideTab::None;
            ImGui::EndTabBar();
        }
    }
    ImGui::End();

    const float grip = ui::em() * 0.5f;
    if (auto x = splitter("##side-border", ImVec2(mainWidth - grip / 2, top), ImVec2(grip, height), true))
        sideFraction_ = (viewport->Size.x - *x) / viewport->Size.x;
    if (auto y = splitter("##problems-border", ImVec2(0, top + height - problemsHeight - grip / 2),
                          ImVec2(mainWidth - grip, grip), false))
        problemsFraction_ = (top + height - *y) / height;
}

// ------------------------------------------------------------------------------- status bar

void EditorApp::drawStatusBar(float height) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    if (beginPanel("status", ImVec2(0, viewport->Size.y - height), ImVec2(viewport->Size.x, height),
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        if (!document_) {
            ui::mutedText("No scenario open");
        } else {
            if (document_->hasFile()) {
                ImGui::TextUnformatted(document_->file().c_str());
                ImGui::SameLine();
                if (document_->dirty()) ui::colouredText(ui::palette().warn, "Unsaved changes");
                else ui::mutedText("All changes saved");
            } else {
                ui::colouredText(ui::palette().warn, "A new scenario, not saved to a folder yet (File › Save as…)");
            }
            // Recounted once the author leaves the field they type in: a count that follows every
            // keystroke would cost a large scenario more than the keystroke itself (docs/performance.md).
            if (!statsRevision_ || (*statsRevision_ != document_->revision() && !ImGui::GetIO().WantTextInput)) {
                stats_ = textStats(document_->scenario());
                statsRevision_ = document_->revision();
            }
            ImGui::SameLine();
            ui::mutedText(withThousands(document_->scenario().nodes.size()) + " nodes · " + describe(stats_));
            if (!autosaveError_.empty()) {
                ImGui::SameLine();
                ui::colouredText(ui::palette().bad, autosaveError_);
            } else if (!context_.notice.empty()) {
                ImGui::SameLine();
                ui::mutedText(context_.notice);
            }
        }
    }
    ImGui::End();
}

// ------------------------------------------------------------------------------------ modals

void EditorApp::drawConfirmClose() {
    if (confirmOpen_) {
        ImGui::OpenPopup("Unsaved changes");
        confirmOpen_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(32 * ui::em(), 0));
    if (!ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const bool named = document_ && !document_->scenario().title.empty();
    ui::text("Save your changes to " + (named ? "“" + document_->scenario().title + "”" : "this scenario") + " first?");
    ui::mutedText("If you don't save, the changes since the last save are lost.");
    ImGui::Dummy(ImVec2(0, ui::em() * 0.5f));
    auto finish = [&](bool proceed) {
        ImGui::CloseCurrentPopup();
        Pending action = pending_;
        pending_ = Pending::None;
        if (proceed) carryOut(action, pendingPath_);
    };
    if (ui::primaryButton("Save")) {
        if (save()) finish(true);
        else finish(false);  // Save As opened, or the save failed with a message: stay
    }
    ImGui::SameLine();
    if (ui::secondaryButton("Don't save")) finish(true);
    ImGui::SameLine();
    if (ui::secondaryButton("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) finish(false);
    ImGui::EndPopup();
}

void EditorApp::drawRecoveryOffer() {
    if (offers_.empty() || !message_.empty()) return;
    ImGui::OpenPopup("Restore unsaved work?");
    ImGui::SetNextWindowSize(ImVec2(36 * ui::em(), 0));
    if (!ImGui::BeginPopupModal("Restore unsaved work?", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const RecoveryEntry& entry = offers_.front();
    const std::string title = entry.title.empty() ? "an untitled scenario" : "“" + entry.title + "”";
    ui::text("Haven Editor stopped before " + title + " was saved. Its unsaved changes were kept at " +
             entry.savedAt + ".");
    ui::mutedText(entry.originalFile.empty() ? "It had not been saved to a file yet." : "File: " + entry.originalFile);
    ImGui::Dummy(ImVec2(0, ui::em() * 0.5f));
    if (ui::primaryButton("Restore")) {
        Diagnostics diagnostics;
        if (auto restored = Recovery::restore(entry, diagnostics)) {
            closeDocument();
            adopt(std::move(*restored));
            Recovery::discard(entry);
            autosave(true);  // the restored work is this editor's to keep safe now
            context_.notice = "Restored the unsaved changes: save to keep them";
        } else {
            message_ = "Cannot restore " + entry.scenarioFile + ":\n" + firstError(diagnostics) +
                       "\nThe file is left where it is.";
        }
        offers_.erase(offers_.begin());
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ui::secondaryButton("Discard")) {
        Recovery::discard(entry);
        offers_.erase(offers_.begin());
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace haven::editor
