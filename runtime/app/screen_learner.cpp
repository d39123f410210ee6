// Who is training: pick a learner on this machine or add one. No passwords; say what is kept.
#include "app/app.hpp"

#include "ui/layout.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace haven::app {

void App::drawLearner() {
    ui::beginColumn(ui::em() * 38);
    ImGui::Spacing();
    ui::title("Who is training today?");
    ui::mutedText("Workshop laptops are shared: choose your name, or add yourself. There is no password.");
    ImGui::Spacing();

    if (!learners_.empty()) {
        ui::heading("On this computer");
        const float width = ImGui::GetContentRegionAvail().x;
        for (std::size_t i = 0; i < learners_.size() && i < 50; ++i) {
            const Learner& learner = learners_[i];
            ImGui::PushID(static_cast<int>(i));
            std::string label = learner.displayName + "   ·   " + learner.id;
            bool current = learner_ && learner_->id == learner.id;
            if (ui::wrappedRow("##learner", ui::RowKind::Radio, 0, label, width, current)) chooseLearner(learner);
            ImGui::PopID();
        }
        ImGui::Spacing();
    }

    ui::heading(learners_.empty() ? "Add yourself" : "New learner");
    const char* add = "Add and continue";
    ImGui::SetNextItemWidth(
        std::max(ui::em() * 8, ImGui::GetContentRegionAvail().x - ui::buttonWidth(add) - ImGui::GetStyle().ItemSpacing.x));
    bool entered = ImGui::InputTextWithHint("##name", "Your name or a nickname", &newLearnerName_,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
    if (learners_.empty() && ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere(-1);
    ImGui::SameLine();
    bool valid = newLearnerName_.find_first_not_of(" \t") != std::string::npos && newLearnerName_.size() <= 80;
    if ((ui::primaryButton(add, valid) || (entered && valid)) && store_) {
        try {
            Learner learner = store_->createLearner(newLearnerName_);
            newLearnerName_.clear();
            learners_ = store_->learners();
            chooseLearner(learner);
        } catch (const RecordError& e) {
            notice_ = e.what();
        }
    }
    ImGui::Spacing();
    ImGui::Spacing();

    ui::beginCard("privacy", ImGui::GetContentRegionAvail().x);
    ui::boldText("What Haven keeps, and where");
    ui::text("Your display name, a generated id (like L-7F3K-Q9XD) that reports can use instead of your name, "
             "and your attempts: each answer, your notebook, scores and times.");
    ui::text("They stay on this computer, in " + dataFolder() +
             ". Nothing is sent anywhere. Anyone who uses this computer account can see them.");
    ui::endCard();
    ui::endColumn();
}

}  // namespace haven::app
