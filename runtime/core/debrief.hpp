// The debrief: what a play-through earned, found, missed and decided, and why.
#pragma once

#include "core/scenario.hpp"

#include <string>
#include <vector>

namespace haven {

struct CompetencyResult {
    std::string id;
    std::string name;
    int points = 0;
    int max = 0;  // best achievable on the path taken
};

struct DecisionResult {
    std::string node;
    std::string prompt;
    std::vector<std::string> chosen;   // option ids
    std::vector<std::string> correctOptions;
    bool correct = false;
    std::string feedback;              // of the chosen options, joined
};

struct TimelineEntry {
    std::string node;
    NodeType kind = NodeType::Scene;
    std::string speaker;    // display name
    std::string text;       // as shown
    std::string input;      // what the trainee chose, in words; empty at an ending
    std::vector<std::string> ids;  // choice id, ticked indicators or chosen options
    std::string feedback;
    std::string reference;
    Scores points;
};

struct Debrief {
    std::string scenarioId;
    std::string title;
    std::string mode;
    bool completed = false;
    std::string ending;          // node id
    std::string outcome;
    std::string endingText;
    std::string endingFeedback;
    std::vector<std::string> path;
    int raw = 0;
    int max = 0;
    double scaled = 0.0;
    double passMark = 0.0;
    bool passed = false;
    std::string verdict;  // why passed or not, in a sentence
    std::vector<CompetencyResult> competencies;
    std::vector<std::string> found, missed, falseAlarms;  // indicator ids, sorted
    std::vector<DecisionResult> decisions;
    std::vector<TimelineEntry> timeline;
};

// The `haven play --json` shape (documented in docs/cli.md).
std::string debriefJson(const Debrief& debrief);

// The same for a person at a terminal: readable by a screen reader, line by line.
std::string debriefText(const Debrief& debrief, const Scenario& scenario);

}  // namespace haven
