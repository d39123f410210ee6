// The shared widgets in an ImGui context with no window and no renderer: feed the mouse and the
// keyboard through ImGuiIO, draw a frame, and check what the widget says the user asked for.
#include "imgui_test_context.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <functional>

using namespace haven;

namespace {

using Context = haven::test::ImGuiTestContext;

Step sceneStep() {
    Step step;
    step.kind = NodeType::Scene;
    step.nodeId = "meet";
    step.choices = {{0, "ask-open", "Ask an open question."}, {1, "", "Wait quietly."}, {2, "leave", "Leave."}};
    return step;
}

}  // namespace

TEST_CASE("drawChoices: a click on the second choice asks for it") {
    Context context;
    Step step = sceneStep();
    std::vector<ImVec2> centres;
    std::optional<Input> asked;
    auto draw = [&] {
        centres.clear();
        asked = ui::drawChoices(step);
    };
    // Frame 1 lays out; we find the rows by their positions from a second pass.
    context.frame([&] {
        for (std::size_t i = 0; i < step.choices.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ui::wrappedRow("##choice", ui::RowKind::Button, static_cast<int>(i) + 1, step.choices[i].text,
                           ImGui::GetContentRegionAvail().x);
            ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            centres.push_back(ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2));
            ImGui::PopID();
        }
    });
    REQUIRE(centres.size() == 3);
    ImVec2 target = centres[1];
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = target;
    context.frame(draw);
    CHECK_FALSE(asked);
    io.MouseDown[0] = true;
    context.frame(draw);
    CHECK_FALSE(asked);
    io.MouseDown[0] = false;
    context.frame(draw);
    REQUIRE(asked);
    // The second choice has no id: it is asked for by its position.
    CHECK(*asked == Input::choose(2));
}

TEST_CASE("drawChoices: the number keys choose, unless a text field has the keyboard") {
    Context context;
    Step step = sceneStep();
    std::optional<Input> asked;
    context.frame([&] { asked = ui::drawChoices(step); });
    ImGui::GetIO().AddInputCharacter('1');
    context.frame([&] { asked = ui::drawChoices(step); });
    REQUIRE(asked);
    CHECK(*asked == Input::choose("ask-open"));

    SUBCASE("a digit beyond the choices does nothing") {
        ImGui::GetIO().AddInputCharacter('7');
        context.frame([&] { asked = ui::drawChoices(step); });
        CHECK_FALSE(asked);
    }
}

TEST_CASE("drawChecklist: ticks toggle and confirm in the checklist's order") {
    Context context;
    Step step;
    step.kind = NodeType::Checklist;
    step.nodeId = "check";
    step.items = {{"a", "First sign", "Control"}, {"b", "Second sign", "Deception"}, {"c", "Third sign", "Control"}};
    ui::Selection selection;
    std::optional<Input> asked;
    auto draw = [&] { asked = ui::drawChecklist(step, selection); };
    context.frame(draw);
    ImGuiIO& io = ImGui::GetIO();
    // Displayed grouped by category: Control (a, c), then Deception (b); keys follow the display.
    io.AddInputCharacter('3');
    context.frame(draw);
    CHECK(selection.ids == std::vector<std::string>{"b"});
    io.AddInputCharacter('1');
    context.frame(draw);
    CHECK(selection.has("a"));
    io.AddInputCharacter('1');
    context.frame(draw);
    CHECK_FALSE(selection.has("a"));
    io.AddInputCharacter('2');
    context.frame(draw);
    CHECK_FALSE(asked);
    CHECK(selection.ids == std::vector<std::string>{"b", "c"});

    SUBCASE("a new checklist starts empty") {
        step.nodeId = "another";
        context.frame(draw);
        CHECK(selection.ids.empty());
    }
}

TEST_CASE("Selection: single choice replaces, multiple toggles") {
    ui::Selection selection;
    selection.resetFor("n");
    selection.toggle("x", true);
    selection.toggle("y", true);
    CHECK(selection.ids == std::vector<std::string>{"y"});
    selection.toggle("x", false);
    selection.toggle("y", false);
    CHECK(selection.ids == std::vector<std::string>{"x"});
    selection.resetFor("n");
    CHECK(selection.ids == std::vector<std::string>{"x"});
    selection.resetFor("m");
    CHECK(selection.ids.empty());
}

TEST_CASE("the widgets draw every kind of step without a renderer") {
    Context context;
    Scenario scenario;
    scenario.competencies = {{"rapport", "Rapport", ""}};
    Feedback feedback{"Well done.", "PEACE", {{"rapport", 2}}, std::nullopt};
    std::vector<TimelineEntry> timeline(2);
    timeline[0].speaker = "Thida";
    timeline[0].text = "Hello.";
    timeline[0].input = "Say hello back.";
    context.frame([&] {
        ui::drawTranscript(timeline);
        ui::drawFeedback(feedback, scenario);
        ui::drawPortrait(nullptr, 120);
        ui::drawCompetencyBar("Rapport", 3, 4);
        ui::drawCompetencyBar("Nothing on this path", 0, 0);
        ui::beginCard("card", 300);
        ui::text("A long text that wraps inside the card rather than running past its edge.");
        ui::endCard();
    });
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
}

TEST_CASE("breakAtSpaces keeps a closing quote with its sentence and fits every line") {
    Context context;
    context.frame([&] {
        const std::string sentence = "He helps me. A little. What do you want to know?\u201d";
        const float width = ImGui::CalcTextSize("He helps me. A little. What do you want to know").x;
        std::string lines = ui::breakAtSpaces(sentence, width);
        CHECK(lines.find("know?\u201d") != std::string::npos);  // never a lone quote
        CHECK(lines.find('\n') != std::string::npos);
        std::size_t start = 0;
        while (start <= lines.size()) {
            std::size_t end = lines.find('\n', start);
            if (end == std::string::npos) end = lines.size();
            CHECK(ImGui::CalcTextSize(lines.c_str() + start, lines.c_str() + end).x <= width);
            start = end + 1;
        }
        CHECK(ui::breakAtSpaces("one\ntwo", 1000.0f) == "one\ntwo");  // the author's breaks stay
    });
}
