// The editor's recent files: the last scenarios opened or saved, newest first, kept in the
// user's config folder. A missing or corrupt list is an empty one, never a failure to start.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace haven::editor {

class RecentFiles {
public:
    static constexpr std::size_t kLimit = 8;

    // `path` is usually userFolder(Config)/editor-recent.json.
    explicit RecentFiles(std::string path);
    static std::string defaultPath();

    const std::vector<std::string>& files() const { return files_; }
    // Puts `scenarioFile` first (once) and saves the list; false with `error` when it cannot be saved.
    bool add(const std::string& scenarioFile, std::string& error);
    bool remove(const std::string& scenarioFile, std::string& error);

private:
    bool save(std::string& error) const;

    std::string path_;
    std::vector<std::string> files_;
};

}  // namespace haven::editor
