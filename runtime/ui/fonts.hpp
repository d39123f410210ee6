// Noto Sans from Debian's fonts-noto-core, baked at the current size so text stays crisp: the
// atlas is rebuilt whenever the text size or the display scale changes.
#pragma once

#include <imgui.h>

#include <string>

namespace haven::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;  // section headings
    ImFont* title = nullptr;    // one per screen
    bool noto = false;          // false: ImGui's built-in font (Noto Sans was not found)
    std::string warning;        // why not, for the log and a note on screen
};

inline constexpr const char* kNotoRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
inline constexpr const char* kNotoBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

// Clears io.Fonts and adds the fonts for a body size of `bodyPixels`. The caller uploads the
// atlas (the renderer backend's font texture) afterwards.
Fonts buildFonts(float bodyPixels);
const Fonts& fonts();  // the last built

}  // namespace haven::ui
