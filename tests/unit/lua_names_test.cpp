// Which global names a chunk reads and assigns: the validator's "never declared" warning.
#include "fixtures.hpp"

#include "core/lua_names.hpp"

#include <doctest/doctest.h>

using namespace haven;

namespace {
using Names = std::set<std::string>;
}

TEST_CASE("globals are used; assignments are assigned") {
    LuaNames names = globalNames("trust = trust + 1");
    CHECK(names.used == Names{"trust"});
    CHECK(names.assigned == Names{"trust"});

    names = globalNames("if trust >= 2 and not asked then note = 'x' end");
    CHECK(names.used == Names{"trust", "asked", "note"});
    CHECK(names.assigned == Names{"note"});

    names = globalNames("a == b");  // a comparison is no assignment
    CHECK(names.used == Names{"a", "b"});
    CHECK(names.assigned.empty());
}

TEST_CASE("locals, loop variables and parameters are not globals") {
    LuaNames names = globalNames("local x = 1\nlocal y, z = 2, 3\nresult = x + y + z");
    CHECK(names.used == Names{"result"});
    CHECK(names.assigned == Names{"result"});

    names = globalNames("for i = 1, 3 do total = total + i end\nfor k, v in pairs(t) do seen = v end");
    CHECK(names.used == Names{"total", "pairs", "t", "seen"});

    names = globalNames("function helper(a, b) return a + b + c end");
    CHECK(names.used == Names{"helper", "c"});
}

TEST_CASE("fields, methods and table keys are not globals") {
    LuaNames names = globalNames("x = string.upper(name) .. s:lower() .. t.field.deeper");
    CHECK(names.used == Names{"x", "string", "name", "s", "t"});

    names = globalNames("config = {key = value, other = 2, [index] = 3}");
    CHECK(names.used == Names{"config", "value", "index"});
    CHECK(names.assigned == Names{"config"});

    names = globalNames("obj.field = 1");
    CHECK(names.used == Names{"obj"});
    CHECK(names.assigned.empty());  // assigning a field does not declare the table

    names = globalNames("goto continue\n::continue::");
    CHECK(names.used.empty());
}

TEST_CASE("strings and comments are ignored") {
    LuaNames names = globalNames(R"(note = "trsut is not a name" .. 'nor is \'asked\'' -- nor trsut here
--[[ a long
comment with trsut ]] x = [[long trsut string]] .. [==[ another ]] trsut ]==]
y = 1 --[==[ trsut ]==] + 2)");
    CHECK(names.used == Names{"note", "x", "y"});
    CHECK(names.assigned == Names{"note", "x", "y"});
}

TEST_CASE("numbers and keywords are not names") {
    LuaNames names = globalNames("x = 0x1F + 1e5 + 3.14 + nil and true or false");
    CHECK(names.used == Names{"x"});
}

TEST_CASE("function definitions count as assigned") {
    LuaNames names = globalNames("function helper(x) return x * 2 end\nfunction other() return helper(1) end");
    CHECK(names.assigned == Names{"helper", "other"});
    CHECK(names.used == Names{"helper", "other"});

    SUBCASE("a local function is not a global") {
        LuaNames local = globalNames("local function helper(x) return x end\nresult = helper(2)");
        CHECK(local.used == Names{"result"});
        CHECK(local.assigned == Names{"result"});
    }
    SUBCASE("a function assigned to a global") {
        LuaNames assigned = globalNames("helper = function(x) return x end");
        CHECK(assigned.assigned == Names{"helper"});
        CHECK(assigned.used == Names{"helper"});
    }
}

TEST_CASE("empty and odd code does not trip the scanner") {
    CHECK(globalNames("").used.empty());
    CHECK(globalNames("-- only a comment").used.empty());
    CHECK(globalNames("\"unterminated").used.empty());
    CHECK(globalNames("[[unterminated").used.empty());
    CHECK(globalNames("--[[unterminated").used.empty());
    CHECK(globalNames("x = 'a\\").used == Names{"x"});
}

TEST_CASE("every target of a multiple assignment is assigned") {
    LuaNames names = globalNames("a, b = 1, 2");
    CHECK(names.assigned == Names{"a", "b"});
    names = globalNames("return a, b");
    CHECK(names.assigned.empty());
}
