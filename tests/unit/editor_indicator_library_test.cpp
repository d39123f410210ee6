// The indicator library the scenario panel offers: the ILO's 11 with the shared ids, the
// checklist items, and what a scenario is still missing.
#include "model/indicator_library.hpp"
#include "model/scenario_template.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace haven;
using namespace haven::editor;

// The template's ids are checked against docs/content-guide.md in editor_document_test.cpp.
TEST_CASE("the ILO's 11 indicators are the template's, in its order, with its texts") {
    const Scenario scenario = newFromTemplate();
    const auto ilo = iloIndicators();
    REQUIRE(ilo.size() == 11);
    REQUIRE(scenario.indicators.size() == ilo.size());
    for (std::size_t i = 0; i < ilo.size(); ++i) {
        CHECK(ilo[i].id == scenario.indicators[i].id);
        CHECK(ilo[i].text == scenario.indicators[i].text);
        CHECK(ilo[i].category == "ILO forced labour");
        CHECK(ilo[i].source == "ILO");
    }
}

TEST_CASE("every entry has a unique id, a text, a category and a source") {
    std::set<std::string> ids;
    for (const Indicator& indicator : indicatorLibrary()) {
        CHECK(ids.insert(indicator.id).second);
        CHECK_FALSE(indicator.text.empty());
        CHECK_FALSE(indicator.category.empty());
        CHECK_FALSE(indicator.source.empty());
    }
    CHECK(indicatorLibrary().size() > 11);  // the checklist items too
}

TEST_CASE("missingIndicators leaves out what the scenario already has") {
    Scenario scenario = newFromTemplate();
    auto missing = missingIndicators(scenario);
    CHECK(missing.size() == indicatorLibrary().size() - 11);
    for (const Indicator& indicator : missing) CHECK(indicator.id.rfind("ilo-", 0) != 0);

    scenario.indicators.clear();
    CHECK(missingIndicators(scenario).size() == indicatorLibrary().size());
}
