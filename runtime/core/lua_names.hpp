// Which global names a Lua chunk reads or assigns — a lexical approximation, good enough to warn
// about a variable that was never declared (a typo such as `trsut`), not a Lua parser.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace haven {

struct LuaNames {
    std::set<std::string> used;      // global names read or written
    std::set<std::string> assigned;  // global names given a value (x = …, function x …)
};

LuaNames globalNames(std::string_view code);

}  // namespace haven
