#include "core/debrief_html.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace haven {
namespace {

const char* kStyle = R"(
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; color: #1f2328; background: #fff;
       max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
.meta { color: #57606a; margin: 0 0 1rem; }
.result { border: 2px solid; border-radius: 8px; padding: .75rem 1rem; }
.result.passed { border-color: #1a7f37; background: #f0fff4; }
.result.failed { border-color: #9a6700; background: #fff8e5; }
.result strong { font-size: 1.2rem; }
table.bars { width: 100%; border-collapse: collapse; }
table.bars td { padding: .3rem .5rem .3rem 0; vertical-align: middle; }
table.bars td.name { width: 40%; }
table.bars td.value { width: 5.5rem; text-align: right; white-space: nowrap; color: #57606a; }
.bar { height: .8rem; background: #eaeef2; border-radius: 4px; overflow: hidden;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.bar span { display: block; height: 100%; background: #2f6f8f; }
ul.indicators { padding-left: 1.2rem; }
ul.indicators li { margin-bottom: .4rem; }
.why { color: #57606a; display: block; }
.tag { font-size: .8rem; border: 1px solid #d0d7de; border-radius: 4px; padding: 0 .3rem; color: #57606a; }
ol.timeline { padding-left: 1.5rem; }
ol.timeline li { margin-bottom: .9rem; break-inside: avoid; page-break-inside: avoid; }
.speaker { font-weight: bold; }
.input { margin: .2rem 0; }
.feedback { border-left: 3px solid #2f6f8f; padding-left: .6rem; margin: .2rem 0; }
.reference { color: #57606a; font-size: .9rem; }
.notes { white-space: pre-wrap; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .75rem; }
footer { margin-top: 2.5rem; color: #57606a; font-size: .85rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
)";

std::string percent(double fraction) {
    return std::to_string(static_cast<int>(std::lround(fraction * 100))) + " %";
}

std::string indicatorText(const Scenario& scenario, const std::string& id) {
    const Indicator* indicator = scenario.findIndicator(id);
    return indicator ? indicator->text : id;
}

void indicatorList(std::ostringstream& out, const Scenario& scenario, const char* heading,
                   const std::vector<std::string>& ids, const char* why) {
    out << "<h3>" << heading << " (" << ids.size() << ")</h3>\n";
    if (ids.empty()) {
        out << "<p class=\"meta\">None.</p>\n";
        return;
    }
    out << "<ul class=\"indicators\">\n";
    for (const auto& id : ids) {
        const Indicator* indicator = scenario.findIndicator(id);
        out << "<li>" << htmlEscape(indicatorText(scenario, id));
        if (indicator && !indicator->category.empty())
            out << " <span class=\"tag\">" << htmlEscape(indicator->category) << "</span>";
        if (indicator && !indicator->source.empty())
            out << " <span class=\"tag\">" << htmlEscape(indicator->source) << "</span>";
        out << "<span class=\"why\">" << htmlEscape(why) << "</span></li>\n";
    }
    out << "</ul>\n";
}

std::string pointsText(const Scores& points) {
    int total = 0;
    for (const auto& [competency, value] : points) total += value;
    if (points.empty()) return "";
    return (total > 0 ? "+" : "") + std::to_string(total) + (total == 1 || total == -1 ? " point" : " points");
}

}  // namespace

std::string optionsText(const Scenario& scenario, const std::string& nodeId, const std::vector<std::string>& optionIds) {
    const Node* node = scenario.findNode(nodeId);
    std::string joined;
    for (const auto& id : optionIds) {
        std::string text = id;
        if (node)
            for (const auto& option : node->options)
                if (option.id == id) text = option.text;
        joined += (joined.empty() ? "" : "; ") + text;
    }
    return joined.empty() ? "nothing" : joined;
}

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string debriefHtml(const Debrief& d, const Scenario& scenario, const DebriefHtmlContext& context) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << htmlEscape(scenario.language.empty() ? "en" : scenario.language)
        << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>Debrief: " << htmlEscape(d.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";

    out << "<header>\n<h1>Debrief: " << htmlEscape(d.title) << "</h1>\n<p class=\"meta\">";
    if (!context.learnerName.empty()) {
        out << htmlEscape(context.learnerName);
        if (!context.learnerId.empty()) out << " (" << htmlEscape(context.learnerId) << ")";
        out << " · ";
    }
    out << htmlEscape(d.mode == "practice" ? "Practice" : "Assessment") << " mode";
    if (!context.date.empty()) out << " · " << htmlEscape(context.date);
    out << "</p>\n</header>\n";

    out << "<section class=\"result " << (d.passed ? "passed" : "failed") << "\">\n<strong>"
        << (d.passed ? "Passed" : (d.completed ? "Not passed yet" : "Not finished")) << "</strong> — "
        << percent(d.scaled) << " of the best achievable (pass mark " << percent(d.passMark) << ")\n<p>"
        << htmlEscape(d.verdict) << "</p>\n</section>\n";

    out << "<h2>Competencies</h2>\n<table class=\"bars\">\n";
    for (const auto& c : d.competencies) {
        double fraction = c.max > 0 ? std::clamp(static_cast<double>(c.points) / c.max, 0.0, 1.0) : 0.0;
        out << "<tr><td class=\"name\">" << htmlEscape(c.name) << "</td><td><div class=\"bar\"><span style=\"width:"
            << std::lround(fraction * 100) << "%\"></span></div></td><td class=\"value\">" << c.points << " of "
            << c.max << "</td></tr>\n";
    }
    out << "</table>\n";

    out << "<h2>Indicators</h2>\n";
    indicatorList(out, scenario, "Found", d.found, kIndicatorFoundNote);
    indicatorList(out, scenario, "Missed", d.missed, kIndicatorMissedNote);
    indicatorList(out, scenario, "Ticked but not shown", d.falseAlarms, kIndicatorFalseAlarmNote);

    if (!d.decisions.empty()) {
        out << "<h2>Determination</h2>\n";
        for (const auto& decision : d.decisions) {
            out << "<p><strong>" << htmlEscape(decision.prompt) << "</strong><br>You decided: "
                << htmlEscape(optionsText(scenario, decision.node, decision.chosen)) << " — "
                << (decision.correct ? "right." : "not the best answer.");
            if (!decision.correct)
                out << " The best answer: " << htmlEscape(optionsText(scenario, decision.node, decision.correctOptions))
                    << ".";
            out << "</p>\n";
            if (!decision.feedback.empty()) out << "<p class=\"feedback\">" << htmlEscape(decision.feedback) << "</p>\n";
        }
    }

    if (!d.endingText.empty() || !d.endingFeedback.empty()) {
        out << "<h2>How it ended</h2>\n";
        if (!d.endingText.empty()) out << "<p>" << htmlEscape(d.endingText) << "</p>\n";
        if (!d.endingFeedback.empty()) out << "<p class=\"feedback\">" << htmlEscape(d.endingFeedback) << "</p>\n";
    }

    out << "<h2>Timeline</h2>\n<ol class=\"timeline\">\n";
    for (const auto& entry : d.timeline) {
        out << "<li>";
        if (!entry.speaker.empty()) out << "<span class=\"speaker\">" << htmlEscape(entry.speaker) << ":</span> ";
        out << htmlEscape(entry.text);
        if (!entry.input.empty()) {
            out << "<p class=\"input\"><strong>You:</strong> " << htmlEscape(entry.input);
            std::string points = pointsText(entry.points);
            if (!points.empty()) out << " <span class=\"tag\">" << points << "</span>";
            out << "</p>";
        }
        if (!entry.feedback.empty()) out << "<p class=\"feedback\">" << htmlEscape(entry.feedback) << "</p>";
        if (!entry.reference.empty()) out << "<p class=\"reference\">" << htmlEscape(entry.reference) << "</p>";
        out << "</li>\n";
    }
    out << "</ol>\n";

    if (!context.notes.empty())
        out << "<h2>Officer's notebook</h2>\n<div class=\"notes\">" << htmlEscape(context.notes) << "</div>\n";

    out << "<footer>Haven training simulation · scenario " << htmlEscape(d.scenarioId);
    if (!scenario.contentHash.empty()) out << " (content " << htmlEscape(scenario.contentHash) << ")";
    out << ". A fictional composite for training; not a record of a real case.</footer>\n</body>\n</html>\n";
    return out.str();
}

}  // namespace haven
