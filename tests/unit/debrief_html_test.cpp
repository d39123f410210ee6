// The debrief as HTML: self-contained, every text escaped, every section present.
#include "core/debrief_html.hpp"

#include "core/input.hpp"
#include "core/scenario_loader.hpp"
#include "core/session.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace haven;

namespace {

Scenario tutorial() {
    LoadResult result = loadScenario(test::source("scenarios/tutorial"));
    REQUIRE(result.ok());
    return std::move(*result.scenario);
}

Debrief bestDebrief(const Scenario& scenario) {
    std::vector<Input> inputs;
    Diagnostics diagnostics;
    REQUIRE(loadInputFile(test::source("tests/scenarios/tutorial/best.input.json"), inputs, diagnostics));
    Session session(scenario, Mode::Assessment, 1);
    for (const auto& input : inputs) session.apply(input);
    REQUIRE(session.finished());
    return session.debrief();
}

}  // namespace

TEST_CASE("htmlEscape escapes the five characters that matter") {
    CHECK(htmlEscape("a < b && c > \"d\" 'e'") == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;");
    CHECK(htmlEscape("plain — text") == "plain — text");
    CHECK(htmlEscape("") == "");
}

TEST_CASE("the tutorial's debrief as a self-contained page") {
    Scenario scenario = tutorial();
    Debrief debrief = bestDebrief(scenario);
    std::string html = debriefHtml(debrief, scenario, {"Amina", "L-7F3K-Q9XD", "2024-05-02 14:10 UTC", ""});

    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("</html>") != std::string::npos);
    SUBCASE("nothing is loaded from elsewhere") {
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("http") == std::string::npos);
        CHECK(html.find("<link") == std::string::npos);
    }
    SUBCASE("it prints cleanly") {
        CHECK(html.find("@media print") != std::string::npos);
        CHECK(html.find("break-inside: avoid") != std::string::npos);
    }
    SUBCASE("every section") {
        for (const char* section : {"Competencies", "Indicators", "Determination", "How it ended", "Timeline"})
            CHECK_MESSAGE(html.find(std::string("<h2>") + section) != std::string::npos, section);
        CHECK(html.find("Passed") != std::string::npos);
        CHECK(html.find("Amina (L-7F3K-Q9XD)") != std::string::npos);
        CHECK(html.find("Assessment mode") != std::string::npos);
        for (const auto& competency : debrief.competencies) CHECK(html.find(htmlEscape(competency.name)) != std::string::npos);
        CHECK(html.find(kIndicatorFoundNote) != std::string::npos);
        // No notebook, no notebook section.
        CHECK(html.find("Officer's notebook") == std::string::npos);
    }
    SUBCASE("every input of the timeline, with its feedback") {
        for (const auto& entry : debrief.timeline) {
            if (!entry.input.empty()) CHECK(html.find(htmlEscape(entry.input)) != std::string::npos);
            if (!entry.feedback.empty()) CHECK(html.find(htmlEscape(entry.feedback)) != std::string::npos);
        }
    }
}

TEST_CASE("text from the learner and the scenario cannot inject markup") {
    Scenario scenario = tutorial();
    Debrief debrief = bestDebrief(scenario);
    debrief.title = "<script>alert(1)</script>";
    debrief.verdict = "<img src=x onerror=alert(1)>";
    std::string html = debriefHtml(debrief, scenario, {"<b>Eve</b>", "", "", "notes </div><script>x()</script>"});
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("&lt;b&gt;Eve&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("Officer's notebook") != std::string::npos);
    CHECK(html.find("&lt;/div&gt;&lt;script&gt;") != std::string::npos);
}

TEST_CASE("optionsText names options by their text, and unknown ids as they are") {
    Scenario scenario = tutorial();
    Debrief debrief = bestDebrief(scenario);
    REQUIRE_FALSE(debrief.decisions.empty());
    const auto& decision = debrief.decisions.front();
    std::string chosen = optionsText(scenario, decision.node, decision.chosen);
    CHECK(chosen != decision.chosen.front());
    CHECK(optionsText(scenario, decision.node, {"no-such-option"}) == "no-such-option");
    CHECK(optionsText(scenario, decision.node, {}) == "nothing");
}
