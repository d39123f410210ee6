#include "model/backups.hpp"

#include "core/atomic_file.hpp"
#include "core/scenario_loader.hpp"
#include "core/settings.hpp"
#include "core/utc_time.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace haven::editor {
namespace fs = std::filesystem;

Backups::Backups(std::string folder) : folder_(std::move(folder)) {}

std::string Backups::defaultFolder() {
    return (fs::path(userFolder(UserFolder::Data)) / "editor" / "backups").string();
}

std::string Backups::folderFor(const std::string& scenarioFile) const {
    return (fs::path(folder_) / hashHex(fs::absolute(scenarioFile).lexically_normal().string())).string();
}

bool Backups::keep(const std::string& scenarioFile, std::string& error) {
    std::ifstream in(scenarioFile, std::ios::binary);
    if (!in) return true;  // nothing saved there yet: nothing to back up
    std::stringstream text;
    text << in.rdbuf();
    const std::string folder = folderFor(scenarioFile);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        error = folder + ": cannot create the backup folder: " + ec.message();
        return false;
    }
    // Named by the time, so names sort by age; two saves in one second keep the later copy.
    const std::string name = "scenario-" + utcNow("%Y%m%d-%H%M%S") + ".json";
    if (!writeFileAtomically((fs::path(folder) / name).string(), text.str(), error)) return false;
    const auto all = of(scenarioFile);
    for (std::size_t i = kKeep; i < all.size(); ++i) fs::remove(all[i], ec);
    return true;
}

std::vector<std::string> Backups::of(const std::string& scenarioFile) const {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(folderFor(scenarioFile), ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json") files.push_back(it->path().string());
    std::sort(files.rbegin(), files.rend());
    return files;
}

}  // namespace haven::editor
