// haven fmt: rewrite scenario files with the canonical writer, or list those that differ.
#include "app/cli.hpp"

#include "core/atomic_file.hpp"
#include "core/json_text.hpp"
#include "core/scenario_loader.hpp"
#include "core/scenario_writer.hpp"

#include <iostream>

namespace haven::cli {

int fmt(const Args& args) {
    std::vector<std::string> paths;
    bool checkOnly = false;
    if (!pathsAndFlag(args, "--check", "usage: haven fmt PATH... [--check]", paths, checkOnly)) return 2;
    int status = 0;
    for (const auto& path : expandScenarioPaths(paths)) {
        LoadResult result = loadScenario(path, std::nullopt);
        if (!result.ok()) {
            // Rewriting a file we could not fully read would drop what we did not understand.
            printDiagnostics(result.diagnostics, std::cerr);
            std::cerr << path << ": not formatted: it has errors\n";
            status = 1;
            continue;
        }
        bool unknownFields = false;
        for (const auto& d : result.diagnostics)
            if (d.message.rfind("unknown field", 0) == 0) {
                std::cerr << format(d) << "\n";
                unknownFields = true;
            }
        if (unknownFields) {
            std::cerr << path << ": not formatted: the writer would drop the unknown fields above\n";
            status = 1;
            continue;
        }
        const Scenario& scenario = *result.scenario;
        std::string current, error;
        readFileCapped(scenario.file, kMaxFileBytes, current, error);
        std::string canonical = writeScenarioJson(scenario);
        if (current == canonical) continue;
        if (checkOnly) {
            std::cout << scenario.file << "\n";
            status = 1;
        } else if (!writeFileAtomically(scenario.file, canonical, error)) {
            std::cerr << error << "\n";
            status = 1;
        } else {
            std::cout << "formatted " << scenario.file << "\n";
        }
    }
    return status;
}

}  // namespace haven::cli
