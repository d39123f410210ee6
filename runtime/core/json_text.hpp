// Safe reading and parsing of untrusted JSON text, and mapping JSON paths back to lines.
//
// Debian's RapidJSON 1.1.0 has two traps for untrusted input: its full-precision number parser
// can crash on a crafted number (rapidjson#1251), and its recursive parser overflows the stack
// on deep nesting. We parse iteratively without full precision, cap nesting depth and file size.
#pragma once

// cereal's JSON header configures RapidJSON (assertions throw instead of aborting); it must come
// first so that every RapidJSON include in the project shares that configuration.
#include <cereal/archives/json.hpp>

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace haven {

// A 10 000-node scenario is about 19 MiB; 32 MiB leaves room while refusing absurd files.
inline constexpr std::size_t kMaxFileBytes = 32u << 20;
inline constexpr int kMaxJsonDepth = 64;

struct TextPosition {
    int line = 0;
    int column = 0;
};

// Reads a whole file of at most `maxBytes`. On failure returns false with a message naming the
// file and the reason (missing, unreadable, too large).
bool readFileCapped(const std::string& path, std::size_t maxBytes, std::string& text,
                    std::string& error);

struct JsonParse {
    rapidjson::Document document;
    bool ok = false;
    std::string error;  // without the file name
    TextPosition position;
};

// Parses `text` as strict UTF-8 JSON; never recurses, never aborts.
void parseJson(const std::string& text, JsonParse& result);

// Byte offsets to 1-based line and column (in characters), for many lookups in one text.
class LineIndex {
public:
    explicit LineIndex(const std::string& text);
    TextPosition positionAt(std::size_t offset) const;

private:
    const std::string& text_;
    std::vector<std::size_t> starts_;
};

TextPosition positionAt(const std::string& text, std::size_t offset);

// For each wanted JSON path (such as "nodes[3].choices[1].goto"), where it starts in `text`.
// Paths absent from the text are absent from the result. One pass over the text.
std::map<std::string, TextPosition> locatePaths(const std::string& text,
                                                const std::set<std::string>& paths);

}  // namespace haven
