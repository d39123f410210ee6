// {variable} interpolation in scenario texts. "{{" and "}}" stand for literal braces.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace haven {

using VariableLookup = std::function<std::optional<std::string>(const std::string& name)>;

// Replaces each {name} the lookup knows; leaves unknown ones as written, so a mistake shows.
std::string interpolate(std::string_view text, const VariableLookup& lookup);

// The names a text interpolates, for validation.
std::vector<std::string> interpolatedNames(std::string_view text);

}  // namespace haven
