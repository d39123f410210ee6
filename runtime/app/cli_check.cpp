// haven check: validation for authors and CI, in words or as JSON for tools (the editor, CI bots).
#include "app/cli.hpp"

#include "core/json_text.hpp"
#include "core/scenario_loader.hpp"

#include <rapidjson/prettywriter.h>

#include <iostream>

namespace haven::cli {
namespace {

std::string diagnosticsJson(const Diagnostics& diagnostics) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    w.StartObject();
    w.Key("diagnostics");
    w.StartArray();
    for (const auto& d : diagnostics) {
        w.StartObject();
        w.Key("severity");
        w.String(toString(d.severity));
        w.Key("file");
        w.String(d.file.c_str());
        w.Key("path");
        w.String(d.path.c_str());
        w.Key("line");
        w.Int(d.line);
        w.Key("column");
        w.Int(d.column);
        w.Key("message");
        w.String(d.message.c_str());
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString()) + "\n";
}

}  // namespace

int check(const Args& args) {
    std::vector<std::string> paths;
    bool json = false;
    if (!pathsAndFlag(args, "--json", "usage: haven check PATH... [--json]", paths, json)) return 2;
    Diagnostics all;
    int errors = 0, warnings = 0;
    std::vector<std::string> scenarios = expandScenarioPaths(paths);
    for (const auto& path : scenarios) {
        LoadResult result = loadScenario(path);
        // Freeing a large scenario's many small strings just before the process ends costs more
        // than a tenth of a check; the last one is left for the operating system to reclaim.
        if (&path == &scenarios.back() && result.scenario) keepUntilExit(std::move(*result.scenario));
        for (const auto& d : result.diagnostics) (d.severity == Severity::Error ? errors : warnings)++;
        if (!json) {
            printDiagnostics(result.diagnostics, std::cout);
            if (result.diagnostics.empty()) std::cout << path << ": ok\n";
        }
        all.insert(all.end(), result.diagnostics.begin(), result.diagnostics.end());
    }
    if (json) std::cout << diagnosticsJson(all);
    else std::cout << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                   << (warnings == 1 ? " warning\n" : " warnings\n");
    return errors > 0 ? 1 : 0;
}

}  // namespace haven::cli
