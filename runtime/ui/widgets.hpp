// The widgets both apps use. Each draws from data and returns what the user asked for; none
// decides anything (the Session does). Sections: text, buttons and cards, the story (choices,
// checklist, decision, feedback, transcript, portrait), the debrief's bars.
#pragma once

#include "core/debrief.hpp"
#include "core/input.hpp"
#include "core/scenario.hpp"
#include "core/session.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace haven::ui {

// --- text: every text wraps at the edge of its column.
void text(const std::string& s);
void mutedText(const std::string& s);
void colouredText(const ImVec4& colour, const std::string& s);
void boldText(const std::string& s);
void heading(const std::string& s);
void title(const std::string& s);
void bulletText(const std::string& s);
float em();  // the body font's size in pixels: every layout measure is a multiple of it

// --- buttons and cards
enum class RowKind { Button, Checkbox, Radio };
// A full-width row whose text wraps: a numbered choice, a checkbox or a radio button. `number`
// 1–9 is drawn as a key hint (0 for none). True when activated (click, Enter/Space when focused).
bool wrappedRow(const char* id, RowKind kind, int number, const std::string& label, float width, bool checked = false);
bool primaryButton(const char* label, bool enabled = true);
bool secondaryButton(const char* label, bool enabled = true);
float buttonWidth(const char* label);  // of a primary or secondary button, to lay out rows ahead
// A card: a rounded panel whose height follows its content (measured the frame before). Rows of
// cards pass the same `minHeight` to line up.
void beginCard(const char* id, float width, float minHeight = 0.0f);
float endCard();  // the content's height, for the next frame's row
float lastCardHeight(const char* id);
void tag(const std::string& s);  // a small rounded label, on the same line as the previous tag

// The digit 1–9 typed this frame when no text field has the keyboard; 0 otherwise.
int numberKeyPressed();

// --- the story
// The scene's choices as large numbered buttons; keys 1–9 choose too.
std::optional<Input> drawChoices(const Step& step);

// What is ticked on a checklist or chosen in a decision, until it is confirmed.
struct Selection {
    std::string nodeId;
    std::vector<std::string> ids;
    bool has(const std::string& id) const;
    void toggle(const std::string& id, bool single);
    void resetFor(const std::string& node);
};
std::optional<Input> drawChecklist(const Step& step, Selection& selection);
std::optional<Input> drawDecision(const Step& step, Selection& selection);

// Feedback on the last input (practice mode): what it did and the principle it rests on.
void drawFeedback(const Feedback& feedback, const Scenario& scenario);

// Everything said so far: each step shown and the trainee's answer to it.
void drawTranscript(const std::vector<TimelineEntry>& timeline);

// A portrait, or a neutral silhouette when `texture` is null.
void drawPortrait(ImTextureID texture, float side);

// --- the debrief
void drawCompetencyBar(const std::string& name, int points, int max);

}  // namespace haven::ui
