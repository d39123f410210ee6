// The inspector's Lua check: compileCheck's message split into the line and the text an author reads.
#include "model/lua_check.hpp"

#include <doctest/doctest.h>

using namespace haven;
using namespace haven::editor;

TEST_CASE("checkLua: code that compiles, and empty code, have no problem") {
    CHECK_FALSE(checkLua("trust >= 2 and not asked_passport", ChunkKind::Expression));
    CHECK_FALSE(checkLua("trust = trust + 1", ChunkKind::Statements));
    CHECK_FALSE(checkLua("", ChunkKind::Expression));
    CHECK_FALSE(checkLua("", ChunkKind::Statements));
}

TEST_CASE("checkLua: a broken condition names its line and reads without Lua's jargon") {
    auto problem = checkLua("trust >", ChunkKind::Expression);
    REQUIRE(problem);
    CHECK(problem->line == 1);
    CHECK(problem->message.find("line") == std::string::npos);
    // The ')' of the wrapper a condition is compiled in is not the author's: it is "the end".
    CHECK(problem->message == "unexpected symbol at the end");
}

TEST_CASE("checkLua: a parenthesis the author wrote is named as written") {
    auto problem = checkLua("(trust > ) and asked", ChunkKind::Expression);
    REQUIRE(problem);
    CHECK(problem->message.find("')'") != std::string::npos);
}

TEST_CASE("checkLua: the line of an error in the second line of an effect") {
    auto problem = checkLua("trust = trust + 1\nif trust > 2 then", ChunkKind::Statements);
    REQUIRE(problem);
    CHECK(problem->line == 2);
    CHECK(problem->message.find("'end' expected") != std::string::npos);
}

TEST_CASE("checkLua: an assignment is not a condition") {
    auto problem = checkLua("trust = 1", ChunkKind::Expression);
    REQUIRE(problem);
    CHECK(problem->line == 1);
}

TEST_CASE("splitLuaMessage") {
    struct Case {
        const char* message;
        int line;
        const char* text;
    };
    const Case cases[] = {
        {"line 12: unexpected symbol near 'x'", 12, "unexpected symbol near 'x'"},
        {"line 1: unexpected symbol near <eof>", 1, "unexpected symbol at the end"},
        {"not enough memory", 0, "not enough memory"},  // without a line, the message stays whole
        {"line x: oops", 0, "line x: oops"},            // so does a malformed prefix
    };
    CHECK(describe(splitLuaMessage(cases[0].message)) == "Line 12: unexpected symbol near 'x'");
    CHECK(describe(splitLuaMessage(cases[2].message)) == "not enough memory");
    for (const Case& c : cases) {
        CAPTURE(c.message);
        const LuaProblem p = splitLuaMessage(c.message);
        CHECK(p.line == c.line);
        CHECK(p.message == c.text);
    }
}
