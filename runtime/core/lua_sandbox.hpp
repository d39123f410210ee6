// The Lua sandbox: one Lua state per play-through, holding the scenario's variables.
//
// Scenario scripts are untrusted content. Only an allowlist of libraries is reachable (see
// docs/scenario-format.md for what is removed and why), every evaluation runs under an
// instruction limit, the state under a memory cap, and every call is protected: an error never
// escapes as an exception or an abort.
#pragma once

#include "core/scenario.hpp"

#include <cstdint>
#include <map>
#include <unordered_map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct lua_State;

namespace haven {

struct LuaLimits {
    std::size_t memoryBytes = 32u << 20;
    std::uint64_t instructions = 10'000'000;      // per evaluation
    std::uint64_t stepInstructions = 30'000'000;  // per step: every evaluation until the next beginStep
};

// Kept apart as in Wikimedia's LuaSandbox, so messages and tests can tell them apart.
enum class LuaErrorKind { Syntax, Runtime, Memory, Timeout };

struct LuaError {
    LuaErrorKind kind = LuaErrorKind::Runtime;
    std::string message;  // Lua's message, with the chunk's line; no file or node context
};

enum class ChunkKind { Expression, Statements };

// Compiles `code` in a throwaway sandbox and reports a syntax error, if any. Used by validation;
// cheap enough to call for every chunk of a large scenario.
std::optional<LuaError> compileCheck(std::string_view code, ChunkKind kind);

class LuaSandbox {
public:
    explicit LuaSandbox(std::uint64_t seed, LuaLimits limits = {});
    ~LuaSandbox();
    LuaSandbox(const LuaSandbox&) = delete;
    LuaSandbox& operator=(const LuaSandbox&) = delete;

    // Compiles without running or keeping the chunk: a syntax check.
    std::optional<LuaError> compile(std::string_view code, ChunkKind kind);

    // Runs the scenario's helper script; its functions become globals for every later chunk.
    std::optional<LuaError> runScript(std::string_view code);

    void setVariable(const std::string& name, const Value& value);

    // Starts a new step's instruction budget (the session calls it for each input).
    void beginStep();

    // Compiled chunks are cached by their text, so each is compiled at most once per session.
    std::optional<LuaError> run(const std::string& statements);
    // The truth of an expression (Lua's: anything but nil and false).
    std::optional<LuaError> test(const std::string& expression, bool& result);

    // A variable's value as text for {interpolation}; nullopt when it is nil or a function.
    std::optional<std::string> variableText(const std::string& name);

    // Every global that is not a function: the declared variables and any a script created.
    std::map<std::string, Value> variables();

    // What scripts passed to print(), oldest first; taking it clears it.
    std::vector<std::string> takePrinted();

    std::size_t memoryUsed() const;

    struct State;  // allocator and hook bookkeeping; public so the C callbacks can reach it

private:
    int chunk(const std::string& code, ChunkKind kind, std::optional<LuaError>& error);
    std::optional<LuaError> call(int nresults);

    std::unique_ptr<State> state_;
    lua_State* L_ = nullptr;
    std::unordered_map<std::string, int> expressions_;  // text -> registry reference
    std::unordered_map<std::string, int> statements_;
};

}  // namespace haven
