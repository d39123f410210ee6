// The Lua compile check the inspector runs as the author types: the core's compileCheck, with its
// "line N: …" message split so the line can be shown beside the field and the text read alone.
#pragma once

#include "core/lua_sandbox.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace haven::editor {

struct LuaProblem {
    int line = 0;         // 1-based line in the author's text; 0 when Lua named none
    std::string message;  // without the "line N:" prefix
};

// Nothing when `code` compiles (or is empty); conditions are expressions, effects and on_enter
// statements. Remembers recent answers: the inspector asks for every chunk it shows on every
// frame, and a chunk only changes when the author types.
std::optional<LuaProblem> checkLua(std::string_view code, ChunkKind kind);

// "Line 3: 'end' expected at the end", as shown under a field.
std::string describe(const LuaProblem& problem);

// Splits a message of compileCheck's ("line 3: 'end' expected near <eof>").
LuaProblem splitLuaMessage(const std::string& message);

}  // namespace haven::editor
