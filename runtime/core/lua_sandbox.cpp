#include "core/lua_sandbox.hpp"

#include <lua.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace haven {

struct LuaSandbox::State {
    std::size_t used = 0;
    std::size_t memoryLimit = 0;
    std::uint64_t instructionLimit = 0;
    std::uint64_t stepLimit = 0;
    std::uint64_t counted = 0;      // in this evaluation
    std::uint64_t countedStep = 0;  // in every evaluation since beginStep
    bool timedOut = false;
    std::uint64_t seed = 0;
    std::vector<std::string> printed;
};

namespace {

using State = LuaSandbox::State;

constexpr int kHookEvery = 1000;      // instructions between two looks at the budget
constexpr std::size_t kMaxPrinted = 200;  // log lines kept per session
constexpr std::size_t kMaxPrintLength = 2000;

State& stateOf(lua_State* L) {
    void* ud = nullptr;
    lua_getallocf(L, &ud);
    return *static_cast<State*>(ud);
}

// Counts every byte Lua holds and refuses growth past the cap; Lua then raises a memory error
// inside the evaluation that asked, and the state stays usable.
void* allocate(void* ud, void* ptr, std::size_t oldSize, std::size_t newSize) {
    auto& state = *static_cast<State*>(ud);
    std::size_t old = ptr ? oldSize : 0;
    if (newSize == 0) {
        std::free(ptr);
        state.used -= old;
        return nullptr;
    }
    if (newSize > old && state.used - old + newSize > state.memoryLimit) return nullptr;
    void* grown = std::realloc(ptr, newSize);
    if (grown) state.used = state.used - old + newSize;
    return grown;
}

// The count hook is how runaway loops end: it raises an error once a budget is spent, and again
// at every later look, so a loop cannot outlive it. Each evaluation has a budget, and so has a
// whole step, so fifty slow conditions on one node cannot add up to a minute's wait.
void countHook(lua_State* L, lua_Debug*) {
    auto& state = stateOf(L);
    state.counted += kHookEvery;
    state.countedStep += kHookEvery;
    if (state.counted > state.instructionLimit) {
        state.timedOut = true;
        luaL_error(L, "the script ran too long (more than %d million instructions)",
                   static_cast<int>(state.instructionLimit / 1'000'000));
    }
    if (state.countedStep > state.stepLimit) {
        state.timedOut = true;
        luaL_error(L, "this step's scripts ran too long together (more than %d million instructions)",
                   static_cast<int>(state.stepLimit / 1'000'000));
    }
}

// tostring without addresses ("table: 0x55d…"), which differ from run to run and would make a
// replayed session show different text.
int safeToString(lua_State* L) {
    luaL_checkany(L, 1);
    int type = lua_type(L, 1);
    if (type == LUA_TTABLE || type == LUA_TFUNCTION || type == LUA_TUSERDATA || type == LUA_TTHREAD)
        lua_pushstring(L, lua_typename(L, type));
    else
        luaL_tolstring(L, 1, nullptr);
    return 1;
}

int safePrint(lua_State* L) {
    auto& state = stateOf(L);
    std::string line;
    int n = lua_gettop(L);
    for (int i = 1; i <= n; ++i) {
        std::size_t length = 0;
        const char* text = luaL_tolstring(L, i, &length);
        if (i > 1) line += '\t';
        line.append(text, std::min(length, kMaxPrintLength));
        lua_pop(L, 1);
    }
    if (state.printed.size() < kMaxPrinted) state.printed.push_back(line.substr(0, kMaxPrintLength));
    return 0;
}

int refuseWrite(lua_State* L) {
    return luaL_error(L, "the standard libraries cannot be changed");
}

void copyFields(lua_State* L, int from, int to, std::initializer_list<const char*> names) {
    from = lua_absindex(L, from);
    to = lua_absindex(L, to);
    for (const char* name : names) {
        lua_getfield(L, from, name);
        lua_setfield(L, to, name);
    }
}

// Pushes a read-only view of the table at `index`, so a script cannot rewrite a library for the
// rest of the play-through.
void pushReadOnly(lua_State* L, int index) {
    index = lua_absindex(L, index);
    lua_newtable(L);
    lua_newtable(L);
    lua_pushvalue(L, index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, refuseWrite);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

// Opens the allowlisted libraries into a fresh globals table. Runs protected: any failure here
// is an ordinary Lua error, not a panic.
int openSandbox(lua_State* L) {
    auto& state = stateOf(L);
    luaL_requiref(L, "_G", luaopen_base, 0);
    int base = lua_gettop(L);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);
    int string = lua_gettop(L);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 0);
    int table = lua_gettop(L);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 0);
    int math = lua_gettop(L);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 0);
    int utf8 = lua_gettop(L);

    // Seed before randomseed disappears, so replays of a session draw the same numbers.
    lua_getfield(L, math, "randomseed");
    lua_pushinteger(L, static_cast<lua_Integer>(state.seed));
    lua_call(L, 1, 0);

    lua_newtable(L);  // what every chunk can see besides the variables
    int library = lua_gettop(L);
    copyFields(L, base, library,
               {"assert", "error", "ipairs", "rawequal", "rawget", "rawlen", "select", "tonumber", "type"});
    lua_pushcfunction(L, safePrint);
    lua_setfield(L, library, "print");
    lua_pushcfunction(L, safeToString);
    lua_setfield(L, library, "tostring");

    lua_newtable(L);
    copyFields(L, string, -1,
               {"byte", "char", "format", "len", "lower", "rep", "reverse", "sub", "upper", "pack",
                "packsize", "unpack"});
    int safeString = lua_gettop(L);
    pushReadOnly(L, safeString);
    lua_setfield(L, library, "string");

    // Method calls on strings ("x"):upper() go through the string metatable: point it at the
    // safe table, and hide the metatable itself.
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    pushReadOnly(L, safeString);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    lua_newtable(L);
    copyFields(L, math, -1,
               {"abs", "ceil", "floor", "fmod", "huge", "max", "maxinteger", "min", "mininteger", "modf",
                "pi", "random", "sqrt", "tointeger", "type", "ult", "exp", "log", "sin", "cos", "tan",
                "asin", "acos", "atan"});
    pushReadOnly(L, -1);
    lua_setfield(L, library, "math");
    lua_pop(L, 1);
    pushReadOnly(L, table);
    lua_setfield(L, library, "table");
    pushReadOnly(L, utf8);
    lua_setfield(L, library, "utf8");

    lua_newtable(L);  // the globals: variables and the script's functions
    lua_newtable(L);
    lua_pushvalue(L, library);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    return 0;
}

// Lua names our chunks "?"; say "line N" instead, the way an author reads it.
std::string tidyMessage(std::string message) {
    if (message.rfind("?:", 0) == 0) {
        std::size_t colon = message.find(':', 2);
        if (colon != std::string::npos) message = "line " + message.substr(2, colon - 2) + ":" + message.substr(colon + 1);
    }
    return message;
}

std::string errorText(lua_State* L) {
    const char* text = lua_tostring(L, -1);
    std::string message = text ? text : "(the error was not a string)";
    lua_pop(L, 1);
    return tidyMessage(message);
}

std::string wrap(std::string_view code, ChunkKind kind) {
    // The newline keeps a trailing "-- comment" from swallowing the closing parenthesis.
    if (kind == ChunkKind::Expression) return "return (" + std::string(code) + "\n)";
    return std::string(code);
}

// Loads `code` as text only (never bytecode); on success leaves the function on the stack.
std::optional<LuaError> load(lua_State* L, std::string_view code, ChunkKind kind) {
    std::string source = wrap(code, kind);
    int status = luaL_loadbufferx(L, source.data(), source.size(), "=?", "t");
    if (status == LUA_OK) return std::nullopt;
    LuaErrorKind errorKind = status == LUA_ERRMEM ? LuaErrorKind::Memory : LuaErrorKind::Syntax;
    LuaError error{errorKind, errorText(L)};
    if (kind == ChunkKind::Expression) {
        // The wrapper's closing parenthesis has a line of its own, which the author never wrote:
        // an error found there ("trust >=") belongs to the expression's last line, and the ')'
        // it names is the wrapper's, met because the expression stopped short.
        std::size_t lines = 1;
        for (char c : code) lines += c == '\n';
        std::string past = "line " + std::to_string(lines + 1) + ":";
        if (error.message.rfind(past, 0) == 0) {
            error.message = "line " + std::to_string(lines) + ":" + error.message.substr(past.size());
            static constexpr std::string_view kParen = "near ')'";
            if (auto at = error.message.find(kParen); at != std::string::npos)
                error.message.replace(at, kParen.size(), "at the end");
        }
    }
    return error;
}

}  // namespace

LuaSandbox::LuaSandbox(std::uint64_t seed, LuaLimits limits) : state_(std::make_unique<State>()) {
    state_->memoryLimit = limits.memoryBytes;
    state_->instructionLimit = limits.instructions;
    state_->stepLimit = limits.stepInstructions;
    state_->seed = seed;
    L_ = lua_newstate(allocate, state_.get());
    if (!L_) throw std::bad_alloc();
    lua_pushcfunction(L_, openSandbox);
    if (lua_pcall(L_, 0, 0, 0) != LUA_OK) {
        std::string message = errorText(L_);
        lua_close(L_);
        throw std::runtime_error("cannot set up the Lua sandbox: " + message);
    }
    lua_sethook(L_, countHook, LUA_MASKCOUNT, kHookEvery);
}

LuaSandbox::~LuaSandbox() {
    if (L_) lua_close(L_);
}

void LuaSandbox::beginStep() {
    state_->countedStep = 0;
}

std::optional<LuaError> LuaSandbox::call(int nresults) {
    state_->counted = 0;
    state_->timedOut = false;
    int status = lua_pcall(L_, 0, nresults, 0);
    if (status == LUA_OK) return std::nullopt;
    LuaError error{LuaErrorKind::Runtime, errorText(L_)};
    if (status == LUA_ERRMEM) {
        error.kind = LuaErrorKind::Memory;
        error.message = "the script used more than " + std::to_string(state_->memoryLimit >> 20) + " MiB of memory";
        lua_gc(L_, LUA_GCCOLLECT);
    } else if (state_->timedOut) {
        error.kind = LuaErrorKind::Timeout;
    }
    return error;
}

int LuaSandbox::chunk(const std::string& code, ChunkKind kind, std::optional<LuaError>& error) {
    auto& cache = kind == ChunkKind::Expression ? expressions_ : statements_;
    auto it = cache.find(code);
    if (it != cache.end()) return it->second;
    error = load(L_, code, kind);
    if (error) return LUA_NOREF;
    int ref = luaL_ref(L_, LUA_REGISTRYINDEX);
    cache.emplace(code, ref);
    return ref;
}

std::optional<LuaError> LuaSandbox::compile(std::string_view code, ChunkKind kind) {
    auto error = load(L_, code, kind);
    lua_settop(L_, 0);
    if (error && error->kind == LuaErrorKind::Memory) lua_gc(L_, LUA_GCCOLLECT);
    return error;
}

std::optional<LuaError> LuaSandbox::runScript(std::string_view code) {
    if (auto error = load(L_, code, ChunkKind::Statements)) return error;
    return call(0);
}

std::optional<LuaError> LuaSandbox::run(const std::string& statements) {
    std::optional<LuaError> error;
    int ref = chunk(statements, ChunkKind::Statements, error);
    if (error) return error;
    lua_rawgeti(L_, LUA_REGISTRYINDEX, ref);
    return call(0);
}

std::optional<LuaError> LuaSandbox::test(const std::string& expression, bool& result) {
    result = false;
    std::optional<LuaError> error;
    int ref = chunk(expression, ChunkKind::Expression, error);
    if (error) return error;
    lua_rawgeti(L_, LUA_REGISTRYINDEX, ref);
    error = call(1);
    if (error) return error;
    result = lua_toboolean(L_, -1);
    lua_pop(L_, 1);
    return std::nullopt;
}

void LuaSandbox::setVariable(const std::string& name, const Value& value) {
    lua_pushglobaltable(L_);
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) lua_pushboolean(L_, v);
            else if constexpr (std::is_same_v<T, std::int64_t>) lua_pushinteger(L_, v);
            else if constexpr (std::is_same_v<T, double>) lua_pushnumber(L_, v);
            else lua_pushlstring(L_, v.data(), v.size());
        },
        value);
    lua_setfield(L_, -2, name.c_str());
    lua_pop(L_, 1);
}

namespace {

std::optional<Value> toValue(lua_State* L, int index) {
    switch (lua_type(L, index)) {
        case LUA_TBOOLEAN: return Value{static_cast<bool>(lua_toboolean(L, index))};
        case LUA_TNUMBER:
            if (lua_isinteger(L, index)) return Value{static_cast<std::int64_t>(lua_tointeger(L, index))};
            return Value{static_cast<double>(lua_tonumber(L, index))};
        case LUA_TSTRING: {
            std::size_t length = 0;
            const char* text = lua_tolstring(L, index, &length);
            return Value{std::string(text, length)};
        }
        default: return std::nullopt;
    }
}

}  // namespace

std::optional<std::string> LuaSandbox::variableText(const std::string& name) {
    lua_pushglobaltable(L_);
    lua_pushlstring(L_, name.data(), name.size());
    lua_rawget(L_, -2);
    std::optional<std::string> text;
    if (lua_type(L_, -1) == LUA_TBOOLEAN) {
        text = lua_toboolean(L_, -1) ? "true" : "false";
    } else if (lua_type(L_, -1) == LUA_TNUMBER || lua_type(L_, -1) == LUA_TSTRING) {
        std::size_t length = 0;
        const char* s = lua_tolstring(L_, -1, &length);  // converts a copy on the stack only
        text = std::string(s, length);
    }
    lua_pop(L_, 2);
    return text;
}

std::map<std::string, Value> LuaSandbox::variables() {
    std::map<std::string, Value> out;
    lua_pushglobaltable(L_);
    lua_pushnil(L_);
    while (lua_next(L_, -2)) {
        if (lua_type(L_, -2) == LUA_TSTRING)
            if (auto value = toValue(L_, -1)) out.emplace(lua_tostring(L_, -2), *value);
        lua_pop(L_, 1);
    }
    lua_pop(L_, 1);
    return out;
}

std::vector<std::string> LuaSandbox::takePrinted() {
    return std::exchange(state_->printed, {});
}

std::size_t LuaSandbox::memoryUsed() const {
    return state_->used;
}

std::optional<LuaError> compileCheck(std::string_view code, ChunkKind kind) {
    // One sandbox per thread, reused: creating a state costs far more than compiling a chunk.
    thread_local LuaSandbox sandbox(0);
    return sandbox.compile(code, kind);
}

}  // namespace haven
