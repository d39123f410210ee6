// The `haven` command line: one function per subcommand, sharing argument and output helpers.
#pragma once

#include "core/diagnostic.hpp"
#include "core/scenario.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace haven::cli {

using Args = std::vector<std::string>;

int check(const Args& args);
int fmt(const Args& args);
int play(const Args& args);
int text(const Args& args);
int library(const Args& args);
int report(const Args& args);

// The library folder: $HAVEN_SCENARIOS, else ./scenarios, else next to the program.
std::string libraryFolder();

// Scenario folders named by `paths`: a scenario folder or file as given, or every folder with a
// scenario.json directly inside a library folder.
std::vector<std::string> expandScenarioPaths(const std::vector<std::string>& paths);

// Loads for playing: prints every diagnostic to `err`; nullopt when there are errors.
std::optional<Scenario> loadForPlay(const std::string& path, std::ostream& err);

void printDiagnostics(const Diagnostics& diagnostics, std::ostream& out);

// Arguments of the form PATH... [FLAG]: false (after printing `usage`) on anything else.
bool pathsAndFlag(const Args& args, const std::string& flag, const char* usage, std::vector<std::string>& paths,
                  bool& flagGiven);

// Keeps `scenario` alive until the process exits, without destroying it then (see cli_check).
void keepUntilExit(Scenario&& scenario);

// Options shared by play and text.
bool parseSeed(const std::string& text, std::uint64_t& seed);

}  // namespace haven::cli
