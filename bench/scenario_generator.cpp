#include "bench/scenario_generator.hpp"

#include "core/scenario_writer.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace haven::bench {
namespace {

// splitmix64: tiny, fast, and the same numbers on every platform (std distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    template <class T, std::size_t K>
    const T& pick(const std::array<T, K>& items) { return items[below(K)]; }

private:
    std::uint64_t state_;
};

constexpr std::array<const char*, 64> kWords = {
    "the",      "officer",   "passenger", "asks",     "quietly",   "about",     "her",       "journey",
    "documents", "travel",   "agent",     "waiting",  "outside",   "booth",     "family",    "work",
    "promised", "job",       "abroad",    "money",    "debt",      "phone",     "taken",     "speaks",
    "slowly",   "looks",     "away",      "when",     "asked",     "who",       "paid",      "ticket",
    "interpreter", "arrives", "room",     "private",  "safe",      "water",     "rest",      "explains",
    "rights",   "support",   "service",   "contact",  "number",    "address",   "employer",  "contract",
    "wages",    "hours",     "sleep",     "afraid",   "of",        "police",    "return",    "home",
    "sister",   "village",   "recruiter", "broker",   "visa",      "stamp",     "airport",   "morning"};

constexpr std::array<const char*, 6> kOutcomes = {"protected", "referred late", "re-traumatised", "detained",
                                                  "re-trafficked", "referred"};

constexpr std::array<const char*, 5> kCompetencies = {"safety-privacy", "rapport", "indicators", "rights",
                                                      "referral"};

constexpr std::size_t kIndicators = 20;
constexpr std::size_t kFlags = 10;

std::string sentence(Rng& rng, std::size_t targetLength) {
    std::string out;
    while (out.size() < targetLength) {
        std::string word = kWords[rng.below(kWords.size())];
        if (out.empty()) word[0] = static_cast<char>(word[0] - 'a' + 'A');
        else out += rng.chance(8) ? ", " : " ";
        out += word;
        if (out.size() >= targetLength || rng.chance(7)) {
            out += ". ";
            if (out.size() >= targetLength) break;
            std::string next = kWords[rng.below(kWords.size())];
            next[0] = static_cast<char>(next[0] - 'a' + 'A');
            out += next;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.back() != '.') out += '.';
    return out;
}

std::string text(Rng& rng, int averageLength, double scale) {
    averageLength = std::max(8, static_cast<int>(averageLength * scale));
    int length = rng.between(averageLength * 3 / 4, averageLength * 5 / 4);
    return sentence(rng, static_cast<std::size_t>(length));
}

// Appending (not "x" + std::to_string) dodges a GCC 12 -Wrestrict false positive at -O3.
std::string numbered(const char* prefix, std::size_t k) { return std::string(prefix).append(std::to_string(k)); }
std::string flag(std::size_t k) { return numbered("asked_", k); }
std::string indicatorId(std::size_t k) { return numbered("ind-", k); }
std::string nodeId(std::size_t i) { return numbered("n", i); }

// A condition that always holds (the first choice of a scene keeps the story going).
std::string alwaysCondition(Rng& rng) {
    switch (rng.below(3)) {
        case 0: return "step >= 0";
        case 1: return "trust >= 0 or step % " + std::to_string(rng.between(2, 5)) + " == 0";
        default: return "not " + flag(rng.below(kFlags)) + " or trust >= 0";
    }
}

std::string condition(Rng& rng) {
    switch (rng.below(4)) {
        case 0:
            return "trust >= " + std::to_string(rng.between(0, 3)) + " or step % " + std::to_string(rng.between(2, 5)) +
                   " ~= 0";
        case 1: return "not " + flag(rng.below(kFlags)) + " or trust > " + std::to_string(rng.between(1, 4));
        case 2: return "minutes < " + std::to_string(rng.between(20, 90)) + " and not reported";
        default: return "trust >= " + std::to_string(rng.between(1, 4)) + " and " + flag(rng.below(kFlags));
    }
}

std::string effect(Rng& rng) {
    switch (rng.below(5)) {
        case 0: return "trust = trust + 1; step = step + 1";
        case 1: return flag(rng.below(kFlags)) + " = true; step = step + 1";
        case 2: return "trust = math.max(0, trust - 1); step = step + 1";
        case 3: return "minutes = minutes + " + std::to_string(rng.between(1, 5)) + "; step = step + 1";
        default: return "reported = trust > " + std::to_string(rng.between(2, 6)) + "; step = step + 1";
    }
}

Scores scores(Rng& rng) {
    Scores out;
    int count = rng.between(2, 3);
    while (static_cast<int>(out.size()) < count) out[kCompetencies[rng.below(kCompetencies.size())]] = rng.between(-1, 2);
    if (std::all_of(out.begin(), out.end(), [](const auto& entry) { return entry.second == 0; }))
        out.begin()->second = 1;
    return out;
}

std::vector<std::string> someIndicators(Rng& rng, std::size_t count) {
    std::vector<std::string> ids;
    while (ids.size() < count) {
        std::string id = indicatorId(rng.below(kIndicators));
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
}

}  // namespace

Scenario generateScenario(const GeneratorOptions& options) {
    const std::size_t n = std::max<std::size_t>(options.nodes, 2);
    Rng rng(options.seed * 0x2545F4914F6CDD1Dull + n);

    Scenario s;
    s.id = "synthetic-" + std::to_string(n);
    s.title = "Synthetic benchmark scenario, " + std::to_string(n) + " nodes";
    s.summary = "Generated by haven-bench-gen (seed " + std::to_string(options.seed) +
                "): scenes, checklists, decisions and endings shaped like a real scenario.";
    s.language = "en";
    s.audience = {"benchmarks"};
    s.estimatedMinutes = 30;
    s.start = nodeId(0);
    const double scale = options.textScale;
    for (const char* id : kCompetencies)
        s.competencies.push_back({id, std::string("Competency ") + id, text(rng, 80, scale)});
    for (std::size_t k = 0; k < kIndicators; ++k)
        s.indicators.push_back({indicatorId(k), text(rng, 70, scale), "Category " + std::to_string(k % 4), "ILO"});
    for (const char* id : {"mai", "officer", "escort", "interpreter"})
        s.characters.push_back({id, std::string("Character ") + id, "Role", {}});
    s.variables["trust"] = std::int64_t{0};
    s.variables["step"] = std::int64_t{0};
    s.variables["minutes"] = std::int64_t{0};
    s.variables["reported"] = false;
    s.variables["name"] = std::string("Mai");
    for (std::size_t k = 0; k < kFlags; ++k) s.variables[flag(k)] = false;

    auto isEnding = [&](std::size_t i) { return i == n - 1 || i % 97 == 96; };
    auto next = [&](std::size_t i) {  // the next node that is not an ending, else the last node
        for (std::size_t j = i + 1; j < n; ++j)
            if (!isEnding(j)) return j;
        return n - 1;
    };
    auto forward = [&](std::size_t i, std::size_t span) { return std::min(n - 1, i + 1 + rng.below(span)); };

    s.nodes.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        Node node;
        node.id = nodeId(i);
        if (rng.chance(70)) node.speaker = s.characters[rng.below(s.characters.size())].id;
        node.text = text(rng, 200, scale);
        if (rng.chance(10)) node.text += " You have spoken with {name} for {minutes} minutes.";
        if (rng.chance(5)) node.onEnter = "minutes = minutes + 1";
        if (rng.chance(10)) node.reveals = someIndicators(rng, 1);

        if (isEnding(i)) {
            node.type = NodeType::Ending;
            node.outcome = rng.pick(kOutcomes);
            node.feedback = text(rng, 150, scale);
        } else if (i % 10 == 5 && !isEnding(i + 1)) {  // never hide an ending behind it
            node.type = NodeType::Checklist;
            node.prompt = "Which indicators have you observed?";
            node.goTo = nodeId(next(i));
            node.items = someIndicators(rng, 5);
            if (rng.chance(50)) node.expected = std::vector<std::string>{node.items[0], node.items[2]};
            node.competency = "indicators";
        } else if (i % 25 == 12 && !isEnding(i + 1)) {
            node.type = NodeType::Decision;
            node.prompt = text(rng, 60, scale);
            node.goTo = nodeId(next(i));
            std::size_t correct = rng.below(3);
            for (std::size_t o = 0; o < 3; ++o) {
                Option option;
                option.id = "o" + std::to_string(o + 1);
                option.text = text(rng, 60, scale);
                option.correct = o == correct;
                if (o == 2) option.goTo = nodeId(forward(i, 20));
                option.scores = scores(rng);
                option.feedback = text(rng, 150, scale);
                option.reference = "UNODC first-aid kit, module " + std::to_string(rng.between(1, 9));
                node.options.push_back(std::move(option));
            }
        } else {
            node.type = NodeType::Scene;
            std::size_t count = rng.chance(15) ? 2 : rng.chance(18) ? 4 : 3;
            for (std::size_t c = 0; c < count; ++c) {
                Choice choice;
                choice.id = "c" + std::to_string(c + 1);
                choice.text = text(rng, 60, scale);
                if (c == 0) {
                    choice.goTo = nodeId(next(i));
                    choice.condition = alwaysCondition(rng);
                } else {
                    // The second choice always links to the very next node, so an ending right
                    // after this one is reachable.
                    choice.goTo = nodeId(c == 1 ? i + 1 : forward(i, c == 2 ? 30 : 60));
                    choice.condition = condition(rng);
                }
                choice.effect = effect(rng);
                choice.scores = scores(rng);
                choice.feedback = text(rng, 150, scale);
                if (rng.chance(30)) choice.reveals = someIndicators(rng, 1);
                if (rng.chance(40)) choice.reference = "WHO ethical and safe interviewing, rule " + std::to_string(rng.between(1, 10));
                node.choices.push_back(std::move(choice));
            }
        }
        s.nodes.push_back(std::move(node));
    }
    s.buildIndex();
    return s;
}

std::string generateScenarioJson(const GeneratorOptions& options) {
    return writeScenarioJson(generateScenario(options));
}

void writeScenarioFolder(const GeneratorOptions& options, const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw std::runtime_error("cannot create " + folder + ": " + ec.message());
    std::string path = (fs::path(folder) / "scenario.json").string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << generateScenarioJson(options);
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace haven::bench
