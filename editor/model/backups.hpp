// Rotated backups: before a save replaces scenario.json, the editor copies the file as it was
// into the user's data folder, keeping the last few per scenario. A save that goes wrong in the
// author's hands (a deleted act, a bad replace-all saved by habit) can then still be undone.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace haven::editor {

class Backups {
public:
    static constexpr std::size_t kKeep = 5;

    // `folder` is usually userFolder(Data)/editor/backups.
    explicit Backups(std::string folder);
    static std::string defaultFolder();

    // Copies `scenarioFile` (when it exists) as the newest backup of it and drops the oldest
    // beyond kKeep. False with `error` when the copy cannot be written; the caller warns and
    // may still save.
    bool keep(const std::string& scenarioFile, std::string& error);
    // The backups of `scenarioFile`, newest first.
    std::vector<std::string> of(const std::string& scenarioFile) const;

private:
    std::string folderFor(const std::string& scenarioFile) const;

    std::string folder_;
};

}  // namespace haven::editor
