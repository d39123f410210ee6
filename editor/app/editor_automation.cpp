// The automation flags (docs/editor.md): each does what a click would, through the same verbs
// and commands, so a test of the flags is a test of the editor.
#include "app/editor_app.hpp"

#include "core/input.hpp"
#include "model/edit_commands.hpp"

#include <vector>

namespace haven::editor {

bool EditorApp::runAutomation(std::string& error) {
    if (options_.dialog == "open") openPicker(PickerUse::Open);
    if (!options_.recovery.empty()) {
        if (offers_.empty()) {
            error = "--recovery: there is no unsaved work to restore or discard";
            return false;
        }
        const RecoveryEntry entry = offers_.front();
        offers_.erase(offers_.begin());
        if (options_.recovery == "discard") {
            Recovery::discard(entry);
        } else {
            Diagnostics diagnostics;
            auto restored = Recovery::restore(entry, diagnostics);
            if (!restored) {
                error = "cannot restore " + entry.scenarioFile + ": " + firstError(diagnostics);
                return false;
            }
            closeDocument();
            adopt(std::move(*restored));
            Recovery::discard(entry);
        }
    }
    if (!document_) {
        if (options_.select.empty() && options_.sets.empty() && !options_.playtest && !options_.find && !options_.save &&
            !options_.arrange && options_.saveAs.empty())
            return true;
        error = "the automation flags need a scenario: give a PATH or --new";
        return false;
    }
    if (options_.arrange) map_.arrangeAll(context_);
    if (!options_.select.empty()) {
        context_.selected.clear();
        for (const auto& id : options_.select) {
            const std::size_t index = document_->scenario().nodeIndex(id);
            if (index == static_cast<std::size_t>(-1)) {
                error = "--select: no node '" + id + "' in " + document_->file();
                return false;
            }
            context_.selected.push_back(index);
        }
        context_.centreOnSelection = true;
    }
    for (const auto& [field, value] : options_.sets)
        if (!applySet(field, value, error)) return false;
    if (!options_.tab.empty())
        context_.sideTab = options_.tab == "scenario" ? SideTab::Scenario
                           : options_.tab == "find"   ? SideTab::Find
                                                      : SideTab::Inspector;
    if (!options_.focus.empty()) {
        context_.focusPath = options_.focus;
        context_.sideTab = SideTab::Inspector;
    }
    if (options_.find) {
        find_.setQuery(*options_.find, options_.replace.value_or(""));
        context_.sideTab = SideTab::Find;
    }
    if (options_.playtest) {
        if (!playtest_.start(context_, *options_.playtest, error)) return false;
        std::vector<Input> inputs;
        if (!options_.choices.empty() && !parseChoiceList(options_.choices, inputs, error)) {
            error = "--choices: " + error;
            return false;
        }
        Diagnostics diagnostics;
        if (!options_.inputFile.empty() && !loadInputFile(options_.inputFile, inputs, diagnostics)) {
            error = "--input: " + firstError(diagnostics);
            return false;
        }
        for (std::size_t i = 0; i < inputs.size(); ++i)
            if (!playtest_.submit(inputs[i], error)) {
                error = "play-test input " + std::to_string(i + 1) + ": " + error;
                return false;
            }
    }
    if (options_.dialog == "save-as") openPicker(PickerUse::SaveAs);
    if (options_.save && !save()) {
        error = message_.empty() ? "--save: the scenario has no file yet; use --save-as FOLDER" : message_;
        return false;
    }
    if (!options_.saveAs.empty() && !saveAs(options_.saveAs)) {
        error = message_;
        return false;
    }
    return true;
}

// --set FIELD=VALUE: scenario fields by name, and the selected node's texts.
bool EditorApp::applySet(const std::string& field, const std::string& value, std::string& error) {
    if (field == "title") {
        context_.execute(setScenarioText(ScenarioText::Title, value));
        return true;
    }
    if (field == "summary") {
        context_.execute(setScenarioText(ScenarioText::Summary, value));
        return true;
    }
    const auto node = context_.primary();
    if (!node) {
        error = "--set " + field + ": select a node first (--select ID)";
        return false;
    }
    if (field == "text") context_.execute(setNodeText(*node, NodeText::Text, value));
    else if (field == "speaker") context_.execute(setNodeText(*node, NodeText::Speaker, value));
    else if (field == "mood") context_.execute(setNodeText(*node, NodeText::Mood, value));
    else if (field == "condition" && !document_->scenario().nodes[*node].choices.empty())
        context_.execute(setChoiceCondition(*node, 0, value));
    else {
        error = "--set: unknown field '" + field + "' (title, summary, text, speaker, mood, condition)";
        return false;
    }
    return true;
}

}  // namespace haven::editor
