// Sections: the words of a text · finding a dictionary · the checker · the word list.
#include "model/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <hunspell/hunspell.hxx>

#include "core/atomic_file.hpp"
#include "model/scenario_texts.hpp"
#include "model/text_search.hpp"

namespace haven::editor {
namespace fs = std::filesystem;

// ------------------------------------------------------------------------- the words of a text

namespace {

constexpr char32_t kRightQuote = U'\u2019';  // the typographic apostrophe: officer’s

bool isAddress(std::string_view chunk) {
    return chunk.find("://") != std::string_view::npos || chunk.starts_with("www.") ||
           chunk.find('@') != std::string_view::npos;
}

// Two or more letters, all capitals: an acronym, which no dictionary is expected to know, also
// in the plural or possessive (NGOs, NGO's).
bool isAcronym(std::string_view word) {
    for (std::string_view ending : {"'s", "’s", "s"})
        if (word.ends_with(ending)) {
            word.remove_suffix(ending.size());
            break;
        }
    const std::string folded = foldCase(word);
    std::size_t letters = 0;
    for (std::size_t at = 0, same = 0; at < word.size();) {
        const char32_t c = nextCodePoint(word, at);
        const char32_t lower = nextCodePoint(folded, same);
        if (!isLetter(c)) continue;
        if (c == lower) return false;
        ++letters;
    }
    return letters >= 2;
}

// Scans one word from `at` (a letter or digit) to its end within [at, end): letters, digits and
// underscores, and an apostrophe or hyphen only where a letter follows (officer’s, well-known;
// not the quote closing 'this' nor the dash of "a -").
struct Token {
    std::size_t end = 0;
    bool checkable = true;  // no digit or underscore in it
};

Token scanToken(std::string_view text, std::size_t at, std::size_t end) {
    Token token{at, true};
    while (token.end < end) {
        std::size_t next = token.end;
        const char32_t c = nextCodePoint(text, next);
        const bool joiner = c == '\'' || c == kRightQuote || c == '-';
        if (joiner) {
            std::size_t after = next;
            if (after >= end || !isLetter(nextCodePoint(text, after))) break;
        } else if (isDigit(c) || c == '_') {
            token.checkable = false;
        } else if (!isLetter(c)) {
            break;
        }
        token.end = next;
    }
    return token;
}

// The hyphen-separated parts of a word that are worth looking up.
void addParts(std::string_view text, std::size_t from, std::size_t to, std::vector<WordSpan>& words) {
    while (from < to) {
        std::size_t hyphen = text.find('-', from);
        if (hyphen == std::string_view::npos || hyphen > to) hyphen = to;
        const std::string_view part = text.substr(from, hyphen - from);
        std::size_t second = 0;
        if (!part.empty()) nextCodePoint(part, second);
        const bool singleLetter = second == part.size();
        if (!singleLetter && !isAcronym(part)) words.push_back({from, part.size()});
        from = hyphen + 1;
    }
}

// The words of one run of non-space characters, [at, end).
void scanChunk(std::string_view text, std::size_t at, std::size_t end, std::vector<WordSpan>& words) {
    while (at < end) {
        if (text[at] == '{') {
            // {name} is filled in when played; "{{" is a literal brace.
            if (at + 1 < end && text[at + 1] == '{') {
                at += 2;
                continue;
            }
            const std::size_t close = text.find('}', at);
            at = close == std::string_view::npos || close >= end ? end : close + 1;
            continue;
        }
        std::size_t next = at;
        const char32_t c = nextCodePoint(text, next);
        if (!isLetter(c) && !isDigit(c)) {
            at = next;
            continue;
        }
        const Token token = scanToken(text, at, end);
        if (token.checkable) addParts(text, at, token.end, words);
        at = token.end;
    }
}

}  // namespace

std::vector<WordSpan> wordsToCheck(std::string_view text) {
    std::vector<WordSpan> words;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t next = at;
        if (isSpace(nextCodePoint(text, next))) {
            at = next;
            continue;
        }
        std::size_t end = next;
        while (end < text.size()) {
            std::size_t after = end;
            if (isSpace(nextCodePoint(text, after))) break;
            end = after;
        }
        if (!isAddress(text.substr(at, end - at))) scanChunk(text, at, end, words);
        at = end;
    }
    return words;
}

// ------------------------------------------------------------------------ finding a dictionary

namespace {

bool hasDictionary(const fs::path& folder, const std::string& name) {
    std::error_code ec;
    return fs::is_regular_file(folder / (name + ".aff"), ec) && fs::is_regular_file(folder / (name + ".dic"), ec);
}

std::string cased(std::string text, int (*change)(int)) {
    for (char& c : text) c = static_cast<char>(change(static_cast<unsigned char>(c)));
    return text;
}

// The dictionary's name (en_US) for a language tag (en, en-US, pt-BR, de), if one is installed.
std::optional<std::string> findDictionary(const std::string& language, const fs::path& folder) {
    // The tag comes from a file someone sent: it names a file only if it looks like a tag.
    if (!std::all_of(language.begin(), language.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }))
        return std::nullopt;
    const std::string tag = language.empty() || language == "en" ? "en_US" : language;
    const std::size_t cut = tag.find_first_of("-_");
    const std::string lang = cased(tag.substr(0, cut), [](int c) { return std::tolower(c); });
    if (cut != std::string::npos) {
        const std::string name = lang + "_" + cased(tag.substr(cut + 1), [](int c) { return std::toupper(c); });
        return hasDictionary(folder, name) ? std::optional(name) : std::nullopt;
    }
    for (const std::string& name : {lang + "_" + cased(lang, [](int c) { return std::toupper(c); }), lang})
        if (hasDictionary(folder, name)) return name;
    std::vector<std::string> regional;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string stem = entry.path().stem().string();
        if (entry.path().extension() == ".dic" && stem.starts_with(lang + "_") && hasDictionary(folder, stem))
            regional.push_back(stem);
    }
    if (regional.empty()) return std::nullopt;
    return *std::min_element(regional.begin(), regional.end());
}

std::string normalisedApostrophes(std::string_view word) {
    std::string out(word);
    for (std::size_t at = out.find("’"); at != std::string::npos; at = out.find("’", at)) out.replace(at, 3, "'");
    return out;
}

// Two neighbouring letters swapped ("Teh", "recieve"): the commonest slip of fast typing, and
// one Hunspell often ranks below shorter words.
bool isOneSwap(const std::string& a, const std::string& b) {
    const std::string x = foldCase(a), y = foldCase(b);
    if (x.size() != y.size()) return false;
    std::size_t first = 0;
    while (first < x.size() && x[first] == y[first]) ++first;
    return first + 1 < x.size() && x[first] == y[first + 1] && x[first + 1] == y[first] &&
           x.compare(first + 2, std::string::npos, y, first + 2, std::string::npos) == 0;
}

// Hunspell also offers the word cut in two ("lab our" for labour); those go last.
bool isSplit(const std::string& suggestion) {
    return suggestion.find_first_of(" -") != std::string::npos;
}

}  // namespace

// ---------------------------------------------------------------------------------- the checker

Spelling::Spelling(const std::string& language, const std::string& dictionaryFolder) {
    const std::string shown = language.empty() ? "en" : language;
    const auto name = findDictionary(language, dictionaryFolder);
    if (!name) {
        // Debian names its dictionaries hunspell-<language>[-<region>]: hunspell-en-gb, hunspell-fr.
        std::string package = "hunspell-" + cased(shown, [](int c) { return std::tolower(c); });
        std::replace(package.begin(), package.end(), '_', '-');
        note_ = "No spelling dictionary for “" + shown + "” in " + dictionaryFolder +
                ": spelling is not checked (on Debian, install " + package + ")";
        return;
    }
    const fs::path base = fs::path(dictionaryFolder) / *name;
    auto hunspell = std::make_unique<Hunspell>((base.string() + ".aff").c_str(), (base.string() + ".dic").c_str());
    // Texts are UTF-8; a dictionary in a legacy encoding would misread every accented word.
    if (hunspell->get_dict_encoding() != "UTF-8") {
        note_ = "The spelling dictionary " + *name + " is in " + hunspell->get_dict_encoding() +
                ", not UTF-8: spelling is not checked";
        return;
    }
    hunspell_ = std::move(hunspell);
    dictionary_ = *name;
}

Spelling::~Spelling() = default;

bool Spelling::isKnown(std::string_view word) {
    if (!hunspell_) return true;
    const std::string normal = normalisedApostrophes(word);
    if (auto it = known_.find(normal); it != known_.end()) return it->second;
    // The word list is the author's word: Hunspell's own add() does not always win over a
    // dictionary entry of other case ("Soe", a name, against "SOE", an initialism).
    bool known = words_.count(normal) > 0 || hunspell_->spell(normal);
    // A name in the word list is known in the possessive too (Amira's), as dictionary names are.
    if (!known && normal.size() > 2 && normal.ends_with("'s"))
        known = words_.count(normal.substr(0, normal.size() - 2)) > 0;
    known_.emplace(normal, known);
    return known;
}

const std::vector<WordSpan>& Spelling::unknownWords(const std::string& path, std::string_view text) {
    const std::size_t hash = std::hash<std::string_view>{}(text);
    TextHits& hits = texts_[path];
    if (hits.hash == hash && hash != 0) return hits.unknown;
    hits.hash = hash;
    hits.unknown.clear();
    for (const WordSpan& span : wordsToCheck(text))
        if (!isKnown(text.substr(span.offset, span.length))) hits.unknown.push_back(span);
    return hits.unknown;
}

std::vector<SpellingFinding> Spelling::check(const Scenario& scenario) {
    useFolder(scenario.folder);
    std::vector<SpellingFinding> findings;
    if (!hunspell_) return findings;
    for (const auto& field : scenarioTexts(scenario))
        for (const WordSpan& span : unknownWords(field.path, field.text))
            findings.push_back({field.path, field.label, field.node,
                                std::string(field.text.substr(span.offset, span.length)), span.offset});
    return findings;
}

const std::vector<std::string>& Spelling::suggestions(const std::string& word) {
    if (auto it = suggestions_.find(word); it != suggestions_.end()) return it->second;
    std::vector<std::string> list;
    if (hunspell_) list = hunspell_->suggest(normalisedApostrophes(word));
    std::stable_partition(list.begin(), list.end(), [](const std::string& s) { return !isSplit(s); });
    std::stable_partition(list.begin(), list.end(), [&](const std::string& s) { return isOneSwap(s, word); });
    if (list.size() > kMaxSuggestions) list.resize(kMaxSuggestions);
    return suggestions_.emplace(word, std::move(list)).first->second;
}

// ------------------------------------------------------------------------------- the word list

void Spelling::accept(const std::string& word) {
    words_.insert(word);
    if (hunspell_) hunspell_->add(normalisedApostrophes(word));
    // What was unknown may be known now.
    known_.clear();
    texts_.clear();
}

bool Spelling::addWord(const std::string& word, std::string& error) {
    if (word.empty() || word.find_first_of("\r\n") != std::string::npos) {
        error = "not a word: '" + word + "'";
        return false;
    }
    accept(word);
    // A scenario not saved yet keeps its words here until it has a folder (useFolder).
    if (!folder_ || folder_->empty()) return true;
    return writeWordList(error);
}

void Spelling::useFolder(const std::string& folder) {
    if (folder_ == folder) return;
    // Words added before the scenario had a folder go with it into its first one; a scenario
    // that moves from one folder to another takes the word list it finds there.
    const bool carry = (!folder_ || folder_->empty()) && !words_.empty();
    if (folder_ && !folder_->empty()) forgetWords();
    folder_ = folder;
    if (folder.empty()) return;
    std::set<std::string> inFile;
    std::ifstream in(fs::path(folder) / kWordListFile);
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
        if (!line.empty()) inFile.insert(line);
    }
    for (const auto& word : inFile) accept(word);
    if (carry && words_.size() > inFile.size()) {
        std::string error;
        writeWordList(error);
    }
}

void Spelling::forgetWords() {
    if (hunspell_)
        for (const auto& word : words_) hunspell_->remove(normalisedApostrophes(word));
    words_.clear();
    known_.clear();
    texts_.clear();
}

bool Spelling::writeWordList(std::string& error) {
    std::string contents;
    for (const auto& word : words_) contents += word + "\n";
    const bool written = writeFileAtomically((fs::path(*folder_) / kWordListFile).string(), contents, error);
    writeError_ = written ? std::string() : error;
    return written;
}

}  // namespace haven::editor
