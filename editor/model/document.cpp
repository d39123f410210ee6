#include "model/document.hpp"

#include "core/atomic_file.hpp"
#include "core/scenario_loader.hpp"
#include "core/scenario_writer.hpp"

#include <filesystem>
#include <utility>

namespace haven::editor {
namespace fs = std::filesystem;

Document::Document(Scenario scenario) : scenario_(std::move(scenario)) {
    scenario_.buildIndex();
}

OpenResult Document::open(const std::string& path) {
    OpenResult result;
    // Read only: validation is the problems panel's, and a scenario with problems must still open.
    LoadResult loaded = loadScenario(path, std::nullopt);
    result.diagnostics = std::move(loaded.diagnostics);
    if (loaded.scenario && !hasErrors(result.diagnostics)) result.document.emplace(std::move(*loaded.scenario));
    return result;
}

Document Document::restored(Scenario scenario) {
    Document document(std::move(scenario));
    document.history_.forgetClean();
    return document;
}

void Document::changed() {
    // Rename, add and remove change which index an id names; lookups must follow.
    scenario_.buildIndex();
    ++revision_;
}

void Document::execute(CommandPtr command, History::Clock::time_point now) {
    history_.execute(scenario_, std::move(command), now);
    changed();
}

bool Document::undo() {
    if (!history_.undo(scenario_)) return false;
    changed();
    return true;
}

bool Document::redo() {
    if (!history_.redo(scenario_)) return false;
    changed();
    return true;
}

bool Document::save(std::string& error) {
    if (!hasFile()) {
        error = "this scenario has not been saved yet: choose a folder with Save As";
        return false;
    }
    if (!writeFileAtomically(scenario_.file, writeScenarioJson(scenario_), error)) return false;
    history_.markClean();
    return true;
}

bool Document::saveAs(const std::string& folder, std::string& error) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        error = folder + ": cannot create the folder: " + ec.message();
        return false;
    }
    // The script and assets travel with the scenario; files already in the new folder win.
    if (!scenario_.folder.empty() && !fs::equivalent(scenario_.folder, folder, ec)) {
        fs::path assets = fs::path(scenario_.folder) / "assets";
        if (fs::is_directory(assets, ec)) {
            fs::copy(assets, fs::path(folder) / "assets", fs::copy_options::recursive | fs::copy_options::skip_existing,
                     ec);
            if (ec) {
                error = (fs::path(folder) / "assets").string() + ": cannot copy the assets: " + ec.message();
                return false;
            }
        }
    }
    // The author's spelling word list (words.txt) travels too.
    fs::path words = fs::path(scenario_.folder) / "words.txt";
    if (!scenario_.folder.empty() && fs::exists(words, ec) && !fs::equivalent(scenario_.folder, folder, ec)) {
        fs::copy_file(words, fs::path(folder) / "words.txt", fs::copy_options::skip_existing, ec);
        if (ec) {
            error = (fs::path(folder) / "words.txt").string() + ": cannot copy the word list: " + ec.message();
            return false;
        }
    }
    if (!scenario_.script.empty() && isSafeRelativePath(scenario_.script)) {
        fs::path script = fs::path(folder) / scenario_.script;
        fs::create_directories(script.parent_path(), ec);
        if (!writeFileAtomically(script.string(), scenario_.scriptText, error)) return false;
    }
    std::string file = (fs::path(folder) / "scenario.json").string();
    if (!writeFileAtomically(file, writeScenarioJson(scenario_), error)) return false;
    scenario_.folder = folder;
    scenario_.file = file;
    history_.markClean();
    ++revision_;
    return true;
}

Diagnostics Document::problems(ValidateOptions options) const {
    Diagnostics diagnostics;
    validate(scenario_, diagnostics, options);
    return diagnostics;
}

}  // namespace haven::editor
