#include "model/indicator_library.hpp"

#include <algorithm>

namespace haven::editor {
namespace {

// Sources as the shipped scenarios name them (docs/content-guide.md).
constexpr const char* kIlo = "ILO";
constexpr const char* kCommit = "COMMIT-style screening checklist";
constexpr const char* kIloEc = "ILO–EC operational indicators";
constexpr const char* kIloEcChildren = "ILO–EC operational indicators (children)";
constexpr const char* kReturn = "Return risk assessment (COMMIT-style checklist)";

std::vector<Indicator> build() {
    return {
        // The ILO's 11 indicators of forced labour (REFERENCE.md, "ILO indicators of forced labour").
        {"ilo-abuse-of-vulnerability", "Abuse of vulnerability", kIloCategory, kIlo},
        {"ilo-deception", "Deception about the work, pay or conditions", kIloCategory, kIlo},
        {"ilo-restriction-of-movement", "Restriction of movement", kIloCategory, kIlo},
        {"ilo-isolation", "Isolation", kIloCategory, kIlo},
        {"ilo-physical-sexual-violence", "Physical or sexual violence", kIloCategory, kIlo},
        {"ilo-intimidation-threats", "Intimidation and threats", kIloCategory, kIlo},
        {"ilo-retention-of-documents", "Retention of identity documents", kIloCategory, kIlo},
        {"ilo-withholding-wages", "Withholding of wages", kIloCategory, kIlo},
        {"ilo-debt-bondage", "Debt bondage", kIloCategory, kIlo},
        {"ilo-abusive-conditions", "Abusive working and living conditions", kIloCategory, kIlo},
        {"ilo-excessive-overtime", "Excessive overtime", kIloCategory, kIlo},

        // Signs of control when the person is met (the harms list of REFERENCE.md: an accompanying
        // "friend", employer or controller who speaks for them).
        {"companion-answers-for-them", "A travelling companion answers questions put to the person", "Signs of control",
         kCommit},
        {"companion-holds-documents", "Someone else holds the person's passport and tickets", "Signs of control",
         kCommit},
        {"someone-answers-for-worker",
         "A supervisor or someone else answers for the worker or sits in on the conversation", "Signs of control",
         kCommit},
        {"calls-in-secret", "Can contact outside help only in secret, on a borrowed phone", "Coercion at destination",
         kIloEc},

        // The ILO–EC dimensions of recruitment (deceptive, coercive, by abuse of vulnerability).
        {"coached-story", "The person was told what to say to officials", "Deceptive recruitment", kIloEc},
        {"documents-recently-issued", "Passport and papers obtained in a rush, shortly before travel",
         "Deceptive recruitment", kCommit},
        {"recruitment-fee-debt", "Recruitment fee and travel costs turned into a debt owed to the employer or agent",
         "Recruitment by abuse of vulnerability", kIloEc},
        {"wages-paid-to-agent", "Wages paid to the recruitment agent instead of to the worker",
         "Coercion at destination", kIloEc},
        {"others-affected", "Other workers in the same place are in the same situation",
         "Exploitative conditions of work", kIloEc},

        // Child trafficking (REFERENCE.md ¶23): no "means" is needed for a child.
        {"underage-worker", "Worker appears to be under 18", "Abuse of vulnerability", kCommit},
        {"adoption-papers-inconsistent",
         "Adoption or guardianship papers that do not match other documents (names, dates, signatures)",
         "Deceptive recruitment", kCommit},
        {"payment-to-family", "Money or benefits given to the child's parents or guardians",
         "Recruitment by abuse of vulnerability", kIloEcChildren},

        // Safe return (REFERENCE.md ¶12, ¶13, ¶18): risk assessment before any return.
        {"debt-still-claimed", "The recruitment debt is still being claimed from the person or their family",
         "Risk on return", kReturn},
        {"recruiter-in-home-community", "The recruiter lives near the person's family and is still active",
         "Risk on return", kReturn},
        {"threats-against-family", "Threats made against the person or their family since they left", "Risk on return",
         kReturn},
        {"family-involved-in-recruitment", "A family member took part in the recruitment", "Risk on return", kReturn},
        {"no-income-on-return", "No safe work or income waiting at home", "Risk on return", kReturn},
    };
}

}  // namespace

const std::vector<Indicator>& indicatorLibrary() {
    static const std::vector<Indicator> library = build();
    return library;
}

std::vector<Indicator> iloIndicators() {
    std::vector<Indicator> ilo;
    for (const Indicator& indicator : indicatorLibrary())
        if (indicator.category == kIloCategory) ilo.push_back(indicator);
    return ilo;
}

std::vector<Indicator> missingIndicators(const Scenario& scenario) {
    std::vector<Indicator> missing;
    for (const Indicator& indicator : indicatorLibrary()) {
        const bool present = std::any_of(scenario.indicators.begin(), scenario.indicators.end(),
                                         [&](const Indicator& have) { return have.id == indicator.id; });
        if (!present) missing.push_back(indicator);
    }
    return missing;
}

}  // namespace haven::editor
