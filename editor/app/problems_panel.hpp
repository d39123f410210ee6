// The problems panel: the validator and the spelling check, live as you edit; click a problem to
// select its node and focus its field. A misspelling offers its corrections and "Add to word
// list" on its own row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/context.hpp"
#include "model/spelling.hpp"

namespace haven::editor {

// Which state of which document a panel last computed from: it recomputes only when this changes.
struct DocumentStamp {
    const Document* document = nullptr;
    std::string file;
    std::uint64_t revision = 0;

    static DocumentStamp of(const EditorContext& context) {
        return {context.document, context.document->file(), context.document->revision()};
    }
    bool operator==(const DocumentStamp&) const = default;
};

// The node a validator path such as "nodes[3].choices[1].goto" is in.
std::optional<std::size_t> nodeOfPath(const std::string& path);

// Selects the node of `path` (centred on the map), asks the inspector (or the scenario panel,
// for the scenario's own fields) to focus the field, and brings that tab forward.
void jumpTo(EditorContext& context, const std::string& path);

class ProblemsPanel {
public:
    ProblemsPanel();
    ~ProblemsPanel();
    // The app starts a fresh panel for each document it opens: `problems_ = ProblemsPanel()`.
    ProblemsPanel(ProblemsPanel&&) noexcept;
    ProblemsPanel& operator=(ProblemsPanel&&) noexcept;

    // Draws inside the current window or child, filling the space left.
    void draw(EditorContext& context);
    // The counts for the panel's title: "2 errors · 1 warning · 3 spelling", or "No problems".
    std::string summary() const;

private:
    struct Row;
    void refresh(EditorContext& context);
    void drawRow(EditorContext& context, const Row& row);
    void drawSpellingActions(EditorContext& context, const Row& row);

    DocumentStamp seen_;
    std::vector<Row> rows_;
    std::size_t errors_ = 0, warnings_ = 0, misspellings_ = 0;
    std::unique_ptr<Spelling> spelling_;
    std::string spellingLanguage_;  // the language `spelling_` was made for
    bool stale_ = true;             // recompute even at the same revision (a word was added)
};

}  // namespace haven::editor
