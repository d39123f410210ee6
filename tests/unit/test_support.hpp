// Helpers shared by the test suites: source paths, temporary folders, running the real binary.
#pragma once

#include <string>

namespace haven::test {

// A path inside the source tree, e.g. source("scenarios/tutorial").
std::string source(const std::string& relative);

// A fresh empty folder under the system's temporary directory, removed at exit.
std::string temporaryFolder();

void writeText(const std::string& path, const std::string& text);
std::string readText(const std::string& path);

struct Run {
    int status = -1;  // exit status
    std::string out;
    std::string err;
};

// Runs the built `haven` with `args` (shell-quoted here), feeding `input` on standard input.
Run runHaven(const std::string& args, const std::string& input = "");

}  // namespace haven::test
