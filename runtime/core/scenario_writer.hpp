// The canonical writer: the one way every scenario is saved (editor, `haven fmt`).
// Keys in the order of docs/scenario-format.md, 2-space indent, a trailing newline, and fields
// left out when they hold their default, so that load-then-write of a canonical file is
// byte-identical and diffs stay small.
#pragma once

#include "core/scenario.hpp"

#include <string>

namespace haven {

std::string writeScenarioJson(const Scenario& scenario);

}  // namespace haven
