// The spelling check: every text of a scenario (scenario_texts.hpp) against Hunspell's dictionary
// for the scenario's language, plus the scenario's own word list, `words.txt` in its folder (one
// word per line, sorted), for the names and terms no dictionary has.
//
// Checking must keep up with typing in a 10 000-node scenario, so each text's findings are kept
// until that text changes and each word is looked up once. Suggestions are not part of a finding:
// Hunspell takes 10–60 ms to suggest for one word, so they are asked for (and kept) only for the
// findings on screen.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/scenario.hpp"

class Hunspell;

namespace haven::editor {

inline constexpr const char* kDictionaryFolder = "/usr/share/hunspell";
inline constexpr const char* kWordListFile = "words.txt";
inline constexpr std::size_t kMaxSuggestions = 5;

struct SpellingFinding {
    std::string path;   // of the text (scenario_texts.hpp)
    std::string label;  // "kitchen · text"
    std::optional<std::size_t> node;
    std::string word;
    std::size_t offset = 0;  // bytes into the text
};

// A word of a text to look up: where it starts and how many bytes it takes.
struct WordSpan {
    std::size_t offset = 0;
    std::size_t length = 0;
};

// The words of `text` worth checking: not {variable} placeholders, web or mail addresses, or
// anything with a digit or underscore in it (3pm, A4, form_27), nor acronyms in capitals (ILO,
// NGO). Apostrophes inside a word belong to it (don't, officer’s); hyphenated words are checked
// part by part (re-traumatised: "re", "traumatised").
std::vector<WordSpan> wordsToCheck(std::string_view text);

class Spelling {
public:
    // The dictionary for a scenario's `language`: "en", "en-US" or none mean en_US; "pt-BR" means
    // pt_BR; "de" the first de_* found. Without one, `ready()` is false and `note()` says why.
    explicit Spelling(const std::string& language, const std::string& dictionaryFolder = kDictionaryFolder);
    ~Spelling();
    Spelling(const Spelling&) = delete;
    Spelling& operator=(const Spelling&) = delete;

    bool ready() const { return hunspell_ != nullptr; }
    const std::string& note() const { return note_; }
    const std::string& dictionary() const { return dictionary_; }  // "en_US"

    // Every unknown word, in file order. Reads the word list of `scenario.folder` the first time
    // it sees that folder, and writes into it the words added while the scenario had no folder.
    std::vector<SpellingFinding> check(const Scenario& scenario);

    bool isKnown(std::string_view word);
    // Up to kMaxSuggestions, best first; kept for the next time the word is asked about.
    const std::vector<std::string>& suggestions(const std::string& word);

    // Adds `word` to the word list and accepts it at once. The list is written to the folder at
    // once if the scenario has one, else on the first check after it has. False with `error` when
    // the write failed (the word is still accepted for this session).
    bool addWord(const std::string& word, std::string& error);
    const std::set<std::string>& wordList() const { return words_; }
    // The last write of the word list that failed, for the problems panel ("" when none).
    const std::string& writeError() const { return writeError_; }

private:
    struct TextHits {
        std::size_t hash = 0;
        std::vector<WordSpan> unknown;
    };

    void useFolder(const std::string& folder);
    void forgetWords();
    bool writeWordList(std::string& error);
    void accept(const std::string& word);
    const std::vector<WordSpan>& unknownWords(const std::string& path, std::string_view text);

    std::unique_ptr<Hunspell> hunspell_;
    std::string dictionary_, note_;
    std::set<std::string> words_;
    std::optional<std::string> folder_;  // unset until the first check
    std::string writeError_;
    std::unordered_map<std::string, bool> known_;
    std::unordered_map<std::string, TextHits> texts_;  // by path
    std::unordered_map<std::string, std::vector<std::string>> suggestions_;
};

}  // namespace haven::editor
