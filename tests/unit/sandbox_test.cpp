// The Lua sandbox: scenario scripts are untrusted, so everything outside the allowlist is gone,
// every evaluation is bounded in instructions and memory, and no error escapes or lingers.
#include "fixtures.hpp"

#include "core/lua_sandbox.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace haven;

namespace {

using Clock = std::chrono::steady_clock;

const char* kindName(LuaErrorKind kind) {
    switch (kind) {
        case LuaErrorKind::Syntax: return "Syntax";
        case LuaErrorKind::Runtime: return "Runtime";
        case LuaErrorKind::Memory: return "Memory";
        case LuaErrorKind::Timeout: return "Timeout";
    }
    return "?";
}

bool truth(LuaSandbox& lua, const std::string& expression) {
    bool result = false;
    auto error = lua.test(expression, result);
    INFO(expression << ": " << (error ? error->message : ""));
    REQUIRE_FALSE(error);
    return result;
}

// The sandbox still works after whatever came before: it runs, remembers and answers.
void checkUsable(LuaSandbox& lua) {
    auto error = lua.run("after = 40 + 2");
    INFO((error ? error->message : ""));
    REQUIRE_FALSE(error);
    CHECK(truth(lua, "after == 42"));
    CHECK(truth(lua, "string.upper('ok') == 'OK'"));
}

}  // namespace

TEST_CASE("every removed global and library function is nil, and calling it is a runtime error") {
    LuaSandbox lua(1);
    const char* removed[] = {"io",          "os",          "package",     "require",     "debug",
                             "load",        "loadstring",  "dofile",      "loadfile",    "string.dump",
                             "collectgarbage", "getmetatable", "setmetatable", "pcall",    "xpcall",
                             "coroutine",   "string.find", "string.match", "string.gmatch", "string.gsub",
                             "math.randomseed", "_G", "_ENV.io", "_ENV.os", "rawset", "pairs", "next"};
    for (const char* name : removed) {
        INFO(std::string(name));
        CHECK(truth(lua, std::string(name) + " == nil"));
    }
    const char* calls[] = {"io.open('/etc/passwd')", "os.execute('true')", "os.time()", "require('os')",
                           "debug.getregistry()", "load('return 1')()", "loadstring('return 1')()",
                           "dofile('/etc/passwd')", "loadfile('/etc/passwd')", "string.dump(print)",
                           "collectgarbage('stop')", "getmetatable('')", "setmetatable({}, {})",
                           "rawset(string, 'upper', print)",
                           "pcall(error, 'x')", "xpcall(error, print)", "coroutine.create(print)",
                           "string.find('abc', 'b')", "string.match('abc', 'b')", "string.gmatch('abc', '.')",
                           "string.gsub('abc', 'b', 'x')", "('abc'):gsub('b', 'x')", "('abc'):find('b')",
                           "('abc'):match('b')", "('abc'):dump()", "math.randomseed(1)", "package.loadlib('x', 'y')"};
    for (const char* call : calls) {
        INFO(std::string(call));
        auto error = lua.run(call);
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Runtime"));
        CHECK(error->message.find("nil") != std::string::npos);
        CHECK(error->message.rfind("line 1:", 0) == 0);
    }
    checkUsable(lua);
}

TEST_CASE("what is allowed is there") {
    LuaSandbox lua(1);
    for (const char* expression :
         {"type(assert) == 'function'", "type(error) == 'function'", "type(ipairs) == 'function'",
          "type(rawequal) == 'function'",
          "type(rawget) == 'function'", "type(rawlen) == 'function'",
          "type(select) == 'function'", "type(tonumber) == 'function'", "type(tostring) == 'function'",
          "type(print) == 'function'", "string.upper('abc') == 'ABC'", "('abc'):upper() == 'ABC'",
          "('abc'):len() == 3", "string.format('%d-%s', 3, 'x') == '3-x'", "string.rep('ab', 3) == 'ababab'",
          "string.sub('hello', 2, 3) == 'el'", "math.floor(2.5) == 2", "math.max(1, 5, 3) == 5",
          "math.pi > 3.14", "table.concat({1, 2, 3}, ',') == '1,2,3'", "utf8.len('añb') == 3",
          "select('#', 1, 2, 3) == 3", "tonumber('12') == 12"}) {
        INFO(std::string(expression));
        CHECK(truth(lua, expression));
    }
}

TEST_CASE("the libraries are read-only") {
    LuaSandbox lua(1);
    for (const char* write : {"string.upper = nil", "string.find = function() return 1 end", "math.pi = 3",
                              "table.insert = nil", "utf8.len = print", "math.random = function() return 4 end"}) {
        INFO(std::string(write));
        auto error = lua.run(write);
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Runtime"));
        CHECK(error->message.find("cannot be changed") != std::string::npos);
    }
    CHECK(truth(lua, "string.upper('a') == 'A'"));
    CHECK(truth(lua, "string.find == nil"));
    CHECK(truth(lua, "math.pi > 3.14"));
    CHECK(truth(lua, "math.random(1, 1) == 1"));

    SUBCASE("the string methods cannot be changed through a string either") {
        auto error = lua.run("local s = 'x'; s.upper = nil");
        CHECK(error);
        CHECK(truth(lua, "('a'):upper() == 'A'"));
    }
}

TEST_CASE("bytecode is refused") {
    LuaSandbox lua(1);
    std::string bytecode = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n";
    auto run = lua.run(bytecode);
    REQUIRE(run);
    CHECK(kindName(run->kind) == std::string("Syntax"));
    CHECK(run->message.find("binary") != std::string::npos);
    auto script = lua.runScript(bytecode);
    REQUIRE(script);
    CHECK(kindName(script->kind) == std::string("Syntax"));
    auto compiled = lua.compile(bytecode, ChunkKind::Statements);
    REQUIRE(compiled);
    CHECK(kindName(compiled->kind) == std::string("Syntax"));
    auto check = compileCheck(bytecode, ChunkKind::Statements);
    REQUIRE(check);
    CHECK(kindName(check->kind) == std::string("Syntax"));
    checkUsable(lua);
}

TEST_CASE("a runaway loop ends with Timeout, quickly") {
    LuaSandbox lua(1);
    SUBCASE("statements") {
        auto start = Clock::now();
        auto error = lua.run("while true do end");
        auto elapsed = Clock::now() - start;
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Timeout"));
        CHECK(error->message.find("ran too long") != std::string::npos);
        CHECK(elapsed < std::chrono::seconds(1));
    }
    SUBCASE("an expression") {
        bool result = true;
        auto start = Clock::now();
        auto error = lua.test("(function() while true do end end)()", result);
        CHECK(Clock::now() - start < std::chrono::seconds(1));
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Timeout"));
        CHECK_FALSE(result);
    }
    SUBCASE("the script") {
        auto error = lua.runScript("local n = 0\nrepeat n = n + 1 until false");
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Timeout"));
    }
    SUBCASE("deep recursion is an error, not a crash") {
        auto error = lua.run("local function f(n) return f(n + 1) + 1 end\nf(1)");
        REQUIRE(error);
        CHECK(kindName(error->kind) != std::string("Syntax"));
    }
    // The budget is per evaluation: the next one starts afresh.
    checkUsable(lua);
    CHECK_FALSE(lua.run("local n = 0 for i = 1, 100000 do n = n + i end"));
}

TEST_CASE("the instruction limit is the configured one") {
    LuaSandbox lua(1, LuaLimits{32u << 20, 100'000});
    CHECK_FALSE(lua.run("local n = 0 for i = 1, 1000 do n = n + i end"));
    auto error = lua.run("local n = 0 for i = 1, 1000000 do n = n + i end");
    REQUIRE(error);
    CHECK(kindName(error->kind) == std::string("Timeout"));
}

TEST_CASE("a memory bomb ends with Memory and the sandbox stays usable") {
    LuaSandbox lua(1);
    std::size_t before = lua.memoryUsed();
    CHECK(before > 0);
    SUBCASE("a growing table") {
        auto error = lua.run("local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 1000) end");
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Memory"));
        CHECK(error->message.find("32 MiB") != std::string::npos);
    }
    SUBCASE("one huge string") {
        auto error = lua.run("local s = string.rep('x', 1e9)");
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Memory"));
    }
    SUBCASE("a global that keeps growing") {
        auto error = lua.run("big = {} for i = 1, 1e9 do big[i] = i end");
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Memory"));
        // The table is still referenced; freeing it makes room again.
        CHECK_FALSE(lua.run("big = nil"));
    }
    SUBCASE("concatenation") {
        auto error = lua.run("local s = 'x' while true do s = s .. s end");
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Memory"));
    }
    CHECK(lua.memoryUsed() <= (32u << 20));
    checkUsable(lua);
    CHECK_FALSE(lua.run("local t = {} for i = 1, 1000 do t[i] = string.rep('y', 1000) end"));
}

TEST_CASE("the backtracking pattern cannot run: find is gone") {
    LuaSandbox lua(1);
    auto start = Clock::now();
    auto error = lua.run("return string.find(string.rep('a', 4000), '.-.-.-b')");
    CHECK(Clock::now() - start < std::chrono::seconds(1));
    REQUIRE(error);
    CHECK(kindName(error->kind) == std::string("Runtime"));
    CHECK(error->message.find("find") != std::string::npos);
}

TEST_CASE("syntax errors are Syntax with the line") {
    LuaSandbox lua(1);
    SUBCASE("statements") {
        auto error = lua.run("x = = 1");
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Syntax"));
        CHECK(error->message.rfind("line 1:", 0) == 0);
        CHECK(error->message.find("?:") == std::string::npos);
    }
    SUBCASE("on a later line") {
        auto error = lua.run("x = 1\ny = 2\nif then end");
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Syntax"));
        CHECK(error->message.rfind("line 3:", 0) == 0);
    }
    SUBCASE("an expression") {
        bool result = true;
        auto error = lua.test("trust >=", result);
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Syntax"));
        CHECK(error->message.rfind("line 1:", 0) == 0);
    }
    SUBCASE("statements are not an expression") {
        bool result = true;
        auto error = lua.test("x = 1", result);
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Syntax"));
    }
    SUBCASE("runtime errors carry the line too") {
        auto error = lua.run("local a = 1\nlocal t = nil\nt.x = a");
        REQUIRE(error);
        CHECK(kindName(error->kind) == std::string("Runtime"));
        CHECK(error->message.rfind("line 3:", 0) == 0);
        CHECK(error->message.find("attempt to index a nil value") != std::string::npos);
    }
    SUBCASE("error() with a message and with a table") {
        auto message = lua.run("error('the reason')");
        REQUIRE(message);
        CHECK(message->message.find("the reason") != std::string::npos);
        auto table = lua.run("error({})");
        REQUIRE(table);
        CHECK(kindName(table->kind) == std::string("Runtime"));
        CHECK(table->message.find("not a string") != std::string::npos);
    }
}

TEST_CASE("variables round-trip with their types") {
    LuaSandbox lua(1);
    lua.setVariable("flag", Value{true});
    lua.setVariable("off", Value{false});
    lua.setVariable("count", Value{std::int64_t{3}});
    lua.setVariable("huge", Value{std::int64_t{9007199254740993}});
    lua.setVariable("ratio", Value{2.5});
    lua.setVariable("whole", Value{3.0});
    lua.setVariable("name", Value{std::string("Mai \"M\"\nö")});
    lua.setVariable("empty", Value{std::string()});
    auto vars = lua.variables();
    CHECK(vars.at("flag") == Value{true});
    CHECK(vars.at("off") == Value{false});
    CHECK(vars.at("count") == Value{std::int64_t{3}});
    CHECK(vars.at("huge") == Value{std::int64_t{9007199254740993}});
    CHECK(vars.at("ratio") == Value{2.5});
    REQUIRE(std::holds_alternative<double>(vars.at("whole")));
    CHECK(std::get<double>(vars.at("whole")) == 3.0);
    CHECK(vars.at("name") == Value{std::string("Mai \"M\"\nö")});
    CHECK(vars.at("empty") == Value{std::string()});
    CHECK(vars.size() == 8);  // no library functions or tables among them

    SUBCASE("Lua sees them with their types") {
        CHECK(truth(lua, "math.type(count) == 'integer'"));
        CHECK(truth(lua, "math.type(whole) == 'float'"));
        CHECK(truth(lua, "flag == true and off == false"));
        CHECK(truth(lua, "name == 'Mai \"M\"\\nö'"));
    }
    SUBCASE("scripts change and create them; functions and tables are not variables") {
        REQUIRE_FALSE(lua.run("count = count + 1\nratio = ratio * 2\ncreated = 'yes'\nfunction helper() end\nt = {}"));
        vars = lua.variables();
        CHECK(vars.at("count") == Value{std::int64_t{4}});
        CHECK(vars.at("ratio") == Value{5.0});
        CHECK(vars.at("created") == Value{std::string("yes")});
        CHECK(vars.count("helper") == 0);
        CHECK(vars.count("t") == 0);
    }
    SUBCASE("integer division and float arithmetic keep Lua's types") {
        REQUIRE_FALSE(lua.run("count = count // 2\nhalf = count / 1"));
        vars = lua.variables();
        CHECK(vars.at("count") == Value{std::int64_t{1}});
        CHECK(vars.at("half") == Value{1.0});
    }
}

TEST_CASE("math.random follows the seed") {
    auto draws = [](std::uint64_t seed) {
        LuaSandbox lua(seed);
        REQUIRE_FALSE(lua.run("r = '' for i = 1, 5 do r = r .. math.random(1, 1000000000) .. ',' end\nf = math.random()"));
        auto vars = lua.variables();
        return std::get<std::string>(vars.at("r")) + std::to_string(std::get<double>(vars.at("f")));
    };
    std::string first = draws(42);
    CHECK(first == draws(42));
    CHECK(first != draws(43));
    CHECK(draws(0) == draws(0));

    SUBCASE("two sandboxes interleaved do not share a generator") {
        LuaSandbox a(7), b(7);
        REQUIRE_FALSE(a.run("x1 = math.random(1, 1000000000)"));
        REQUIRE_FALSE(b.run("x1 = math.random(1, 1000000000)"));
        REQUIRE_FALSE(a.run("x2 = math.random(1, 1000000000)"));
        REQUIRE_FALSE(b.run("x2 = math.random(1, 1000000000)"));
        CHECK(a.variables().at("x1") == b.variables().at("x1"));
        CHECK(a.variables().at("x2") == b.variables().at("x2"));
    }
}

TEST_CASE("print is captured, not written") {
    LuaSandbox lua(1);
    REQUIRE_FALSE(lua.run("print('hello', 1, true, nil)\nprint()\nprint(2.5)"));
    auto printed = lua.takePrinted();
    REQUIRE(printed.size() == 3);
    CHECK(printed[0] == "hello\t1\ttrue\tnil");
    CHECK(printed[1] == "");
    CHECK(printed[2] == "2.5");
    CHECK(lua.takePrinted().empty());  // taking clears

    SUBCASE("bounded in lines and length") {
        REQUIRE_FALSE(lua.run("for i = 1, 500 do print(i) end\nprint(string.rep('x', 10000))"));
        printed = lua.takePrinted();
        CHECK(printed.size() == 200);
        CHECK(printed.front() == "1");
        REQUIRE_FALSE(lua.run("print(string.rep('y', 10000))"));
        printed = lua.takePrinted();
        REQUIRE(printed.size() == 1);
        CHECK(printed[0].size() == 2000);
    }
}

TEST_CASE("variableText gives the text of a value, nothing for nil and functions") {
    LuaSandbox lua(1);
    lua.setVariable("n", Value{std::int64_t{3}});
    lua.setVariable("neg", Value{std::int64_t{-12}});
    lua.setVariable("f", Value{2.5});
    lua.setVariable("w", Value{3.0});
    lua.setVariable("yes", Value{true});
    lua.setVariable("no", Value{false});
    lua.setVariable("s", Value{std::string("text")});
    REQUIRE_FALSE(lua.run("function fn() end\ntbl = {}"));
    CHECK(lua.variableText("n") == "3");
    CHECK(lua.variableText("neg") == "-12");
    CHECK(lua.variableText("f") == "2.5");
    CHECK(lua.variableText("w") == "3.0");
    CHECK(lua.variableText("yes") == "true");
    CHECK(lua.variableText("no") == "false");
    CHECK(lua.variableText("s") == "text");
    CHECK_FALSE(lua.variableText("missing"));
    CHECK_FALSE(lua.variableText("fn"));
    CHECK_FALSE(lua.variableText("tbl"));
    CHECK_FALSE(lua.variableText("string"));  // libraries are not variables
    // Reading a number as text must not turn the variable into a string.
    CHECK(lua.variables().at("n") == Value{std::int64_t{3}});
}

TEST_CASE("compileCheck and compile only compile") {
    CHECK_FALSE(compileCheck("trust >= 2 and not asked", ChunkKind::Expression));
    CHECK_FALSE(compileCheck("trust >= 2 -- a comment at the end", ChunkKind::Expression));
    CHECK_FALSE(compileCheck("trust = trust + 1", ChunkKind::Statements));
    CHECK_FALSE(compileCheck("", ChunkKind::Statements));
    CHECK_FALSE(compileCheck("while true do end", ChunkKind::Statements));  // compiled, not run

    auto expression = compileCheck("trust >=", ChunkKind::Expression);
    REQUIRE(expression);
    CHECK(kindName(expression->kind) == std::string("Syntax"));
    CHECK(expression->message.rfind("line 1:", 0) == 0);

    auto statements = compileCheck("x = 1\nfunction (", ChunkKind::Statements);
    REQUIRE(statements);
    CHECK(statements->message.rfind("line 2:", 0) == 0);

    CHECK(compileCheck("x = 1", ChunkKind::Expression));  // an assignment is no expression
    CHECK(compileCheck("x )", ChunkKind::Expression));    // cannot break out of the wrapper

    LuaSandbox lua(1);
    CHECK_FALSE(lua.compile("x = 1", ChunkKind::Statements));
    CHECK_FALSE(lua.variableText("x"));  // compiling did not run it
}

TEST_CASE("compiled chunks are cached by text but run each time") {
    LuaSandbox lua(1);
    lua.setVariable("n", Value{std::int64_t{0}});
    for (int i = 0; i < 3; ++i) REQUIRE_FALSE(lua.run("n = n + 1"));
    CHECK(lua.variables().at("n") == Value{std::int64_t{3}});
    bool result = false;
    REQUIRE_FALSE(lua.test("n", result));
    CHECK(result);  // 3 is true in Lua
    lua.setVariable("n", Value{false});
    REQUIRE_FALSE(lua.test("n", result));
    CHECK_FALSE(result);
    REQUIRE_FALSE(lua.test("nil", result));
    CHECK_FALSE(result);
    REQUIRE_FALSE(lua.test("0", result));
    CHECK(result);  // Lua: 0 is true
}

TEST_CASE("the script's functions are available to later chunks") {
    LuaSandbox lua(1);
    REQUIRE_FALSE(lua.runScript("function double(x) return 2 * x end\nlimit = 10"));
    CHECK(truth(lua, "double(21) == 42"));
    CHECK(truth(lua, "limit == 10"));
    auto error = lua.runScript("error('broken script')");
    REQUIRE(error);
    CHECK(kindName(error->kind) == std::string("Runtime"));
    CHECK(error->message.find("broken script") != std::string::npos);
}

TEST_CASE("tostring gives no addresses, so replays show the same text") {
    LuaSandbox lua(1);
    CHECK(truth(lua, "tostring({}) == 'table'"));
    CHECK(truth(lua, "tostring(print) == 'function'"));
    CHECK(truth(lua, "tostring(12) == '12' and tostring(true) == 'true' and tostring(nil) == 'nil'"));
}

TEST_CASE("a step's evaluations share one budget: many slow conditions cannot stall a step") {
    LuaLimits limits;
    limits.instructions = 2'000'000;
    limits.stepInstructions = 5'000'000;
    LuaSandbox lua(1, limits);
    lua.beginStep();
    int timeouts = 0;
    for (int i = 0; i < 10; ++i) {
        auto error = lua.run("local n = 0 while true do n = n + 1 end");
        REQUIRE(error);
        if (error->kind == LuaErrorKind::Timeout) ++timeouts;
        if (error->message.find("this step's scripts") != std::string::npos) break;
    }
    // Two evaluations use 4 of the step's 5 million; the third meets the step's limit.
    CHECK(timeouts == 3);
    auto spent = lua.run("local n = 0 while true do n = n + 1 end");
    REQUIRE(spent);
    CHECK(spent->message.find("this step's scripts") != std::string::npos);  // stops at the first look
    lua.beginStep();
    auto fresh = lua.run("local n = 0 while true do n = n + 1 end");
    REQUIRE(fresh);
    CHECK(fresh->message.find("the script ran too long") != std::string::npos);
    CHECK_FALSE(lua.run("x = 1"));
}
