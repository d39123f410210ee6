// A problem found while loading or checking a scenario, named by file, JSON path and position.
#pragma once

#include <string>
#include <vector>

namespace haven {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    std::string path;  // JSON path such as nodes[3].choices[1].goto; empty for the whole file
    int line = 0;      // 1-based; 0 when unknown
    int column = 0;    // 1-based; 0 when unknown
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

const char* toString(Severity severity);
bool hasErrors(const Diagnostics& diagnostics);

// "file:line:col: error: path: message", the shape compilers and editors understand.
std::string format(const Diagnostic& diagnostic);

}  // namespace haven
