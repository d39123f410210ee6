// The debrief as one self-contained HTML page (no scripts, no external files) that prints cleanly:
// a trainer keeps it, a learner shows it. A pure function of the debrief; every text is escaped.
#pragma once

#include "core/debrief.hpp"
#include "core/scenario.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace haven {

// Who played and when; shown in the page's header. All optional.
struct DebriefHtmlContext {
    std::string learnerName;
    std::string learnerId;
    std::string date;   // as it should be printed, e.g. "2024-05-02 14:10 UTC"
    std::string notes;  // the officer's notebook
};

// Why an indicator is listed where it is; the player's debrief screen says the same.
inline constexpr const char* kIndicatorFoundNote = "You ticked it, and the conversation showed it.";
inline constexpr const char* kIndicatorMissedNote =
    "The conversation showed it, but you did not tick it. Look back at the timeline for where it came up.";
inline constexpr const char* kIndicatorFalseAlarmNote =
    "You ticked it, but nothing in this conversation showed it. Record what you observed or were told, "
    "not what you assume.";

std::string htmlEscape(std::string_view text);

// The texts of a decision's options, joined with "; " ("nothing" for none).
std::string optionsText(const Scenario& scenario, const std::string& nodeId, const std::vector<std::string>& optionIds);

std::string debriefHtml(const Debrief& debrief, const Scenario& scenario, const DebriefHtmlContext& context);

}  // namespace haven
