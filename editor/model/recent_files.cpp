#include "model/recent_files.hpp"

#include "core/atomic_file.hpp"
#include "core/settings.hpp"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace haven::editor {
namespace fs = std::filesystem;

RecentFiles::RecentFiles(std::string path) : path_(std::move(path)) {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return;
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document json;
    json.Parse(text.str().c_str());
    if (json.HasParseError() || !json.IsArray()) return;  // a corrupt list is an empty one
    for (const auto& item : json.GetArray())
        if (item.IsString() && files_.size() < kLimit) files_.emplace_back(item.GetString());
}

std::string RecentFiles::defaultPath() {
    return (fs::path(userFolder(UserFolder::Config)) / "editor-recent.json").string();
}

bool RecentFiles::add(const std::string& scenarioFile, std::string& error) {
    std::string absolute = fs::absolute(scenarioFile).lexically_normal().string();
    std::erase(files_, absolute);
    files_.insert(files_.begin(), absolute);
    if (files_.size() > kLimit) files_.resize(kLimit);
    return save(error);
}

bool RecentFiles::remove(const std::string& scenarioFile, std::string& error) {
    std::erase(files_, scenarioFile);
    return save(error);
}

bool RecentFiles::save(std::string& error) const {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 2);
    writer.StartArray();
    for (const auto& file : files_) writer.String(file.c_str());
    writer.EndArray();
    std::error_code ec;
    fs::create_directories(fs::path(path_).parent_path(), ec);
    return writeFileAtomically(path_, std::string(buffer.GetString()) + "\n", error);
}

}  // namespace haven::editor
