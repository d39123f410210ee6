// Sections: paths and jumps · recomputing · drawing (icons, rows, spelling actions).
#include "app/problems_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <charconv>

#include "model/scenario_texts.hpp"
#include "model/text_search.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace haven::editor {

// ------------------------------------------------------------------------------ paths and jumps

std::optional<std::size_t> nodeOfPath(const std::string& path) {
    constexpr std::string_view kPrefix = "nodes[";
    if (!path.starts_with(kPrefix)) return std::nullopt;
    std::size_t node = 0;
    const char* first = path.data() + kPrefix.size();
    const char* last = path.data() + path.size();
    const auto [end, error] = std::from_chars(first, last, node);
    if (error != std::errc() || end == first || end == last || *end != ']') return std::nullopt;
    return node;
}

void jumpTo(EditorContext& context, const std::string& path) {
    context.focusPath = path;
    const auto node = nodeOfPath(path);
    if (node && *node < context.scenario().nodes.size()) {
        context.select(*node, true);
        context.sideTab = SideTab::Inspector;
    } else {
        context.sideTab = SideTab::Scenario;  // title, competencies, characters …
    }
}

// ---------------------------------------------------------------------------------- recomputing

struct ProblemsPanel::Row {
    enum class Kind { Error, Warning, Spelling } kind = Kind::Error;
    std::string path;
    std::string where;  // "kitchen · choices[1].goto"
    std::string message;
    std::string word;  // a misspelling, at `offset` of the text at `path`
    std::size_t offset = 0;
};

ProblemsPanel::ProblemsPanel() = default;
ProblemsPanel::~ProblemsPanel() = default;
ProblemsPanel::ProblemsPanel(ProblemsPanel&&) noexcept = default;
ProblemsPanel& ProblemsPanel::operator=(ProblemsPanel&&) noexcept = default;

namespace {

// "kitchen · choices[1].goto" for nodes[3].choices[1].goto: authors know nodes by id.
std::string whereOf(const Scenario& scenario, const std::string& path) {
    const auto node = nodeOfPath(path);
    if (!node || *node >= scenario.nodes.size()) return path.empty() ? "Scenario" : "Scenario · " + path;
    const std::size_t dot = path.find("].");
    const std::string& id = scenario.nodes[*node].id;
    return dot == std::string::npos ? id : id + " · " + path.substr(dot + 2);
}

std::string counted(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

void ProblemsPanel::refresh(EditorContext& context) {
    const DocumentStamp stamp = DocumentStamp::of(context);
    if (stamp == seen_ && !stale_) return;
    seen_ = stamp;
    stale_ = false;
    const Scenario& scenario = context.scenario();
    if (!spelling_ || spellingLanguage_ != scenario.language) {
        spelling_ = std::make_unique<Spelling>(scenario.language);
        spellingLanguage_ = scenario.language;
    }

    rows_.clear();
    errors_ = warnings_ = 0;
    const Diagnostics diagnostics = context.doc().problems();
    // Errors first: they stop the scenario from being played.
    for (Severity severity : {Severity::Error, Severity::Warning})
        for (const auto& d : diagnostics) {
            if (d.severity != severity) continue;
            const bool error = severity == Severity::Error;
            rows_.push_back(
                {error ? Row::Kind::Error : Row::Kind::Warning, d.path, whereOf(scenario, d.path), d.message, {}, 0});
            ++(error ? errors_ : warnings_);
        }
    const auto findings = spelling_->check(scenario);
    misspellings_ = findings.size();
    for (const auto& f : findings)
        rows_.push_back({Row::Kind::Spelling, f.path, whereOf(scenario, f.path), "Unknown word “" + f.word + "”",
                         f.word, f.offset});
}

std::string ProblemsPanel::summary() const {
    if (errors_ + warnings_ + misspellings_ == 0) return "No problems";
    std::string text;
    auto add = [&](std::size_t n, const char* one, const char* many) {
        if (n == 0) return;
        text += (text.empty() ? "" : " · ") + counted(n, one, many);
    };
    add(errors_, "error", "errors");
    add(warnings_, "warning", "warnings");
    add(misspellings_, "spelling", "spelling");
    return text;
}

// -------------------------------------------------------------------------------------- drawing

namespace {

// Shapes as well as colours, so that the kinds differ without colour vision: a disc for an
// error (kind 0), a triangle for a warning (1), a wavy underline for a misspelling (2).
void drawIcon(int kind, float height) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(height, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ui::Palette& colours = ui::palette();
    const float r = ui::em() * 0.3f;
    const ImVec2 c(at.x + height * 0.5f, at.y + height * 0.5f);
    if (kind == 0) {
        draw->AddCircleFilled(c, r, ImGui::GetColorU32(colours.bad));
    } else if (kind == 1) {
        draw->AddTriangleFilled(ImVec2(c.x, c.y - r * 1.1f), ImVec2(c.x + r * 1.15f, c.y + r * 0.9f),
                                ImVec2(c.x - r * 1.15f, c.y + r * 0.9f), ImGui::GetColorU32(colours.warn));
    } else {
        ImVec2 points[7];
        for (int i = 0; i < 7; ++i)
            points[i] =
                ImVec2(c.x - r * 1.2f + r * 0.4f * static_cast<float>(i), c.y + ((i % 2) ? -r * 0.35f : r * 0.35f));
        draw->AddPolyline(points, 7, ImGui::GetColorU32(colours.accent), ImDrawFlags_None,
                          std::max(1.5f, ui::em() * 0.09f));
    }
}

}  // namespace

void ProblemsPanel::draw(EditorContext& context) {
    refresh(context);
    // One line of title: the list below is what the panel's little height is for.
    ui::boldText("Problems");
    ImGui::SameLine(0, ui::em());
    ui::mutedText(summary());
    if (spelling_ && !spelling_->note().empty()) ui::mutedText(spelling_->note());
    if (spelling_ && !spelling_->writeError().empty()) ui::colouredText(ui::palette().bad, spelling_->writeError());
    if (rows_.empty()) {
        ImGui::Dummy(ImVec2(0, ui::em() * 0.3f));
        ui::colouredText(ui::palette().good,
                         "Every node can be reached, every link leads somewhere, and every text reads clean.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ui::em() * 0.3f, ui::em() * 0.2f));
    const bool open = ImGui::BeginTable("problems", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y));
    ImGui::PopStyleVar();
    if (!open) return;
    ImGui::TableSetupColumn("kind", ImGuiTableColumnFlags_WidthFixed, ui::em() * 1.4f);
    // Where a problem is matters less than what it is: the column gives way in a narrow window.
    const float whereWidth = std::clamp(ImGui::GetContentRegionAvail().x * 0.25f, ui::em() * 6, ui::em() * 12);
    ImGui::TableSetupColumn("where", ImGuiTableColumnFlags_WidthFixed, whereWidth);
    ImGui::TableSetupColumn("problem", ImGuiTableColumnFlags_WidthStretch);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            ImGui::PushID(i);
            drawRow(context, rows_[static_cast<std::size_t>(i)]);
            ImGui::PopID();
        }
    ImGui::EndTable();
}

void ProblemsPanel::drawRow(EditorContext& context, const Row& row) {
    // Rows as tall as a line and its small buttons, so that a short panel still lists several.
    const float height = ImGui::GetTextLineHeight() * 1.2f;
    ImGui::TableNextRow(ImGuiTableRowFlags_None, height);
    ImGui::TableNextColumn();
    const ImVec2 start = ImGui::GetCursorPos();
    const bool selected = !row.path.empty() && context.focusPath == row.path;
    if (ImGui::Selectable("##row", selected,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(0, height)))
        jumpTo(context, row.path);
    if (ImGui::IsItemHovered() && !row.path.empty()) ImGui::SetTooltip("%s", row.path.c_str());
    ImGui::SetCursorPos(start);
    drawIcon(static_cast<int>(row.kind), height);

    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.where.c_str());
    ImGui::TableNextColumn();
    if (row.kind == Row::Kind::Error) ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().bad);
    ImGui::TextUnformatted(row.message.c_str());
    if (row.kind == Row::Kind::Error) ImGui::PopStyleColor();
    if (row.kind == Row::Kind::Spelling) drawSpellingActions(context, row);
}

void ProblemsPanel::drawSpellingActions(EditorContext& context, const Row& row) {
    const auto text = textAt(context.scenario(), row.path);
    if (!text || text->substr(row.offset, row.word.size()) != row.word) return;  // changed since
    // Three corrections fit beside the message in the narrowest layout; the best come first.
    constexpr std::size_t kShown = 3;
    const auto& suggestions = spelling_->suggestions(row.word);
    for (std::size_t i = 0; i < suggestions.size() && i < kShown; ++i) {
        const std::string& suggestion = suggestions[i];
        ImGui::SameLine();
        if (ImGui::SmallButton(suggestion.c_str())) {
            if (auto command = replaceRange(context.scenario(), row.path, row.offset, row.word.size(), suggestion,
                                            "Correct “" + row.word + "”")) {
                context.execute(std::move(command));
                context.notice = "Corrected “" + row.word + "” to “" + suggestion + "”";
            }
            return;  // the rows are recomputed next frame
        }
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().muted);
    const bool add = ImGui::SmallButton("Add to word list");
    ImGui::PopStyleColor();
    if (!add) return;
    std::string error;
    if (spelling_->addWord(row.word, error))
        context.notice = "Added “" + row.word + "” to the scenario's word list";
    else
        context.notice = "The word list was not saved: " + error;
    stale_ = true;
}

}  // namespace haven::editor
