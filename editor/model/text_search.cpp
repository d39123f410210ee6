// Sections: letters and case · finding · replacing · word count and reading time.
#include "model/text_search.hpp"

#include <locale.h>
#include <wctype.h>

#include "model/scenario_texts.hpp"

namespace haven::editor {

// --------------------------------------------------------------------------- letters and case

namespace {

// glibc's built-in C.UTF-8 knows every script's letters and cases without touching the
// process's own locale; where it is missing, only ASCII counts as letters.
locale_t unicodeLocale() {
    static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    return locale;
}

std::size_t encodedLength(char32_t c) {
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool isContinuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

}  // namespace

char32_t nextCodePoint(std::string_view text, std::size_t& at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xE  ? 3
                               : (lead >> 3) == 0x1E ? 4
                                                     : 0;
    if (length <= 1 || at + length > text.size()) {
        ++at;
        return length == 1 ? lead : U'\uFFFD';
    }
    char32_t c = lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if (!isContinuation(text[at + i])) {
            ++at;
            return U'\uFFFD';
        }
        c = (c << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    }
    at += length;
    return c;
}

bool isLetter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const locale_t locale = unicodeLocale();
    return c != U'\uFFFD' && locale && iswalpha_l(static_cast<wint_t>(c), locale);
}

bool isDigit(char32_t c) {
    return c >= '0' && c <= '9';
}

bool isSpace(char32_t c) {
    return c <= 0x20 || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x3000;
}

std::string foldCase(std::string_view text) {
    std::string folded;
    folded.reserve(text.size());
    const locale_t locale = unicodeLocale();
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t start = at;
        const char32_t c = nextCodePoint(text, at);
        if (c < 0x80) {
            folded += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            continue;
        }
        const char32_t lower = locale ? static_cast<char32_t>(towlower_l(static_cast<wint_t>(c), locale)) : c;
        if (c != U'\uFFFD' && encodedLength(lower) == at - start)
            appendUtf8(folded, lower);
        else
            folded.append(text.substr(start, at - start));
    }
    return folded;
}

// ------------------------------------------------------------------------------------ finding

namespace {

bool isWordChar(char32_t c) {
    return isLetter(c) || isDigit(c);
}

bool standsAlone(std::string_view text, std::size_t offset, std::size_t length) {
    if (offset > 0) {
        std::size_t start = offset - 1;
        while (start > 0 && isContinuation(text[start])) --start;
        if (isWordChar(nextCodePoint(text, start))) return false;
    }
    std::size_t end = offset + length;
    return end >= text.size() || !isWordChar(nextCodePoint(text, end));
}

// How much of the text a match row shows on either side of the match.
constexpr std::size_t kContextBytes = 48;

std::string oneLine(std::string_view text) {
    std::string line(text);
    for (char& c : line)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return line;
}

void fillContext(TextMatch& match, std::string_view text) {
    std::size_t from = match.offset > kContextBytes ? match.offset - kContextBytes : 0;
    if (from > 0) {
        const std::size_t space = text.find(' ', from);
        from = space < match.offset ? space + 1 : from;
        while (from < match.offset && isContinuation(text[from])) ++from;
    }
    const std::size_t end = match.offset + match.length;
    std::size_t to = std::min(text.size(), end + kContextBytes);
    if (to < text.size()) {
        const std::size_t space = text.rfind(' ', to);
        to = space != std::string_view::npos && space > end ? space : to;
        while (to > end && isContinuation(text[to])) --to;
    }
    match.before = (from > 0 ? "…" : "") + oneLine(text.substr(from, match.offset - from));
    match.matched = oneLine(text.substr(match.offset, match.length));
    match.after = oneLine(text.substr(end, to - end)) + (to < text.size() ? "…" : "");
}

}  // namespace

std::vector<std::size_t> findInText(std::string_view text, std::string_view query, FindOptions options) {
    std::vector<std::size_t> offsets;
    if (query.empty() || query.size() > text.size()) return offsets;
    std::string foldedText, foldedQuery;
    if (!options.matchCase) {
        foldedText = foldCase(text);
        foldedQuery = foldCase(query);
    }
    const std::string_view haystack = options.matchCase ? text : std::string_view(foldedText);
    const std::string_view needle = options.matchCase ? query : std::string_view(foldedQuery);
    for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at)) {
        if (options.wholeWord && !standsAlone(text, at, needle.size())) {
            ++at;
            continue;
        }
        offsets.push_back(at);
        at += needle.size();
    }
    return offsets;
}

std::vector<TextMatch> findMatches(const Scenario& scenario, std::string_view query, FindOptions options,
                                   std::size_t limit) {
    std::vector<TextMatch> matches;
    for (const auto& field : scenarioTexts(scenario)) {
        for (std::size_t offset : findInText(field.text, query, options)) {
            if (matches.size() >= limit) return matches;
            TextMatch match{field.path, field.label, field.node, offset, query.size(), {}, {}, {}};
            fillContext(match, field.text);
            matches.push_back(std::move(match));
        }
    }
    return matches;
}

// ---------------------------------------------------------------------------------- replacing

namespace {

// A replacement is a deliberate act, not typing: it never merges with the edits before or after
// it (a Bulk of typing-like parts would), so one Ctrl+Z takes back exactly the replacement.
class Replacement final : public Command {
public:
    explicit Replacement(CommandPtr inner) : inner_(std::move(inner)) {}
    void apply(Scenario& scenario) override { inner_->apply(scenario); }
    void revert(Scenario& scenario) override { inner_->revert(scenario); }
    std::string label() const override { return inner_->label(); }

private:
    CommandPtr inner_;
};

CommandPtr replacement(std::string label, std::vector<CommandPtr> parts) {
    return std::make_unique<Replacement>(bulk(std::move(label), std::move(parts)));
}

std::string quoted(std::string_view text) {
    constexpr std::size_t kLongest = 24;
    return "“" + std::string(text.substr(0, kLongest)) + (text.size() > kLongest ? "…" : "") + "”";
}

}  // namespace

CommandPtr replaceRange(const Scenario& scenario, const std::string& path, std::size_t offset, std::size_t length,
                        std::string_view with, std::string label) {
    const auto text = textAt(scenario, path);
    if (!text || offset > text->size() || length > text->size() - offset) return nullptr;
    std::string changed(*text);
    changed.replace(offset, length, with);
    std::vector<CommandPtr> parts;
    parts.push_back(setTextAt(scenario, path, std::move(changed)));
    return replacement(std::move(label), std::move(parts));
}

ReplaceAll replaceAll(const Scenario& scenario, std::string_view query, std::string_view with, FindOptions options) {
    ReplaceAll result;
    std::vector<CommandPtr> parts;
    // Texts in one list (content notes, competencies …) are set by a command that writes the
    // whole list, so each part is made against the scenario with the parts before it applied.
    Scenario scratch = scenario;
    for (const auto& field : scenarioTexts(scenario)) {
        const auto offsets = findInText(field.text, query, options);
        if (offsets.empty()) continue;
        std::string changed;
        std::size_t copied = 0;
        for (std::size_t offset : offsets) {
            changed.append(field.text.substr(copied, offset - copied)).append(with);
            copied = offset + query.size();
        }
        changed.append(field.text.substr(copied));
        parts.push_back(setTextAt(scratch, field.path, std::move(changed)));
        parts.back()->apply(scratch);
        result.count += offsets.size();
    }
    if (!parts.empty()) result.command = replacement("Replace all " + quoted(query), std::move(parts));
    return result;
}

// ---------------------------------------------------------------------- word count and reading time

std::size_t countWords(std::string_view text) {
    std::size_t words = 0;
    bool counted = false;  // the current run of non-space characters is already a word
    for (std::size_t at = 0; at < text.size();) {
        // ASCII without decoding: the status bar counts a 10 000-node scenario's million words.
        const auto byte = static_cast<unsigned char>(text[at]);
        const char32_t c = byte < 0x80 ? text[at++] : nextCodePoint(text, at);
        if (isSpace(c)) {
            counted = false;
        } else if (!counted && isWordChar(c)) {
            ++words;
            counted = true;
        }
    }
    return words;
}

TextStats textStats(const Scenario& scenario) {
    // Adults read prose silently at about 240 words a minute (Brysbaert 2019); 200 allows for
    // reading on screen and for a learner who weighs each line before deciding what to say.
    // A learner reads one path, not every node, but the feedback and debrief of practice make
    // up much of the difference, so every text of the nodes (except citations) is counted.
    constexpr std::size_t kWordsPerMinute = 200;
    TextStats stats;
    std::size_t read = 0;
    for (const auto& field : scenarioTexts(scenario)) {
        const std::size_t words = countWords(field.text);
        stats.words += words;
        if (field.node && !field.reference) read += words;
    }
    stats.readingMinutes = static_cast<int>((read + kWordsPerMinute - 1) / kWordsPerMinute);
    return stats;
}

std::string withThousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

std::string describe(const TextStats& stats) {
    return withThousands(stats.words) + " words · about " + std::to_string(stats.readingMinutes) + " min reading";
}

}  // namespace haven::editor
