#include "app/cli.hpp"

#include "core/scenario_cache.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace haven::cli {
namespace fs = std::filesystem;

std::vector<std::string> expandScenarioPaths(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& path : paths) {
        std::error_code ec;
        bool isLibrary = fs::is_directory(path, ec) && !fs::exists(fs::path(path) / "scenario.json", ec);
        if (!isLibrary) {
            out.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& entry : fs::directory_iterator(path, ec))
            if (entry.is_directory() && fs::exists(entry.path() / "scenario.json"))
                found.push_back(entry.path().string());
        std::sort(found.begin(), found.end());
        if (found.empty()) out.push_back(path);  // let the loader say what is missing
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

void printDiagnostics(const Diagnostics& diagnostics, std::ostream& out) {
    for (const auto& d : diagnostics) out << format(d) << "\n";
}

std::optional<Scenario> loadForPlay(const std::string& path, std::ostream& err) {
    LoadResult result = openForPlay(path);  // Lua compiles lazily while playing; `haven check` compiles all
    Diagnostics errors;
    for (const auto& d : result.diagnostics)
        if (d.severity == Severity::Error) errors.push_back(d);
    printDiagnostics(errors, err);
    if (!result.ok()) {
        err << "haven: cannot play " << path << ": fix the errors above (haven check " << path << ")\n";
        return std::nullopt;
    }
    return std::move(result.scenario);
}

bool pathsAndFlag(const Args& args, const std::string& flag, const char* usage, std::vector<std::string>& paths,
                  bool& flagGiven) {
    for (const auto& arg : args) {
        if (arg == flag) flagGiven = true;
        else if (arg.rfind("--", 0) == 0) {
            std::cerr << "unknown option " << arg << "\n" << usage << "\n";
            return false;
        } else paths.push_back(arg);
    }
    if (paths.empty()) std::cerr << usage << "\n";
    return !paths.empty();
}

void keepUntilExit(Scenario&& scenario) {
    static auto* kept = new std::vector<Scenario>();  // never deleted, on purpose
    kept->push_back(std::move(scenario));
}

bool parseSeed(const std::string& text, std::uint64_t& seed) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 19) return false;
    seed = std::stoull(text);
    return true;
}

}  // namespace haven::cli
