// The scenario being edited: the model, where it lives on disk, its undo history and whether it
// differs from what was last saved. Every change goes through `execute`, so every change can be
// undone; every save goes through the core's canonical writer and an atomic write.
#pragma once

#include "core/diagnostic.hpp"
#include "core/scenario.hpp"
#include "core/validator.hpp"
#include "model/edit_commands.hpp"
#include "model/history.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace haven::editor {

struct OpenResult;

class Document {
public:
    // An untitled document holding `scenario` (e.g. newFromTemplate()), not yet saved anywhere.
    explicit Document(Scenario scenario);

    // `path` is a scenario folder or its scenario.json. A file the reader reports errors in is
    // refused: what it could not read would be lost on the next save.
    static OpenResult open(const std::string& path);
    // A document recovered after a crash: it belongs to `scenario.file` (or is untitled when that
    // is empty) and differs from what is saved there, so it is dirty until saved.
    static Document restored(Scenario scenario);

    const Scenario& scenario() const { return scenario_; }
    const std::string& folder() const { return scenario_.folder; }
    const std::string& file() const { return scenario_.file; }  // empty until saved
    bool hasFile() const { return !scenario_.file.empty(); }
    // Differs from the last save (or open); an untitled document is dirty once edited.
    bool dirty() const { return !history_.isClean(); }
    // Grows with every change, undo and redo: a panel recomputes what it shows when it changes.
    std::uint64_t revision() const { return revision_; }

    // The edit commands of edit_commands.hpp, applied and recorded for undo.
    void execute(CommandPtr command, History::Clock::time_point now = History::Clock::now());
    bool undo();  // Ctrl+Z; false when there is nothing to undo
    bool redo();  // Ctrl+Shift+Z
    bool canUndo() const { return history_.canUndo(); }
    bool canRedo() const { return history_.canRedo(); }
    std::string undoLabel() const { return history_.undoLabel(); }
    std::string redoLabel() const { return history_.redoLabel(); }
    History& history() { return history_; }
    const History& history() const { return history_; }

    // Writes scenario.json canonically and atomically. False with `error` when the document has
    // no file yet or the write failed (the file on disk is then untouched).
    bool save(std::string& error);
    // Saves into `folder` (created if missing) as `folder`/scenario.json, with the helper script
    // and the assets of the old folder, and from then on saves there.
    bool saveAs(const std::string& folder, std::string& error);

    // The validator's findings for the problems panel.
    Diagnostics problems(ValidateOptions options = {}) const;

private:
    void changed();

    Scenario scenario_;
    History history_;
    std::uint64_t revision_ = 0;
};

struct OpenResult {
    std::optional<Document> document;  // absent when the file cannot be read as a scenario
    Diagnostics diagnostics;           // why not; validation problems are the problems panel's
};

}  // namespace haven::editor
