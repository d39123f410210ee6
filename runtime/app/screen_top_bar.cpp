// The bar across the top of every screen: where you are, who is training, pause and settings.
#include "app/app.hpp"

#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace haven::app {
namespace {

const char* screenName(Screen screen) {
    switch (screen) {
    case Screen::Learner: return "Who is training";
    case Screen::Library: return "Scenario library";
    case Screen::BeforeStart: return "Before you start";
    case Screen::Play: return "";
    case Screen::Debrief: return "Debrief";
    case Screen::Break: return "Taking a break";
    }
    return "";
}

}  // namespace

void App::drawTopBar() {
    const ui::Palette& colours = ui::palette();
    ImGui::PushStyleColor(ImGuiCol_Text, colours.accent);
    if (ui::fonts().heading) ImGui::PushFont(ui::fonts().heading);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Haven");
    if (ui::fonts().heading) ImGui::PopFont();
    ImGui::PopStyleColor();

    std::string where = screenName(screen_);
    if (screen_ == Screen::Play && attempt_) where = attempt_->scenario->title;

    // Right-hand buttons first measured, so the title can be cut to the space that is left.
    std::vector<std::string> buttons;
    const bool playing = screen_ == Screen::Play && attempt_;
    std::string learnerLabel = learner_ ? learner_->displayName : "";
    if (playing) buttons = {attempt_->session->mode() == Mode::Practice ? "Practice" : "Assessment", "Pause  (Esc)"};
    else {
        if (learner_ && screen_ != Screen::Learner) buttons.push_back(learnerLabel + "  (change)");
        buttons.push_back("Settings");
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    float right = 0;
    for (const auto& label : buttons) right += ui::buttonWidth(label.c_str()) + spacing;

    ImGui::SameLine();
    float titleRoom = ImGui::GetContentRegionAvail().x - right - spacing;
    if (titleRoom > ui::em() * 3 && !where.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
        ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                            ImVec2(ImGui::GetCursorScreenPos().x + titleRoom, ImGui::GetCursorScreenPos().y + ui::em() * 3),
                            true);
        std::string shown = "·  " + where;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(shown.c_str());
        ImGui::PopClipRect();
        ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - right + spacing);
    if (playing) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
        ImGui::AlignTextToFramePadding();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetStyle().FramePadding.x);
        ImGui::TextUnformatted(buttons[0].c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine(0, spacing + ImGui::GetStyle().FramePadding.x);
        if (ui::secondaryButton(buttons[1].c_str())) openPause_ = true;
    } else {
        if (buttons.size() == 2) {
            if (ui::secondaryButton(buttons[0].c_str())) {
                if (store_) learners_ = store_->learners();
                screen_ = Screen::Learner;
            }
            ImGui::SameLine();
        }
        if (ui::secondaryButton("Settings")) openSettings_ = true;
    }
    ImGui::Separator();
    if (!notice_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours.warn);
        ui::text(notice_);
        ImGui::PopStyleColor();
        if (ui::secondaryButton("Dismiss")) notice_.clear();
        ImGui::Separator();
    }
    ImGui::Spacing();
}

}  // namespace haven::app
