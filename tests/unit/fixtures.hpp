// Small scenario texts and diagnostic look-ups shared by the unit suites (header only; the
// CMake glob builds only *_test.cpp files, so this is included, never compiled on its own).
#pragma once

// haven::toString(Severity) and friends return const char*, and doctest finds them by ADL when it
// prints a failed comparison; stringifying twice turns that into doctest's own String.
#define DOCTEST_CONFIG_DOUBLE_STRINGIFY

#include "core/diagnostic.hpp"
#include "core/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace haven::test {

// Two nodes: a scene with one choice, and an ending. Every field a validator wants is present.
inline const std::string kMinimalNodes = R"([
    {
      "id": "meet",
      "type": "scene",
      "text": "A person waits.",
      "choices": [
        {"id": "hello", "text": "Say hello.", "goto": "end", "feedback": "Good."}
      ]
    },
    {"id": "end", "type": "ending", "outcome": "protected"}
  ])";

// A scenario.json text. `extra` holds further top-level fields, each followed by a comma (e.g.
// `"variables": {"x": 1},`); `nodes` is the nodes array. Line 5 is always the title.
inline std::string scenarioText(const std::string& extra = "", const std::string& nodes = kMinimalNodes,
                                const std::string& start = "meet") {
    return "{\n  \"format\": \"haven-scenario\",\n  \"version\": 1,\n  \"id\": \"test\",\n"
           "  \"title\": \"Test\",\n  \"start\": \"" + start + "\",\n" +
           (extra.empty() ? "" : "  " + extra + "\n") + "  \"nodes\": " + nodes + "\n}\n";
}

// `text` with the single occurrence of `from` replaced by `to`; fails the test if `from` is not
// there exactly once, so a fixture cannot silently stop matching.
inline std::string replaceOnce(std::string text, std::string_view from, std::string_view to) {
    std::size_t at = text.find(from);
    INFO("replacing: " << from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

// 1-based line of the first occurrence of `needle` in `text`.
inline int lineOf(const std::string& text, std::string_view needle) {
    std::size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

inline LoadResult loadText(const std::string& text, std::optional<ValidateOptions> validation = std::nullopt,
                           const std::string& folder = "") {
    return loadScenarioText(text, "scenario.json", folder, validation);
}

inline std::string describe(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) out += format(d) + "\n";
    return out.empty() ? "(no diagnostics)" : out;
}

// The first diagnostic at exactly `path` whose message contains `part`, or null.
inline const Diagnostic* findDiagnostic(const Diagnostics& diagnostics, std::string_view path,
                                        std::string_view part = "") {
    for (const auto& d : diagnostics)
        if (d.path == path && d.message.find(part) != std::string::npos) return &d;
    return nullptr;
}

inline std::size_t countSeverity(const Diagnostics& diagnostics, Severity severity) {
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                  [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace haven::test
