// What the fuzz harnesses do with one input, shared by the libFuzzer targets (fuzz/*.cpp) and by
// the regression replay in the normal test suite (tests/unit/fuzz_regressions_test.cpp), so the
// two can never drift apart.
//
// Each function returns an empty string when every checked property holds, otherwise a
// description of the first one that failed. A crash, a sanitizer report or an exception escaping
// is a finding too: nothing here catches what the code under test should not throw.
#pragma once

#include <string>

namespace haven::fuzz {

// The name the fuzzed text is given in diagnostics; every diagnostic must carry it.
inline constexpr const char* kScenarioFile = "fuzz/scenario.json";
inline constexpr const char* kInputFile = "fuzz/input.json";

// Loads `text` as a scenario.json whose script and assets live in `folder` (the harnesses use
// fuzz/scenario-folder), with default validation. Checks that
//   - every diagnostic names the file, has a message and a position inside the text;
//   - the scenario can always be written; when it loads ok, a few steps play through a real
//     Session (first choice, empty checklist, first option; one undo) and the debrief renders;
//   - when it loads ok, the written text loads ok again and writing that is byte-identical.
std::string exerciseScenario(const std::string& text, const std::string& folder);

// Parses `text` as an input file (and as a --choices list). Checks that
//   - diagnostics name the file and the result agrees with them (ok exactly when none);
//   - parsed inputs written with inputsToJson parse back to the same inputs, byte-identically;
//   - the inputs can be applied to a small built-in scenario (an InputError is an answer, not a
//     failure).
std::string exerciseInputs(const std::string& text);

}  // namespace haven::fuzz
