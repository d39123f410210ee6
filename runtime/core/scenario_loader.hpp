// Loading a scenario folder: scenario.json, its script, positions for every diagnostic.
#pragma once

#include "core/diagnostic.hpp"
#include "core/scenario.hpp"
#include "core/validator.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <string>

namespace haven {

struct LoadResult {
    std::optional<Scenario> scenario;  // present whenever the JSON could be read at all
    Diagnostics diagnostics;
    bool ok() const { return scenario.has_value() && !hasErrors(diagnostics); }
};

// `path` is a scenario folder or its scenario.json. When the file reads without errors it is
// validated with `validation` (nullopt: not at all); every diagnostic gets its line and column.
LoadResult loadScenario(const std::string& path, std::optional<ValidateOptions> validation = ValidateOptions{});

// The same from text already in memory (fuzzing, the editor's unsaved buffer). `file` names it in
// messages; `folder` is where the script and assets are looked up (may be empty).
LoadResult loadScenarioText(const std::string& text, const std::string& file, const std::string& folder,
                            std::optional<ValidateOptions> validation = ValidateOptions{});

// Whether a path written in a scenario stays inside its folder (no absolute paths, no "..").
bool isSafeRelativePath(const std::string& path);

// A 64-bit hash of a scenario's files, to notice that a save or record was made against other
// content. It detects change, not tampering.
class ContentHash {
public:
    void add(std::string_view bytes);
    std::string hex() const;  // 16 lower-case hex digits

private:
    std::uint64_t state_ = 0x243F6A8885A308D3ull;
};

std::string hashHex(std::string_view text);

}  // namespace haven
