// The starting library of indicators the scenario panel offers: the ILO's 11 indicators of forced
// labour and the screening-checklist items of the shared domain reference (COMMIT-style and
// ILO–EC operational indicators), with the ids the shipped scenarios already use, so that
// debriefs stay comparable across the library. UI-free.
#pragma once

#include "core/scenario.hpp"

#include <vector>

namespace haven::editor {

inline constexpr const char* kIloCategory = "ILO forced labour";

// Every entry, the ILO's 11 first (in the ILO's order), then the checklist items by category.
const std::vector<Indicator>& indicatorLibrary();

// The library's ILO forced-labour indicators alone, as a new scenario starts with.
std::vector<Indicator> iloIndicators();

// The library's entries whose id `scenario` does not have yet, in library order.
std::vector<Indicator> missingIndicators(const Scenario& scenario);

}  // namespace haven::editor
