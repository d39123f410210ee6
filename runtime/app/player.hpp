// `haven` with no command: the windowed player (SDL2 + OpenGL 3 + Dear ImGui).
#pragma once

#include "app/cli.hpp"

namespace haven::app {

// Parses the automation flags (docs/player.md) and runs the window. When no display is
// available it falls back to the terminal library (cli::library) with a one-line note.
int runPlayer(const cli::Args& args);

}  // namespace haven::app
