// `haven` with no command: the scenario library in the terminal. (The windowed player replaces
// this when a display is available.)
#include "app/cli.hpp"

#include "core/scenario_cache.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace haven::cli {
namespace fs = std::filesystem;

std::string libraryFolder() {
    if (const char* env = std::getenv("HAVEN_SCENARIOS"); env && *env) return env;
    std::error_code ec;
    if (fs::is_directory("scenarios", ec)) return "scenarios";
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    for (fs::path candidate : {exe.parent_path() / "../../scenarios", exe.parent_path() / "../share/haven/scenarios"})
        if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
    return "scenarios";
}

int library(const Args& args) {
    if (!args.empty()) {
        std::cerr << "haven: unknown arguments; see haven help\n";
        return 2;
    }
    std::string folder = libraryFolder();
    std::vector<std::string> paths = expandScenarioPaths({folder});
    std::vector<Scenario> scenarios;
    for (const auto& path : paths) {
        LoadResult result = openForPlay(path);
        if (result.ok()) scenarios.push_back(std::move(*result.scenario));
        else std::cerr << "(skipping " << path << ": it has errors; run haven check " << path << ")\n";
    }
    if (scenarios.empty()) {
        std::cerr << "haven: no scenarios found in " << folder << " (set HAVEN_SCENARIOS to a library folder)\n";
        return 1;
    }
    std::cout << "Haven — scenario library (" << folder << ")\n\n";
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        const Scenario& s = scenarios[i];
        std::cout << i + 1 << ". " << s.title;
        if (s.estimatedMinutes > 0) std::cout << " (" << s.estimatedMinutes << " min)";
        std::cout << "\n";
        if (!s.summary.empty()) std::cout << "   " << s.summary << "\n";
    }
    std::cout << "\nWhich scenario? Type its number (q to quit): " << std::flush;
    std::string line;
    while (std::getline(std::cin, line) && line != "q") {
        std::size_t n = line.find_first_not_of("0123456789") == std::string::npos && !line.empty() && line.size() < 4
                            ? std::stoul(line)
                            : 0;
        if (n >= 1 && n <= scenarios.size()) {
            std::cout << "Mode: 1. practice (feedback as you go)  2. assessment (feedback at the end): " << std::flush;
            std::string mode = "practice";
            if (std::getline(std::cin, line) && line == "2") mode = "assessment";
            return text({scenarios[n - 1].folder, "--mode", mode});
        }
        std::cout << "Please type a number from 1 to " << scenarios.size() << ": " << std::flush;
    }
    return 0;
}

}  // namespace haven::cli
