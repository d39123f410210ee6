#include "ui/fonts.hpp"

#include <algorithm>
#include <filesystem>

namespace haven::ui {
namespace {

Fonts current;

// Latin with accents, general punctuation (dashes, quotes, bullets), arrows.
const ImWchar kRanges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0x20AC, 0x20AC, 0x2190, 0x21FF, 0x2212, 0x2212, 0};

ImFont* addNoto(const char* path, float pixels) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path, pixels, &config, kRanges);
}

ImFont* addDefault(float pixels) {
    ImFontConfig config;
    config.SizePixels = pixels;
    return ImGui::GetIO().Fonts->AddFontDefault(&config);
}

}  // namespace

Fonts buildFonts(float bodyPixels) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    Fonts result;
    std::error_code ec;
    if (std::filesystem::is_regular_file(kNotoRegular, ec) && std::filesystem::is_regular_file(kNotoBold, ec)) {
        result.body = addNoto(kNotoRegular, bodyPixels);
        result.bold = addNoto(kNotoBold, bodyPixels);
        result.heading = addNoto(kNotoBold, bodyPixels * 1.25f);
        result.title = addNoto(kNotoBold, bodyPixels * 1.6f);
        result.noto = result.body && result.bold && result.heading && result.title;
    }
    if (!result.noto) {
        atlas->Clear();
        result.warning = std::string("Noto Sans was not found at ") + kNotoRegular +
                         "; using ImGui's built-in font. Install the Debian package fonts-noto-core.";
        // The built-in bitmap font is only sharp at whole multiples of 13 px.
        float pixels = 13.0f * std::max(1.0f, static_cast<float>(static_cast<int>(bodyPixels / 13.0f + 0.5f)));
        result.body = addDefault(pixels);
        result.bold = result.body;
        result.heading = result.body;
        result.title = result.body;
    }
    atlas->Build();
    current = result;
    return result;
}

const Fonts& fonts() {
    return current;
}

}  // namespace haven::ui
