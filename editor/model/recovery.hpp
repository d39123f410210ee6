// Never lose work: while a document has unsaved edits the editor writes it, every few seconds, to
// a recovery file in the user's data folder; a clean save or close removes it. A recovery file
// whose editor is no longer running (it crashed, was killed, the machine lost power) is offered
// back on the next start. Each file is the scenario in the canonical format, beside a small
// JSON note of where it belongs, who wrote it and when.
#pragma once

#include "core/scenario.hpp"
#include "model/document.hpp"

#include <optional>
#include <string>
#include <vector>

namespace haven::editor {

struct RecoveryEntry {
    std::string scenarioFile;  // the recovery copy (canonical scenario JSON)
    std::string noteFile;      // its note
    std::string originalFile;  // the scenario.json it belongs to; empty for an untitled document
    std::string title;
    std::string savedAt;       // "2026-11-29 12:03 UTC"
    long pid = 0;              // the editor that wrote it
};

class Recovery {
public:
    // `folder` is usually userFolder(Data)/editor/recovery; created on first write.
    explicit Recovery(std::string folder);
    static std::string defaultFolder();

    // Writes `document` to its recovery file (atomically). False with `error` on a write failure
    // (a full disk): the caller shows it and keeps the edits in memory.
    bool write(const Document& document, std::string& error);
    // Removes the document's recovery file (after a save, or closing without saving on purpose).
    void discard(const Document& document);
    // Removes an offered entry the author chose not to restore.
    static void discard(const RecoveryEntry& entry);

    // Recovery files left by editors that are no longer running, newest first.
    std::vector<RecoveryEntry> orphans() const;
    // The orphan belonging to `scenarioFile` (a scenario.json path), if any.
    std::optional<RecoveryEntry> orphanFor(const std::string& scenarioFile) const;

    // Opens an entry as a dirty document belonging to the original file (or untitled). Errors name
    // the recovery file; an unreadable entry is left on disk for the author to rescue by hand.
    static std::optional<Document> restore(const RecoveryEntry& entry, Diagnostics& diagnostics);

private:
    std::string keyFor(const Document& document) const;

    std::string folder_;
};

}  // namespace haven::editor
