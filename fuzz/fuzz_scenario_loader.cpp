// libFuzzer harness: a scenario.json from an untrusted source, loaded, validated, played a few
// steps, written and re-loaded. See fuzz/README.md; the checks are in exercise.cpp.
#include "exercise.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    std::string problem = haven::fuzz::exerciseScenario(text, HAVEN_FUZZ_SCENARIO_FOLDER);
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_scenario_loader: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
