// Synthetic scenarios for benchmarks: N nodes shaped like a real training scenario (scenes with
// about three conditional choices, checklists, decisions, endings), deterministic for a seed.
#pragma once

#include "core/scenario.hpp"

#include <cstdint>
#include <string>

namespace haven::bench {

struct GeneratorOptions {
    std::size_t nodes = 1000;
    std::uint64_t seed = 1;
    // Multiplies every text length (node ~200 characters, choice ~60, feedback ~150). At 1 a
    // 10 000-node scenario is about 18.6 MiB, within the format's 32 MiB cap.
    double textScale = 1.0;
};

// The scenario as a model (ids, links and Lua chunks filled in; file fields empty).
Scenario generateScenario(const GeneratorOptions& options);

// The same as canonical scenario.json text (what `haven fmt` would write).
std::string generateScenarioJson(const GeneratorOptions& options);

// Writes folder/scenario.json (creating the folder). Throws std::runtime_error on failure.
void writeScenarioFolder(const GeneratorOptions& options, const std::string& folder);

}  // namespace haven::bench
