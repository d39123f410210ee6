#include "core/lua_names.hpp"

#include <cctype>
#include <vector>

namespace haven {
namespace {

const std::set<std::string, std::less<>> kKeywords = {
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
    "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"};

struct Token {
    enum Kind { Name, Symbol, Other } kind;
    std::string text;
};

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Length of a long bracket opener "[==[" at i (its level + 2), or 0.
std::size_t longBracket(std::string_view code, std::size_t i) {
    if (i >= code.size() || code[i] != '[') return 0;
    std::size_t j = i + 1;
    while (j < code.size() && code[j] == '=') ++j;
    return j < code.size() && code[j] == '[' ? j - i + 1 : 0;
}

std::size_t skipLongBracket(std::string_view code, std::size_t i, std::size_t openLength) {
    std::string close = "]" + std::string(openLength - 2, '=') + "]";
    std::size_t end = code.find(close, i + openLength);
    return end == std::string_view::npos ? code.size() : end + close.size();
}

std::vector<Token> tokenize(std::string_view code) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < code.size()) {
        char c = code[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (code.substr(i, 2) == "--") {
            std::size_t open = longBracket(code, i + 2);
            if (open) i = skipLongBracket(code, i + 2, open);
            else i = std::min(code.size(), code.find('\n', i) == std::string_view::npos ? code.size() : code.find('\n', i));
        } else if (std::size_t open = longBracket(code, i)) {
            i = skipLongBracket(code, i, open);
            tokens.push_back({Token::Other, "string"});
        } else if (c == '"' || c == '\'') {
            std::size_t j = i + 1;
            while (j < code.size() && code[j] != c && code[j] != '\n') j += code[j] == '\\' ? 2 : 1;
            i = j + 1;
            tokens.push_back({Token::Other, "string"});
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            while (i < code.size() && (isNameChar(code[i]) || code[i] == '.')) ++i;
            tokens.push_back({Token::Other, "number"});
        } else if (isNameChar(c)) {
            std::size_t j = i;
            while (j < code.size() && isNameChar(code[j])) ++j;
            tokens.push_back({Token::Name, std::string(code.substr(i, j - i))});
            i = j;
        } else {
            std::size_t length = 1;
            for (std::string_view two : {"==", "~=", "<=", ">=", "..", "::"})
                if (code.substr(i, 2) == two) length = 2;
            tokens.push_back({Token::Symbol, std::string(code.substr(i, length))});
            i += length;
        }
    }
    return tokens;
}

bool is(const std::vector<Token>& tokens, std::size_t i, const char* text) {
    return i < tokens.size() && tokens[i].text == text;
}

// Whether the name at i is a target of `=`, alone (`a = 1`) or in a list (`a, b = 1, 2`).
bool assignedInList(const std::vector<Token>& tokens, std::size_t i) {
    while (is(tokens, i + 1, ",") && i + 2 < tokens.size() && tokens[i + 2].kind == Token::Name) i += 2;
    return is(tokens, i + 1, "=");
}

}  // namespace

LuaNames globalNames(std::string_view code) {
    std::vector<Token> tokens = tokenize(code);
    std::set<std::string> locals;
    LuaNames names;
    int braces = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.text == "{") ++braces;
        if (t.text == "}") --braces;
        if (t.kind != Token::Name || kKeywords.count(t.text)) {
            // `local a, b`, `for k, v`, `function f(a, b)`: the names that follow are locals.
            bool declares = t.text == "local" || t.text == "for";
            if (t.text == "function") {
                std::size_t open = i + 1;
                while (open < tokens.size() && tokens[open].text != "(") ++open;
                for (std::size_t j = open + 1; j < tokens.size() && tokens[j].text != ")"; ++j)
                    if (tokens[j].kind == Token::Name) locals.insert(tokens[j].text);
            }
            if (declares) {
                // `local function f`: f is the local (a `continue` here would skip past it).
                std::size_t first = is(tokens, i + 1, "function") ? i + 2 : i + 1;
                for (std::size_t j = first; j < tokens.size(); j += 2) {
                    if (tokens[j].kind != Token::Name || kKeywords.count(tokens[j].text)) break;
                    locals.insert(tokens[j].text);
                    if (!is(tokens, j + 1, ",")) break;
                }
            }
            continue;
        }
        bool field = i > 0 && (tokens[i - 1].text == "." || tokens[i - 1].text == ":" || tokens[i - 1].text == "goto" ||
                               tokens[i - 1].text == "::");
        bool tableKey = braces > 0 && is(tokens, i + 1, "=");
        if (field || tableKey || locals.count(t.text)) continue;
        names.used.insert(t.text);
        bool defined = i > 0 && tokens[i - 1].text == "function";
        if (braces == 0 && (assignedInList(tokens, i) || defined)) names.assigned.insert(t.text);
    }
    for (const auto& local : locals) {
        names.used.erase(local);
        names.assigned.erase(local);
    }
    return names;
}

}  // namespace haven
