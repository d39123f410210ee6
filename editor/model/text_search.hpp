// Find and replace across every text of a scenario (scenario_texts.hpp), the word count and
// reading time the status bar shows, and the Unicode letter and case rules both they and the
// spelling check use. Replacing goes through edit commands: replace-all is one undo step.
//
// Sections: letters and case · finding · replacing · word count and reading time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario.hpp"
#include "model/edit_commands.hpp"

namespace haven::editor {

// ---- letters and case (UTF-8; a malformed byte reads as itself and is not a letter)

// The code point at `at`, moving `at` past it.
char32_t nextCodePoint(std::string_view text, std::size_t& at);
bool isLetter(char32_t c);
bool isDigit(char32_t c);
bool isSpace(char32_t c);  // ASCII white space and control characters, and Unicode's spaces
// Folds case where the folded letter takes as many bytes as the original, so that an offset
// into the folded text is an offset into the original too ("İ" stays as it is).
std::string foldCase(std::string_view text);

// ---- finding

struct FindOptions {
    bool matchCase = false;
    bool wholeWord = false;  // the match is neither preceded nor followed by a letter or digit
    bool operator==(const FindOptions&) const = default;
};

struct TextMatch {
    std::string path;   // of the text (scenario_texts.hpp)
    std::string label;  // "kitchen · choice 2 · feedback"
    std::optional<std::size_t> node;
    std::size_t offset = 0;  // in bytes, into the text
    std::size_t length = 0;
    // The text around the match, cut at word boundaries, with "…" where it was cut.
    std::string before, matched, after;
};

// Byte offsets of every match of `query` in `text`, left to right, not overlapping.
std::vector<std::size_t> findInText(std::string_view text, std::string_view query, FindOptions options);

// Every match in the scenario's texts, in file order; at most `limit` (a list of a million matches
// of "e" helps nobody, and replace-all does not need the list).
std::vector<TextMatch> findMatches(const Scenario& scenario, std::string_view query, FindOptions options,
                                   std::size_t limit = static_cast<std::size_t>(-1));

// ---- replacing

// Replaces the `length` bytes at `offset` of the text at `path` with `replacement`, as one undo
// step labelled `label`. Null when the path no longer names a text or the range is past its end.
CommandPtr replaceRange(const Scenario& scenario, const std::string& path, std::size_t offset, std::size_t length,
                        std::string_view replacement, std::string label);

struct ReplaceAll {
    CommandPtr command;  // null when nothing matched
    std::size_t count = 0;
};

// Every match of `query` in every text, as ONE undo step.
ReplaceAll replaceAll(const Scenario& scenario, std::string_view query, std::string_view replacement,
                      FindOptions options);

// ---- word count and reading time

struct TextStats {
    std::size_t words = 0;
    int readingMinutes = 0;
};

// Words: runs of non-space characters with a letter or digit in them, across every text.
std::size_t countWords(std::string_view text);
TextStats textStats(const Scenario& scenario);
// "2,845 words · about 13 min reading", as the status bar shows it.
std::string describe(const TextStats& stats);
// 17873 → "17,873".
std::string withThousands(std::size_t n);

}  // namespace haven::editor
