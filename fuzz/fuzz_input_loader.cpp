// libFuzzer harness: an input file (`haven play --input`, saves, records) from an untrusted
// source, parsed, written back and applied to a small scenario. See fuzz/README.md; the checks
// are in exercise.cpp.
#include "exercise.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    std::string problem = haven::fuzz::exerciseInputs(text);
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_input_loader: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
