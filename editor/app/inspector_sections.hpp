// The inspector's sections, one per kind of node, shared between its files.
#pragma once

#include "app/context.hpp"

#include <cstddef>
#include <string>

namespace haven::editor::inspector {

// The validator's path of node `node`: "nodes[3]".
std::string nodePath(std::size_t node);

void drawChoices(EditorContext& context, std::size_t node);    // scene
void drawOptions(EditorContext& context, std::size_t node);    // decision
void drawChecklist(EditorContext& context, std::size_t node);  // checklist
void drawDecision(EditorContext& context, std::size_t node);   // decision: prompt, multiple, fallback
void drawEnding(EditorContext& context, std::size_t node);     // ending

}  // namespace haven::editor::inspector
