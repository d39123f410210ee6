// Play-test's frame: the header (where the run started, restart, step back, stop), the story as
// the player shows it (portrait, transcript, feedback, the step), the debrief once finished, and
// the variables strip (playtest_variables.cpp).
#include "app/playtest_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/debrief_view.hpp"
#include "ui/layout.hpp"
#include "ui/step_view.hpp"
#include "ui/theme.hpp"

namespace haven::editor {
namespace {

ImTextureID portrait(EditorContext& context, const Scenario& scenario, const std::string& speaker,
                     const std::string& mood) {
    const std::string file = scenario.portraitFile(speaker, mood);
    return file.empty() || !context.textures ? nullptr : context.textures->get(file);
}

}  // namespace

bool PlaytestView::start(EditorContext& context, const std::string& fromNode, std::string& error) {
    for (const Diagnostic& problem : context.doc().problems())
        if (problem.severity == Severity::Error) {
            error = "the scenario has an error to fix first: " + (problem.path.empty() ? "" : problem.path + ": ") +
                    problem.message;
            return false;
        }
    auto run = PlaytestRun::start(context.scenario(), fromNode, error);
    if (!run) return false;
    run_ = std::move(run);
    revision_ = context.doc().revision();
    refresh();
    return true;
}

void PlaytestView::stop() {
    run_.reset();
    debrief_.reset();
    transcript_.clear();
}

bool PlaytestView::submit(const Input& input, std::string& error) {
    if (!run_) {
        error = "no play-test is running";
        return false;
    }
    if (!run_->submit(input, error)) return false;
    refresh();
    return true;
}

void PlaytestView::refresh() {
    Session& session = run_->session();
    Debrief debrief = session.debrief();
    transcript_ = debrief.timeline;
    if (session.finished() && !transcript_.empty() && transcript_.back().kind == NodeType::Ending)
        transcript_.pop_back();  // the ending is shown as the current step
    // The path's nodes say who spoke last and how they felt: the portrait stays through
    // narration, checklists and decisions, as in the player.
    speaker_.clear();
    mood_.clear();
    for (auto id = debrief.path.rbegin(); id != debrief.path.rend() && speaker_.empty(); ++id)
        if (const Node* node = run_->scenario().findNode(*id); node && !node->speaker.empty()) {
            speaker_ = node->speaker;
            mood_ = node->mood;
        }
    debrief_ = session.finished() ? std::optional<Debrief>(std::move(debrief)) : std::nullopt;
    values_ = session.variables();
    showEnding_ = false;
    notice_.clear();
    scrollFrames_ = 3;
}

bool PlaytestView::draw(EditorContext& context) {
    if (!run_) {
        ui::mutedText("No play-test is running.");
        return true;
    }
    if (!drawHeader(context)) return false;
    ImGui::Separator();
    ImGui::Spacing();

    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ui::em();
    const bool variables = variablesShown(avail);
    const float strip = variables ? std::clamp(avail * 0.3f, ui::em() * 13, ui::em() * 18) + gap : 0.0f;
    ImGui::BeginChild("playtest-story", ImVec2(avail - strip, 0), false, ImGuiWindowFlags_NavFlattened);
    if (debrief_ && !showEnding_)
        drawDebrief();
    else
        drawStep(context);
    ImGui::EndChild();
    if (variables) {
        ImGui::SameLine(0, gap);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::palette().card);
        ImGui::PushStyleColor(ImGuiCol_Border, ui::palette().cardBorder);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui::em() * 0.75f, ui::em() * 0.6f));
        ImGui::BeginChild("playtest-variables", ImVec2(0, 0), true);
        ImGui::PopStyleVar();
        drawVariables(context);
        ImGui::EndChild();
        ImGui::PopStyleColor(2);
    }
    return true;
}

bool PlaytestView::variablesShown(float width) const {
    return showVariables_.value_or(width >= ui::em() * 40);
}

// --------------------------------------------------------------------------------- header

bool PlaytestView::drawHeader(EditorContext& context) {
    const bool changed = context.doc().revision() != revision_;
    const bool variables = variablesShown(ImGui::GetContentRegionAvail().x);
    const char* toggle = variables ? "Hide variables" : "Variables";
    // The buttons end at the right edge: measured first to know where the row starts.
    std::vector<const char*> labels = {"Restart", "Step back", toggle, "Stop"};
    if (changed) labels.insert(labels.begin(), "Restart with changes");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    float width = -spacing;
    for (const char* label : labels) width += ui::buttonWidth(label) + spacing;

    ImGui::AlignTextToFramePadding();
    ui::boldText("Play-test");
    ImGui::SameLine(std::max(ImGui::GetWindowContentRegionMax().x - width, ImGui::GetCursorPosX()));
    std::string error;
    if (changed) {
        if (ui::primaryButton("Restart with changes") && !start(context, run_->fromNode(), error)) notice_ = error;
        ImGui::SameLine();
    }
    if (ui::secondaryButton("Restart")) {
        run_->restart();
        refresh();
    }
    ImGui::SameLine();
    if (ui::secondaryButton("Step back", run_->canStepBack())) {
        run_->stepBack();
        refresh();
    }
    ImGui::SameLine();
    if (ui::secondaryButton(toggle)) showVariables_ = !variables;
    ImGui::SameLine();
    const bool stop = ui::secondaryButton("Stop");

    const std::size_t inputs = run_->routeLength();
    std::string where = run_->fromNode().empty()
                            ? "from the start"
                            : "started at '" + run_->fromNode() + "' after " + std::to_string(inputs) +
                                  (inputs == 1 ? " input" : " inputs") + " (the shortest route there)";
    ui::mutedText("Practice mode · " + where + " · now at '" + run_->session().step().nodeId + "'" +
                  (changed ? " · the scenario has changed since this run started" : ""));
    if (!notice_.empty()) ui::colouredText(ui::palette().warn, notice_);
    return !stop;
}

// ------------------------------------------------------------------------------ the story

void PlaytestView::drawStep(EditorContext& context) {
    const Session& session = run_->session();
    const Step& step = session.step();
    const Scenario& scenario = run_->scenario();
    const ui::StoryLayout layout = ui::storyLayout(ImGui::GetContentRegionAvail().x);
    if (layout.wide) {
        ImGui::BeginChild("side", ImVec2(layout.side, 0), false, ImGuiWindowFlags_NavFlattened);
        if (!speaker_.empty())
            ui::drawSpeakerCard(portrait(context, scenario, speaker_, mood_), scenario.findCharacter(speaker_),
                                layout.side);
        ImGui::EndChild();
        ImGui::SameLine(0, ui::em() * 1.5f);
    }

    ImGui::BeginChild("story", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    ui::beginColumn(ui::em() * 44);
    ui::drawTranscript(transcript_);
    // The current step starts at the top of the view whenever it changes (for a few frames: its
    // height is known only once it has been drawn).
    if (scrollFrames_ > 0) {
        ImGui::SetScrollHereY(0.0f);
        --scrollFrames_;
    }
    if (run_->feedback()) {
        ui::drawFeedback(*run_->feedback(), scenario);
        ImGui::Spacing();
    }
    ui::drawSpeakerHeading(step, !layout.wide,
                           layout.wide ? nullptr : portrait(context, scenario, step.speaker, step.mood));
    if (!step.text.empty()) ui::text(step.text);
    for (const auto& warning : step.warnings) ui::colouredText(ui::palette().warn, "Script problem: " + warning);
    ImGui::Spacing();

    const std::optional<Input> input = ui::drawStepControls(step, selection_);
    if (session.stuck()) {
        ui::colouredText(ui::palette().warn,
                         "No choice is on offer here: every choice's condition is false. A trainee would be stuck. "
                         "Change a variable, step back, or fix the conditions.");
    } else if (session.finished() && ui::primaryButton("See the debrief")) {
        showEnding_ = false;
    }
    if (input) {
        std::string error;
        if (run_->submit(*input, error))
            refresh();
        else
            notice_ = error;
    }
    ImGui::Dummy(ImVec2(0, ui::em()));
    ui::endColumn();
    ImGui::EndChild();
}

void PlaytestView::drawDebrief() {
    ui::beginColumn(ui::em() * 48);
    ui::drawDebriefResult(*debrief_);
    if (ui::secondaryButton("Back to the ending")) showEnding_ = true;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ui::mutedText("as the trainee sees it before the debrief");
    ui::drawDebriefDetails(*debrief_, run_->scenario());
    ImGui::Dummy(ImVec2(0, ui::em()));
    ui::endColumn();
}

}  // namespace haven::editor
