// What is one key away: the pause (Esc), the settings, and a break that keeps everything.
#include "app/app.hpp"

#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace haven::app {
namespace {

constexpr ImGuiWindowFlags kDialog = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;

void placeDialog(float widthEm) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(ui::em() * widthEm, viewport->WorkSize.x * 0.92f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, viewport->WorkSize.y * 0.92f));
}

// A clear edge around the dialog, whatever the theme (on black, a modal's own border is not enough).
void outlineDialog() {
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::GetForegroundDrawList()->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(ImGuiCol_Border),
                                            style.PopupRounding, 0, std::max(1.0f, style.PopupBorderSize));
}

// A centred modal dialog, opened when `open` was set (which it clears). False when not showing.
bool beginDialog(const char* name, bool& open, float widthEm) {
    if (open) {
        ImGui::OpenPopup(name);
        open = false;
    }
    placeDialog(widthEm);
    if (!ImGui::BeginPopupModal(name, nullptr, kDialog)) return false;
    outlineDialog();
    return true;
}

bool wideButton(const char* label, bool primary = false) {
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    const ui::Palette& colours = ui::palette();
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, colours.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colours.accent);
        ImGui::PushStyleColor(ImGuiCol_Text, colours.accentText);
    }
    bool pressed = ImGui::Button(label, ImVec2(-1.0f, 0));
    if (primary) ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();
    return pressed;
}

// Radio buttons that flow onto the next line when the row is full.
template <typename T>
bool radioFlow(const char* label, T& value, T option, bool first) {
    float width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    if (!first) {
        ImGui::SameLine(0, ui::em() * 1.2f);
        if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
    }
    if (ImGui::RadioButton(label, value == option)) {
        value = option;
        return true;
    }
    return false;
}

}  // namespace

void App::drawPause() {
    if (!beginDialog("Paused", openPause_, 26)) return;
    ui::title("Paused");
    ui::mutedText("Your progress is saved. Nothing happens until you come back.");
    ImGui::Spacing();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool close = wideButton("Resume", true);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !ImGui::IsWindowAppearing()) close = true;
    if (wideButton("Restart from the beginning")) {
        restartAttempt();
        close = true;
    }
    if (wideButton("Settings")) {
        openSettings_ = true;
        close = true;
    }
    if (wideButton("Take a break")) {
        leaveAttempt(Screen::Break);
        close = true;
    }
    if (wideButton("Return to library")) {
        leaveAttempt(Screen::Library);
        close = true;
    }
    if (close) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void App::drawSettings() {
    if (!beginDialog("Settings", openSettings_, 30)) return;
    ui::title("Settings");
    ImGui::Spacing();
    // Radio buttons and boxes are as tall as a frame: a smaller padding keeps them in proportion.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui::em() * 0.25f, ui::em() * 0.2f));
    ui::boldText("Text size");
    int size = settings_.textScalePercent;
    bool changed = false;
    bool first = true;
    for (int option : {100, 125, 150, 175, 200}) {
        std::string label = std::to_string(option) + " %";
        changed |= radioFlow(label.c_str(), size, option, first);
        first = false;
    }
    if (changed) {
        settings_.textScalePercent = size;
        fontsDirty_ = true;
    }
    ImGui::Spacing();
    ui::boldText("Theme");
    Theme theme = settings_.theme;
    bool themeChanged = radioFlow("Light", theme, Theme::Light, true);
    themeChanged |= radioFlow("Dark", theme, Theme::Dark, false);
    themeChanged |= radioFlow("High contrast", theme, Theme::HighContrast, false);
    if (themeChanged) {
        settings_.theme = theme;
        fontsDirty_ = true;
    }
    ImGui::Spacing();
    ui::boldText("Window");
    if (ImGui::Checkbox("Full screen", &settings_.fullscreen)) {
        fullscreenDirty_ = true;
        changed = true;
    }
    ImGui::PopStyleVar();
    if (changed || themeChanged) saveSettings();
    ImGui::Spacing();
    ui::mutedText("Saved for this computer.");
    ImGui::Spacing();
    bool close = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !ImGui::IsWindowAppearing();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ui::primaryButton("Done") || close) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void App::drawBreak() {
    ui::beginColumn(ui::em() * 36);
    ImGui::Dummy(ImVec2(0, ui::em() * 2));
    ui::title("Take a break");
    ui::text("Your attempt is saved, notebook and all. Stretch, breathe, have some water.");
    ui::mutedText("Some scenarios touch on distressing experiences. If something stayed with you, it is fine to stop "
                  "here and talk to your trainer or someone you trust.");
    ImGui::Spacing();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (attempt_ && ui::primaryButton("Resume the scenario")) screen_ = Screen::Play;
    if (attempt_) ImGui::SameLine();
    if (ui::secondaryButton("Return to library")) leaveAttempt(Screen::Library);
    ImGui::SameLine();
    if (ui::secondaryButton("Close Haven")) quit_ = true;
    ui::endColumn();
}

}  // namespace haven::app
