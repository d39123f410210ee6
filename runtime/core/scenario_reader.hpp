// Turns parsed scenario JSON into a Scenario, reporting every problem it finds (wrong types,
// missing required fields, unknown fields, bad versions) with its JSON path.
#pragma once

#include "core/diagnostic.hpp"
#include "core/json_text.hpp"
#include "core/scenario.hpp"

namespace haven {

// Fills `scenario` from `root` (migrating an older version in place) as far as the document allows. Diagnostics get `file` and `path`
// but no line; the loader adds positions afterwards.
void readScenario(rapidjson::Document& root, const std::string& file, Scenario& scenario,
                  Diagnostics& diagnostics);

}  // namespace haven
