// What File ▸ New starts from: the smallest scenario that already passes `haven check` and shows
// an author every part of the format they will need first.
#pragma once

#include "core/scenario.hpp"

namespace haven::editor {

// One competency (rapport), the ILO's 11 forced-labour indicators with the ids of
// docs/content-guide.md, a start scene with two choices and two endings, already placed on the map.
// Not saved anywhere yet: `folder` and `file` are empty.
Scenario newFromTemplate();

}  // namespace haven::editor
