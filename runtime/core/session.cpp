#include "core/session.hpp"

#include "core/interpolate.hpp"
#include "core/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace haven {
namespace {

// Points come from untrusted files (any int) and add up over a path of any length: saturate
// rather than overflow.
int addPoints(int a, int b) {
    long long sum = static_cast<long long>(a) + b;
    return static_cast<int>(std::clamp<long long>(sum, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

void addScores(Scores& into, const Scores& add) {
    for (const auto& [competency, points] : add) into[competency] = addPoints(into[competency], points);
}

// Per competency, the best any of these scores offers; never below zero, so a step where every
// option is harmful does not lower the best achievable.
Scores bestOf(const std::vector<const Scores*>& options) {
    Scores best;
    for (const Scores* scores : options)
        for (const auto& [competency, points] : *scores) best[competency] = std::max(best[competency], points);
    return best;
}

Scores sumOfPositive(const std::vector<const Scores*>& options) {
    Scores sum;
    for (const Scores* scores : options)
        for (const auto& [competency, points] : *scores) sum[competency] = addPoints(sum[competency], std::max(0, points));
    return sum;
}

std::vector<std::string> offeredIds(const std::vector<OfferedItem>& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.push_back(item.id);
    return ids;
}

std::string joinWords(const std::vector<std::string>& words, const char* separator) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty()) out += separator;
        out += word;
    }
    return out;
}

// Distinct ids in the order given: ticking an item twice counts once.
std::vector<std::string> distinct(const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids)
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    return out;
}

}  // namespace

const char* toString(Mode mode) {
    return mode == Mode::Practice ? "practice" : "assessment";
}

std::optional<Mode> modeFromString(const std::string& text) {
    if (text == "practice") return Mode::Practice;
    if (text == "assessment") return Mode::Assessment;
    return std::nullopt;
}

Session::Session(const Scenario& scenario, Mode mode, std::uint64_t seed)
    : scenario_(scenario), mode_(mode), seed_(seed) {
    if (scenario_.nodeIndex(scenario_.start) == std::string::npos)
        throw std::invalid_argument(scenario_.file + ": the start node '" + scenario_.start + "' does not exist");
    reset();
}

Session::~Session() = default;

void Session::reset() {
    lua_ = std::make_unique<LuaSandbox>(seed_);
    lua_->beginStep();
    points_.clear();
    best_.clear();
    revealed_.clear();
    expected_.clear();
    ticked_.clear();
    path_.clear();
    decisions_.clear();
    timeline_.clear();
    inputs_.clear();
    pendingWarnings_.clear();
    for (const auto& [name, value] : scenario_.variables) lua_->setVariable(name, value);
    if (!scenario_.scriptText.empty())
        if (auto error = lua_->runScript(scenario_.scriptText))
            pendingWarnings_.push_back(scenario_.file + ": script '" + scenario_.script + "': " + error->message);
    enter(scenario_.nodeIndex(scenario_.start), std::nullopt);
}

std::string Session::where(const std::string& what) const {
    return scenario_.file + ": node '" + node().id + "'" + (what.empty() ? "" : ", " + what);
}

void Session::runLua(const std::string& code, const std::string& what) {
    if (code.empty()) return;
    if (auto error = lua_->run(code)) pendingWarnings_.push_back(where(what) + ": " + error->message);
}

std::string Session::interpolate(const std::string& text) {
    return haven::interpolate(text, [this](const std::string& name) { return lua_->variableText(name); });
}

void Session::reveal(const std::vector<std::string>& indicatorIds) {
    revealed_.insert(indicatorIds.begin(), indicatorIds.end());
}

void Session::enter(std::size_t nodeIndex, std::optional<Feedback> feedback) {
    nodeIndex_ = nodeIndex;
    path_.push_back(node().id);
    reveal(node().reveals);
    runLua(node().onEnter, "on_enter");
    for (const auto& line : lua_->takePrinted()) pendingWarnings_.push_back(where("print") + ": " + line);
    buildStep(std::move(feedback));
    if (step_.kind == NodeType::Ending) {
        TimelineEntry entry;
        entry.node = step_.nodeId;
        entry.kind = NodeType::Ending;
        entry.speaker = step_.speakerName;
        entry.text = step_.text;
        entry.feedback = step_.endingFeedback;
        timeline_.push_back(std::move(entry));
    }
}

void Session::buildStep(std::optional<Feedback> feedback) {
    const Node& n = node();
    Step s;
    s.kind = n.type;
    s.nodeId = n.id;
    s.speaker = n.speaker;
    if (const Character* character = scenario_.findCharacter(n.speaker)) s.speakerName = character->name;
    s.mood = n.mood;
    s.text = interpolate(n.text);
    s.prompt = interpolate(n.prompt);
    switch (n.type) {
        case NodeType::Scene:
            for (std::size_t i = 0; i < n.choices.size(); ++i) {
                const Choice& choice = n.choices[i];
                bool onOffer = true;
                if (!choice.condition.empty()) {
                    if (auto error = lua_->test(choice.condition, onOffer)) {
                        std::string label = choice.id.empty() ? std::to_string(i + 1) : "'" + choice.id + "'";
                        pendingWarnings_.push_back(where("choice " + label + " condition") + ": " + error->message +
                                                   " (the choice is hidden)");
                    }
                }
                if (onOffer) s.choices.push_back({i, choice.id, interpolate(choice.text)});
            }
            if (s.choices.empty())
                pendingWarnings_.push_back(where("") + ": no choice is on offer here, so the scenario cannot go on");
            break;
        case NodeType::Checklist:
            if (n.items.empty()) {
                for (const auto& indicator : scenario_.indicators)
                    s.items.push_back({indicator.id, indicator.text, indicator.category});
            } else {
                for (const auto& id : n.items)
                    if (const Indicator* indicator = scenario_.findIndicator(id))
                        s.items.push_back({indicator->id, indicator->text, indicator->category});
            }
            break;
        case NodeType::Decision:
            s.multiple = n.multiple;
            for (const auto& option : n.options) s.options.push_back({option.id, interpolate(option.text), {}});
            break;
        case NodeType::Ending:
            s.outcome = n.outcome;
            s.endingFeedback = interpolate(n.feedback);
            break;
    }
    if (mode_ == Mode::Practice) s.feedback = std::move(feedback);
    s.warnings = std::exchange(pendingWarnings_, {});
    step_ = std::move(s);
}

void Session::goTo(const std::string& nodeId, std::optional<Feedback> feedback) {
    std::size_t index = scenario_.nodeIndex(nodeId);
    if (index == std::string::npos) {
        pendingWarnings_.push_back(where("") + ": the link to '" + nodeId + "' leads nowhere; staying here");
        buildStep(std::move(feedback));
        return;
    }
    enter(index, std::move(feedback));
}

void Session::record(std::string inputText, std::vector<std::string> ids, const Feedback& feedback,
                     const Scores& best) {
    addScores(points_, feedback.points);
    addScores(best_, best);
    TimelineEntry entry;
    entry.node = step_.nodeId;
    entry.kind = step_.kind;
    entry.speaker = step_.speakerName;
    entry.text = step_.kind == NodeType::Scene ? step_.text : step_.prompt;
    entry.input = std::move(inputText);
    entry.ids = std::move(ids);
    entry.feedback = feedback.text;
    entry.reference = feedback.reference;
    entry.points = feedback.points;
    timeline_.push_back(std::move(entry));
}

void Session::requireKind(NodeType kind, const char* verb) const {
    if (step_.kind == kind) return;
    throw InputError("cannot " + std::string(verb) + " at node '" + step_.nodeId + "': it is a " +
                     toString(step_.kind) + " step" + (finished() ? " (the scenario has ended)" : ""));
}

void Session::choose(int oneBasedIndex) {
    requireKind(NodeType::Scene, "choose");
    int offered = static_cast<int>(step_.choices.size());
    if (oneBasedIndex < 1 || oneBasedIndex > offered)
        throw InputError("choice " + std::to_string(oneBasedIndex) + " is not on offer at node '" + step_.nodeId +
                         "': there " + (offered == 1 ? "is 1 choice" : "are " + std::to_string(offered) + " choices"));
    inputs_.push_back(Input::choose(oneBasedIndex));
    chooseOffered(step_.choices[static_cast<std::size_t>(oneBasedIndex - 1)]);
}

void Session::choose(const std::string& choiceId) {
    requireKind(NodeType::Scene, "choose");
    for (const auto& offered : step_.choices) {
        if (offered.id != choiceId) continue;
        inputs_.push_back(Input::choose(choiceId));
        chooseOffered(offered);
        return;
    }
    for (const auto& choice : node().choices)
        if (choice.id == choiceId)
            throw InputError("choice '" + choiceId + "' is not on offer at node '" + step_.nodeId +
                             "': its condition is false on this path");
    std::vector<std::string> ids;
    for (const auto& offered : step_.choices) ids.push_back(offered.id);
    throw InputError("node '" + step_.nodeId + "' has no choice '" + choiceId + "'" + didYouMean(choiceId, ids));
}

void Session::chooseOffered(const OfferedChoice& offered) {
    lua_->beginStep();
    const Choice& choice = node().choices[offered.index];
    std::vector<const Scores*> onOffer;
    for (const auto& other : step_.choices) onOffer.push_back(&node().choices[other.index].scores);
    Feedback feedback{interpolate(choice.feedback), choice.reference, choice.scores, std::nullopt};
    record(offered.text, {choice.id}, feedback, bestOf(onOffer));
    undoUsed_ = false;
    runLua(choice.effect, "choice '" + choice.id + "' effect");
    reveal(choice.reveals);
    goTo(choice.goTo, std::move(feedback));
}

void Session::submitChecklist(const std::vector<std::string>& indicatorIds) {
    requireKind(NodeType::Checklist, "submit a checklist");
    std::vector<std::string> offered = offeredIds(step_.items);
    std::vector<std::string> ticked = distinct(indicatorIds);
    for (const auto& id : ticked)
        if (std::find(offered.begin(), offered.end(), id) == offered.end())
            throw InputError("checklist '" + step_.nodeId + "' does not offer indicator '" + id + "'" +
                             didYouMean(id, offered));
    inputs_.push_back(Input::checklist(indicatorIds));
    lua_->beginStep();

    const Node& n = node();
    std::set<std::string> expectedHere = n.expected ? std::set<std::string>(n.expected->begin(), n.expected->end())
                                                    : revealed_;
    int hits = 0, falseAlarms = 0;
    std::vector<std::string> tickedTexts, missedTexts, falseTexts;
    for (const auto& item : step_.items) {
        bool isTicked = std::find(ticked.begin(), ticked.end(), item.id) != ticked.end();
        bool isExpected = expectedHere.count(item.id) > 0;
        bool isObserved = isExpected || revealed_.count(item.id) > 0;
        if (isTicked) tickedTexts.push_back(item.text);
        if (isTicked && isExpected) ++hits;
        if (isTicked && !isObserved) {
            ++falseAlarms;
            falseTexts.push_back(item.text);
        }
        if (!isTicked && isExpected) missedTexts.push_back(item.text);
    }
    Feedback feedback;
    feedback.reference = "Identification checklist (COMMIT); ILO indicators of forced labour";
    std::size_t shown = expectedHere.size();
    feedback.text = "You ticked " + std::to_string(hits) + " of the " +
                    (shown == 1 ? std::string("one indicator") : std::to_string(shown) + " indicators") +
                    " this path showed.";
    if (!missedTexts.empty()) feedback.text += " Missed: " + joinWords(missedTexts, "; ") + ".";
    if (!falseTexts.empty()) feedback.text += " Not observed on this path: " + joinWords(falseTexts, "; ") + ".";
    Scores best;
    if (!n.competency.empty()) {
        feedback.points[n.competency] = std::max(0, hits - falseAlarms);
        best[n.competency] = static_cast<int>(expectedHere.size());
    }
    expected_.insert(expectedHere.begin(), expectedHere.end());
    ticked_.insert(ticked.begin(), ticked.end());
    record(tickedTexts.empty() ? "(nothing ticked)" : joinWords(tickedTexts, "; "), ticked, feedback, best);
    undoUsed_ = false;
    goTo(n.goTo, std::move(feedback));
}

void Session::decide(const std::vector<std::string>& optionIds) {
    requireKind(NodeType::Decision, "decide");
    const Node& n = node();
    std::vector<std::string> chosen = distinct(optionIds);
    std::vector<std::string> offered = offeredIds(step_.options);
    if (chosen.empty()) throw InputError("decision '" + n.id + "': choose at least one option");
    if (!n.multiple && chosen.size() != 1)
        throw InputError("decision '" + n.id + "': choose exactly one option (it is not a multiple choice)");
    for (const auto& id : chosen)
        if (std::find(offered.begin(), offered.end(), id) == offered.end())
            throw InputError("decision '" + n.id + "' has no option '" + id + "'" + didYouMean(id, offered));
    inputs_.push_back(Input::decide(optionIds));
    lua_->beginStep();

    Feedback feedback;
    std::vector<const Scores*> all;
    std::vector<std::string> texts, references, correctOptions, chosenCorrect;
    std::string target;
    for (const auto& option : n.options) {
        all.push_back(&option.scores);
        if (option.correct) correctOptions.push_back(option.id);
        if (std::find(chosen.begin(), chosen.end(), option.id) == chosen.end()) continue;
        addScores(feedback.points, option.scores);
        texts.push_back(interpolate(option.text));
        if (!option.feedback.empty()) feedback.text += (feedback.text.empty() ? "" : "\n\n") + interpolate(option.feedback);
        if (!option.reference.empty() && std::find(references.begin(), references.end(), option.reference) == references.end())
            references.push_back(option.reference);
        if (option.correct) chosenCorrect.push_back(option.id);
        if (target.empty()) target = option.goTo;
    }
    if (target.empty()) target = n.goTo;
    feedback.reference = joinWords(references, "; ");
    bool correct = n.multiple ? chosenCorrect.size() == chosen.size() && chosenCorrect.size() == correctOptions.size()
                              : !chosenCorrect.empty();
    feedback.correct = correct;
    decisions_.push_back({n.id, interpolate(n.prompt), chosen, correctOptions, correct, feedback.text});
    record(joinWords(texts, "; "), chosen, feedback, n.multiple ? sumOfPositive(all) : bestOf(all));
    undoUsed_ = false;
    goTo(target, std::move(feedback));
}

void Session::apply(const Input& input) {
    switch (input.kind) {
        case Input::Kind::Choose:
            if (input.index > 0) choose(input.index);
            else choose(input.id);
            break;
        case Input::Kind::Checklist: submitChecklist(input.ids); break;
        case Input::Kind::Decide: decide(input.ids); break;
    }
}

bool Session::canUndo() const {
    return mode_ == Mode::Practice && !inputs_.empty() && !undoUsed_;
}

void Session::undo() {
    if (!canUndo())
        throw InputError(mode_ == Mode::Assessment ? "undo is not available in assessment mode"
                                                   : "only the last input can be taken back");
    // The session is a pure function of its inputs: replaying all but the last is exact.
    std::vector<Input> keep(inputs_.begin(), inputs_.end() - 1);
    reset();
    for (const auto& input : keep) apply(input);
    undoUsed_ = true;
}

std::map<std::string, Value> Session::variables() {
    return lua_->variables();
}

void Session::setVariable(const std::string& name, const Value& value) {
    lua_->setVariable(name, value);
    buildStep(std::nullopt);  // conditions and texts may read it
}

void Session::jumpTo(const std::string& nodeId) {
    std::size_t index = scenario_.nodeIndex(nodeId);
    if (index == std::string::npos) throw InputError("there is no node '" + nodeId + "'");
    enter(index, std::nullopt);
}

void Session::restore(const std::string& nodeId, const std::map<std::string, Value>& variables) {
    std::size_t index = scenario_.nodeIndex(nodeId);
    if (index == std::string::npos) throw InputError("there is no node '" + nodeId + "'");
    nodeIndex_ = index;
    for (const auto& [name, value] : variables) lua_->setVariable(name, value);
    buildStep(std::nullopt);
}

Debrief Session::debrief() const {
    Debrief d;
    d.scenarioId = scenario_.id;
    d.title = scenario_.title;
    d.mode = toString(mode_);
    d.completed = finished();
    if (d.completed) {
        d.ending = step_.nodeId;
        d.outcome = step_.outcome;
        d.endingText = step_.text;
        d.endingFeedback = step_.endingFeedback;
    }
    d.path = path_;
    for (const auto& competency : scenario_.competencies) {
        auto points = points_.find(competency.id);
        auto best = best_.find(competency.id);
        d.competencies.push_back({competency.id, competency.name, points == points_.end() ? 0 : points->second,
                                  best == best_.end() ? 0 : best->second});
        d.raw = addPoints(d.raw, d.competencies.back().points);
        d.max = addPoints(d.max, d.competencies.back().max);
    }
    d.scaled = d.max > 0 ? std::clamp(double(d.raw) / d.max, 0.0, 1.0) : 1.0;
    d.passMark = scenario_.passMark;

    std::set<std::string> observed = expected_;
    observed.insert(revealed_.begin(), revealed_.end());
    for (const auto& id : ticked_) (observed.count(id) ? d.found : d.falseAlarms).push_back(id);
    for (const auto& id : observed)
        if (!ticked_.count(id)) d.missed.push_back(id);

    d.decisions = decisions_;
    d.timeline = timeline_;
    auto wrong = std::find_if(d.decisions.begin(), d.decisions.end(), [](const auto& x) { return !x.correct; });
    constexpr double kTolerance = 1e-9;  // 7/10 must meet a 0.7 pass mark
    bool scoreMet = d.scaled + kTolerance >= d.passMark;
    d.passed = d.completed && scoreMet && wrong == d.decisions.end();
    auto percent = [](double x) { return std::to_string(static_cast<int>(std::lround(x * 100))) + " %"; };
    if (!d.completed)
        d.verdict = "Not finished: the scenario has not reached an ending yet.";
    else if (wrong != d.decisions.end())
        d.verdict = "Not passed: the determination at '" + wrong->node + "' was not correct.";
    else if (!scoreMet)
        d.verdict = "Not passed: " + percent(d.scaled) + " is below the pass mark of " + percent(d.passMark) + ".";
    else
        d.verdict = "Passed with " + percent(d.scaled) + " (pass mark " + percent(d.passMark) + ")" +
                    (d.decisions.empty() ? "." : ", and every determination was correct.");
    return d;
}

}  // namespace haven
