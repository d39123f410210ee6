// {variable} interpolation: known names replaced, unknown ones left as written, {{ }} escapes.
#include "fixtures.hpp"

#include "core/interpolate.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace haven;

namespace {

std::string fill(std::string_view text) {
    static const std::map<std::string, std::string> values = {
        {"name", "Mai"}, {"trust", "3"}, {"var_2", "two"}, {"empty", ""}, {"braces", "{name}"}, {"ünï", "x"}};
    return interpolate(text, [](const std::string& name) -> std::optional<std::string> {
        auto it = values.find(name);
        if (it == values.end()) return std::nullopt;
        return it->second;
    });
}

}  // namespace

TEST_CASE("known names are replaced") {
    CHECK(fill("Hello {name}.") == "Hello Mai.");
    CHECK(fill("{name}") == "Mai");
    CHECK(fill("{name}{trust}") == "Mai3");
    CHECK(fill("{name} has {trust}, {name}!") == "Mai has 3, Mai!");
    CHECK(fill("{var_2}") == "two");
    CHECK(fill("[{empty}]") == "[]");
    CHECK(fill("Ça va, {name} — 你好") == "Ça va, Mai — 你好");
}

TEST_CASE("unknown and malformed names are left as written") {
    CHECK(fill("{nmae}") == "{nmae}");
    CHECK(fill("a {unknown} b {name}") == "a {unknown} b Mai");
    CHECK(fill("{ name }") == "{ name }");
    CHECK(fill("{1abc}") == "{1abc}");
    CHECK(fill("{}") == "{}");
    CHECK(fill("{name") == "{name");
    CHECK(fill("name}") == "name}");
    CHECK(fill("{na-me}") == "{na-me}");
    CHECK(fill("{") == "{");
    CHECK(fill("}") == "}");
    CHECK(fill("{ünï}") == "{ünï}");  // names are ASCII, as in Lua
}

TEST_CASE("doubled braces are literal braces") {
    CHECK(fill("{{name}}") == "{name}");
    CHECK(fill("{{{name}}}") == "{Mai}");
    CHECK(fill("a {{ b }} c") == "a { b } c");
    CHECK(fill("{{}}") == "{}");
    CHECK(fill("}}{{") == "}{");
}

TEST_CASE("values are not interpolated again") {
    CHECK(fill("{braces}") == "{name}");
}

TEST_CASE("text without braces comes back unchanged, without asking") {
    int asked = 0;
    auto counting = [&](const std::string&) -> std::optional<std::string> {
        ++asked;
        return "x";
    };
    CHECK(interpolate("plain text", counting) == "plain text");
    CHECK(interpolate("", counting).empty());
    CHECK(asked == 0);
    CHECK(interpolate("{a}{b}{{c}}", counting) == "xx{c}");
    CHECK(asked == 2);
}

TEST_CASE("interpolatedNames lists every name in order") {
    CHECK(interpolatedNames("Hello {name}, {trust} and {name}") == std::vector<std::string>{"name", "trust", "name"});
    CHECK(interpolatedNames("{{escaped}} { spaced } {1x} {}").empty());
    CHECK(interpolatedNames("{{{inner}}}") == std::vector<std::string>{"inner"});
    CHECK(interpolatedNames("no braces").empty());
    CHECK(interpolatedNames("}only closing}").empty());
    CHECK(interpolatedNames("{a_1}{B}") == std::vector<std::string>{"a_1", "B"});
}
