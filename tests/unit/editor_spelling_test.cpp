// The spelling check with Debian's en_US Hunspell dictionary: misspellings are found with their
// paths and suggestions, placeholders, numbers and addresses are skipped, words added to the word
// list stop being reported and persist in words.txt, and every shipped scenario spells clean.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "fixtures.hpp"
#include "model/document.hpp"
#include "model/spelling.hpp"
#include "test_support.hpp"

using namespace haven;
using namespace haven::editor;
using namespace haven::test;
namespace fs = std::filesystem;

namespace {

Scenario withNodeText(const std::string& text) {
    const std::string nodes = R"([
    {"id": "meet", "type": "scene", "text": ")" +
                              text + R"(",
     "choices": [{"id": "hello", "text": "Say hello.", "goto": "end", "feedback": "Good."}]},
    {"id": "end", "type": "ending", "outcome": "protected"}
  ])";
    auto loaded = loadText(scenarioText("", nodes));
    INFO(describe(loaded.diagnostics));
    REQUIRE(loaded.scenario);
    return std::move(*loaded.scenario);
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    for (const WordSpan& w : wordsToCheck(text)) out.push_back(text.substr(w.offset, w.length));
    return out;
}

std::vector<std::string> flagged(Spelling& spelling, const Scenario& s) {
    std::vector<std::string> out;
    for (const auto& f : spelling.check(s)) out.push_back(f.word);
    return out;
}

}  // namespace

TEST_CASE("the words worth checking") {
    CHECK(words("Teh manager {name} is here.") == std::vector<std::string>{"Teh", "manager", "is", "here"});
    CHECK(words("{{literal}} braces") == std::vector<std::string>{"literal", "braces"});
    CHECK(words("See https://example.org/a-b or www.ilo.org, mail help@example.org now") ==
          std::vector<std::string>{"See", "or", "mail", "now"});
    CHECK(words("At 3pm on 12 May, form_27 and COVID-19 and the ILO, NGOs, NGO's") ==
          std::vector<std::string>{"At", "on", "May", "and", "and", "the"});
    CHECK(words("don't, officer’s, officers’ 'quoted'") ==
          std::vector<std::string>{"don't", "officer’s", "officers", "quoted"});
    CHECK(words("re-traumatised well-known -dash- a I") ==
          std::vector<std::string>{"re", "traumatised", "well", "known", "dash"});
    CHECK(words("Ёлка naïve Łódź") == std::vector<std::string>{"Ёлка", "naïve", "Łódź"});
}

TEST_CASE("a misspelt word in a node text is found with its path and a suggestion") {
    Spelling spelling("en");
    REQUIRE(spelling.ready());
    CHECK(spelling.dictionary() == "en_US");
    const auto findings = spelling.check(withNodeText("Teh manager {nmae} is here at 3pm."));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].word == "Teh");
    CHECK(findings[0].path == "nodes[0].text");
    CHECK(findings[0].node == 0u);
    CHECK(findings[0].offset == 0);
    const auto& suggestions = spelling.suggestions("Teh");
    REQUIRE_FALSE(suggestions.empty());
    CHECK(suggestions.size() <= kMaxSuggestions);
    CHECK(suggestions.front() == "The");
    CHECK(spelling.suggestions("recieve").front() == "receive");
}

TEST_CASE("the language picks the dictionary, and a missing one is a note, not a crash") {
    CHECK(Spelling("").dictionary() == "en_US");
    CHECK(Spelling("en-US").dictionary() == "en_US");
    CHECK(Spelling("en_us").ready());
    Spelling klingon("tlh");
    CHECK_FALSE(klingon.ready());
    CHECK(klingon.note().find("No spelling dictionary for “tlh”") != std::string::npos);
    CHECK(Spelling("en-GB", temporaryFolder()).note().find("install hunspell-en-gb") != std::string::npos);
    CHECK(klingon.check(withNodeText("Qapla' zzxq")).empty());
    CHECK_FALSE(Spelling("../../etc/passwd").ready());

    SUBCASE("another installed dictionary, by language alone") {
        const std::string folder = temporaryFolder();
        writeText(folder + "/xx_YY.aff", "SET UTF-8\n");
        writeText(folder + "/xx_YY.dic", "2\nhello\nworld\n");
        Spelling other("xx", folder);
        REQUIRE(other.ready());
        CHECK(other.dictionary() == "xx_YY");
        CHECK(flagged(other, withNodeText("hello wrold")) ==
              std::vector<std::string>{"Test", "wrold", "Say", "Good", "protected"});
        CHECK(other.isKnown("world"));
        CHECK_FALSE(other.isKnown("wrold"));
    }
}

TEST_CASE("added words are accepted at once and persist in words.txt") {
    const std::string folder = temporaryFolder();
    Scenario s = withNodeText("Mr Kyaw met Thida and Thida’s sister.");
    s.folder = folder;
    {
        Spelling spelling("en");
        CHECK(flagged(spelling, s) == std::vector<std::string>{"Kyaw", "Thida", "Thida’s"});
        std::string error;
        REQUIRE(spelling.addWord("Thida", error));
        REQUIRE(spelling.addWord("Kyaw", error));
        CHECK(flagged(spelling, s).empty());
        CHECK(readText(folder + "/words.txt") == "Kyaw\nThida\n");
    }
    Spelling reopened("en");
    CHECK(flagged(reopened, s).empty());
    CHECK(reopened.wordList() == std::set<std::string>{"Kyaw", "Thida"});
}

TEST_CASE("a scenario not saved yet keeps its words until it has a folder") {
    Scenario s = withNodeText("Thida waits.");
    Spelling spelling("en");
    CHECK(flagged(spelling, s) == std::vector<std::string>{"Thida"});
    std::string error;
    REQUIRE(spelling.addWord("Thida", error));
    CHECK(flagged(spelling, s).empty());

    const std::string folder = temporaryFolder();
    writeText(folder + "/words.txt", "Amira\n");
    s.folder = folder;  // as after Save as
    spelling.check(s);
    CHECK(readText(folder + "/words.txt") == "Amira\nThida\n");
    CHECK(spelling.writeError().empty());
}

TEST_CASE("every shipped scenario spells clean in British English with its word list") {
    for (const auto& entry : fs::directory_iterator(source("scenarios"))) {
        auto opened = Document::open(entry.path().string());
        REQUIRE(opened.document);
        const Scenario& s = opened.document->scenario();
        Spelling spelling(s.language);
        REQUIRE(spelling.ready());
        std::map<std::string, int> counts;
        for (const auto& f : spelling.check(s)) {
            INFO(f.path << ": " << f.word);
            CHECK(f.word.find_first_of("{}0123456789_") == std::string::npos);
            ++counts[f.word];
        }
        std::ostringstream list;
        for (const auto& [word, count] : counts) list << " " << word << (count > 1 ? "×" + std::to_string(count) : "");
        // British English (en-GB) and the names and terms in each scenario's words.txt: clean.
        CHECK_MESSAGE(counts.empty(), entry.path().filename().string() << " flags:" << list.str());
    }
}

TEST_CASE("a scenario in another folder takes that folder's word list, not the last one's") {
    const std::string first = temporaryFolder(), second = temporaryFolder();
    writeText(first + "/words.txt", "Thida\n");
    Scenario s = withNodeText("Thida waits.");
    s.folder = first;
    Spelling spelling("en");
    CHECK(flagged(spelling, s).empty());
    s.folder = second;
    CHECK(flagged(spelling, s) == std::vector<std::string>{"Thida"});
    CHECK_FALSE(fs::exists(second + "/words.txt"));
}
