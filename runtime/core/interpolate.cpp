#include "core/interpolate.hpp"

#include <cctype>

namespace haven {
namespace {

bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The first '{' or '}' at or after `from`. string_view::find_first_of("{}") calls memchr on the
// two-character set once per character of the text; this loop is several times faster.
std::size_t findBrace(std::string_view text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i)
        if (text[i] == '{' || text[i] == '}') return i;
    return std::string_view::npos;
}

// Calls `literal` for runs of plain text and `name` for each {name}.
template <class Literal, class Name>
void scan(std::string_view text, Literal literal, Name name) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t brace = findBrace(text, i);
        if (brace == std::string_view::npos) {
            literal(text.substr(i));
            return;
        }
        literal(text.substr(i, brace - i));
        if (brace + 1 < text.size() && text[brace + 1] == text[brace]) {  // {{ or }}
            literal(text.substr(brace, 1));
            i = brace + 2;
            continue;
        }
        std::size_t end = brace + 1;
        if (text[brace] == '{' && end < text.size() && isNameStart(text[end])) {
            while (end < text.size() && isNameChar(text[end])) ++end;
            if (end < text.size() && text[end] == '}') {
                name(std::string(text.substr(brace + 1, end - brace - 1)), text.substr(brace, end - brace + 1));
                i = end + 1;
                continue;
            }
        }
        literal(text.substr(brace, 1));
        i = brace + 1;
    }
}

}  // namespace

std::string interpolate(std::string_view text, const VariableLookup& lookup) {
    if (findBrace(text, 0) == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    scan(
        text, [&](std::string_view literal) { out += literal; },
        [&](const std::string& name, std::string_view written) {
            auto value = lookup(name);
            if (value) out += *value;
            else out += written;
        });
    return out;
}

std::vector<std::string> interpolatedNames(std::string_view text) {
    std::vector<std::string> names;
    if (text.find('{') == std::string_view::npos) return names;
    scan(
        text, [](std::string_view) {}, [&](const std::string& name, std::string_view) { names.push_back(name); });
    return names;
}

}  // namespace haven
