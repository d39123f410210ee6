// `haven check`: the rules a scenario must meet (errors) and should meet (warnings).
// The editor's problems panel calls the same function.
#pragma once

#include "core/diagnostic.hpp"
#include "core/scenario.hpp"

namespace haven {

struct ValidateOptions {
    // Compiling every Lua chunk and scanning it for names is the slow part; the player skips it
    // when opening a scenario (it compiles lazily) and `haven check` does it.
    bool scripts = true;
    bool assets = true;
};

// Appends diagnostics with file and JSON path; the loader adds line numbers.
void validate(const Scenario& scenario, Diagnostics& diagnostics, ValidateOptions options = {});

}  // namespace haven
