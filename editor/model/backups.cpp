#include "model/backups.hpp"

#include "core/atomic_file.hpp"
#include "core/scenario_loader.hpp"
#include "core/settings.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace haven::editor {
namespace fs = std::filesystem;

namespace {

// Sortable and unique enough: two saves in one second keep the later copy under the same name.
std::string stamp() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%d-%H%M%S", &utc);
    return buffer;
}

}  // namespace

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
    if (!writeFileAtomically((fs::path(folder) / ("scenario-" + stamp() + ".json")).string(), text.str(), error))
        return false;
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
