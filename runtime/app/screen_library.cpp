// The scenario library: a card per scenario with this learner's status; search and audience filter.
#include "app/app.hpp"

#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace haven::app {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

bool matches(const Scenario& s, const std::string& query) {
    if (query.empty()) return true;
    std::string haystack = s.title + " " + s.summary + " " + join(s.audience, " ");
    for (const auto& c : s.competencies) haystack += " " + c.name;
    return lower(haystack).find(lower(query)) != std::string::npos;
}

int percent(double fraction) {
    return static_cast<int>(std::lround(fraction * 100));
}

}  // namespace

void App::drawLibrary() {
    ui::beginColumn(ui::em() * 72);
    ui::title("Scenario library");
    if (learner_)
        ui::mutedText("Hello, " + learner_->displayName +
                      ". Choose a scenario to practise. You can pause at any moment, and your progress is kept.");

    std::set<std::string> audienceSet;
    for (const auto& entry : library_)
        for (const auto& a : entry.scenario.audience) audienceSet.insert(a);
    std::vector<std::string> audiences(audienceSet.begin(), audienceSet.end());
    audiences.insert(audiences.begin(), "All audiences");
    if (audienceFilter_ >= static_cast<int>(audiences.size())) audienceFilter_ = 0;

    const float avail = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float comboWidth = std::min(avail * 0.4f, ui::em() * 16);
    ImGui::SetNextItemWidth(avail - comboWidth - spacing);
    ImGui::InputTextWithHint("##search", "Search titles, summaries, competencies", &search_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(comboWidth);
    if (ImGui::BeginCombo("##audience", audiences[static_cast<std::size_t>(audienceFilter_)].c_str())) {
        for (std::size_t i = 0; i < audiences.size(); ++i)
            if (ImGui::Selectable(audiences[i].c_str(), static_cast<int>(i) == audienceFilter_))
                audienceFilter_ = static_cast<int>(i);
        ImGui::EndCombo();
    }
    ImGui::Spacing();

    std::vector<LibraryEntry*> shown;
    for (auto& entry : library_) {
        const auto& a = entry.scenario.audience;
        bool audienceOk = audienceFilter_ == 0 ||
                          std::find(a.begin(), a.end(), audiences[static_cast<std::size_t>(audienceFilter_)]) != a.end();
        if (audienceOk && matches(entry.scenario, search_)) shown.push_back(&entry);
    }
    if (library_.empty()) ui::text("No scenarios were found in " + libraryFolder_ + ". Set HAVEN_SCENARIOS to a library folder.");
    else if (shown.empty()) ui::mutedText("No scenario matches. Clear the search or choose all audiences.");

    const ui::Palette& colours = ui::palette();
    const int columns = avail >= ui::em() * 44 ? 2 : 1;
    const float cardWidth = (avail - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        LibraryEntry& entry = *shown[i];
        const Scenario& s = entry.scenario;
        std::string cardId = "card-" + s.id;
        float rowHeight = 0;
        std::size_t rowStart = i - i % static_cast<std::size_t>(columns);
        for (std::size_t j = rowStart; j < shown.size() && j < rowStart + static_cast<std::size_t>(columns); ++j)
            rowHeight = std::max(rowHeight, ui::lastCardHeight(("card-" + shown[j]->scenario.id).c_str()));
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
        else if (i > 0) ImGui::Dummy(ImVec2(0, spacing * 0.5f));

        ui::beginCard(cardId.c_str(), cardWidth, rowHeight);
        ui::heading(s.title);
        std::string meta;
        if (s.estimatedMinutes > 0) meta = "About " + std::to_string(s.estimatedMinutes) + " minutes";
        if (!s.audience.empty()) meta += (meta.empty() ? "For " : "  ·  for ") + join(s.audience, ", ");
        if (!meta.empty()) ui::mutedText(meta);
        if (!s.summary.empty()) ui::text(s.summary);
        if (!s.contentNotes.empty()) ui::mutedText("Content notes: " + join(s.contentNotes, "; ") + ".");
        if (!s.competencies.empty()) {
            for (std::size_t c = 0; c < s.competencies.size(); ++c) {
                if (c > 0) ImGui::SameLine(0, ui::em() * 0.3f);
                ui::tag(s.competencies[c].name);
            }
        }
        ImGui::Spacing();
        // This learner's status, then what they can do.
        std::string status = "New";
        ImVec4 statusColour = colours.muted;
        if (entry.best) {
            status = "Best result " + std::to_string(percent(entry.best->scaled)) + " %" +
                     (entry.best->passed ? " · passed" : " · not passed yet");
            statusColour = entry.best->passed ? colours.good : colours.warn;
        }
        if (entry.unfinished) {
            status = "In progress (" + std::to_string(entry.unfinished->inputs.size()) + " answers given)" +
                     (entry.best ? "  ·  " + status : "");
            statusColour = colours.accent;
        }
        ImGui::PushStyleColor(ImGuiCol_Text, statusColour);
        ui::boldText(status);
        ImGui::PopStyleColor();
        ImGui::PushID(s.id.c_str());
        if (entry.unfinished) {
            if (ui::primaryButton("Continue")) {
                openScenario(s);
                std::string error;
                Attempt unfinished = *entry.unfinished;
                if (!resumeAttempt(unfinished, error)) notice_ = "This attempt cannot be continued: " + error;
            }
            ImGui::SameLine();
            if (ui::secondaryButton("Start again")) openScenario(s);
        } else if (ui::primaryButton(entry.best ? "Play again" : "Start")) {
            openScenario(s);
        }
        ImGui::PopID();
        ui::endCard();
        if (screen_ != Screen::Library) break;  // a button above changed the screen
    }
    if (!librarySkipped_.empty()) {
        ImGui::Spacing();
        ui::mutedText(std::to_string(librarySkipped_.size()) +
                      " scenario folder(s) were skipped because they have errors; a trainer can run "
                      "`haven check` on them.");
    }
    ImGui::Spacing();
    ui::endColumn();
}

}  // namespace haven::app
