#include "ui/theme.hpp"

namespace haven::ui {
namespace {

Palette current;
float currentScale = 1.0f;

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

// The few colours each theme is built from; every ImGui colour derives from them.
struct Base {
    unsigned background, panel, text, muted, accent, accentText, button, hovered, pressed, border, good, warn, bad,
        notice;
};

constexpr Base kLight{0xF5F3EE, 0xFFFFFF, 0x1F2328, 0x56606B, 0x2C6A88, 0xFFFFFF, 0xE3E9EC,
                      0xD3E1E8, 0xBFD4DE, 0xD8D4CB, 0x1A7F37, 0x8A5A00, 0xB42318, 0xFFF6DB};
constexpr Base kDark{0x1A1E23, 0x242A31, 0xE6E8EB, 0xA3ADB8, 0x78BCDB, 0x10161B, 0x2E3843,
                     0x3A4956, 0x465A6A, 0x3A434D, 0x5AC98F, 0xE3B341, 0xF47067, 0x3A3320};
constexpr Base kHighContrast{0x000000, 0x000000, 0xFFFFFF, 0xFFFFFF, 0xFFD400, 0x000000, 0x000000,
                             0x1F3A66, 0x2E5AA0, 0xFFFFFF, 0x7CFF7C, 0xFFD400, 0xFF8A8A, 0x000000};

}  // namespace

void applyTheme(Theme theme, float scale) {
    const Base& b = theme == Theme::Dark ? kDark : theme == Theme::HighContrast ? kHighContrast : kLight;
    const bool contrast = theme == Theme::HighContrast;

    ImGuiStyle style;
    style.WindowPadding = ImVec2(28, 20);
    style.FramePadding = ImVec2(14, 9);
    style.ItemSpacing = ImVec2(12, 10);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.CellPadding = ImVec2(8, 6);
    style.IndentSpacing = 24;
    style.ScrollbarSize = 16;
    style.GrabMinSize = 14;
    style.WindowRounding = 0;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.PopupRounding = 8;
    style.GrabRounding = 6;
    style.ScrollbarRounding = 8;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = contrast ? 2.0f : 1.0f;
    style.FrameBorderSize = contrast ? 2.0f : 1.0f;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgb(b.text);
    c[ImGuiCol_TextDisabled] = rgb(b.muted);
    c[ImGuiCol_WindowBg] = rgb(b.background);
    c[ImGuiCol_ChildBg] = rgb(b.panel, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(b.panel);
    c[ImGuiCol_Border] = rgb(b.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = rgb(b.panel);
    c[ImGuiCol_FrameBgHovered] = rgb(b.hovered);
    c[ImGuiCol_FrameBgActive] = rgb(b.pressed);
    c[ImGuiCol_TitleBg] = rgb(b.panel);
    c[ImGuiCol_TitleBgActive] = rgb(b.panel);
    c[ImGuiCol_TitleBgCollapsed] = rgb(b.panel);
    c[ImGuiCol_MenuBarBg] = rgb(b.panel);
    c[ImGuiCol_ScrollbarBg] = rgb(b.background, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = rgb(b.border);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(b.muted);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(b.accent);
    c[ImGuiCol_CheckMark] = rgb(b.accent);
    c[ImGuiCol_SliderGrab] = rgb(b.accent);
    c[ImGuiCol_SliderGrabActive] = rgb(b.accent);
    c[ImGuiCol_Button] = rgb(b.button);
    c[ImGuiCol_ButtonHovered] = rgb(b.hovered);
    c[ImGuiCol_ButtonActive] = rgb(b.pressed);
    c[ImGuiCol_Header] = rgb(b.button);
    c[ImGuiCol_HeaderHovered] = rgb(b.hovered);
    c[ImGuiCol_HeaderActive] = rgb(b.pressed);
    c[ImGuiCol_Separator] = rgb(b.border);
    c[ImGuiCol_SeparatorHovered] = rgb(b.accent);
    c[ImGuiCol_SeparatorActive] = rgb(b.accent);
    c[ImGuiCol_ResizeGrip] = rgb(b.border, 0.0f);
    c[ImGuiCol_ResizeGripHovered] = rgb(b.accent);
    c[ImGuiCol_ResizeGripActive] = rgb(b.accent);
    c[ImGuiCol_Tab] = rgb(b.button);
    c[ImGuiCol_TabHovered] = rgb(b.hovered);
    c[ImGuiCol_TabActive] = rgb(b.pressed);
    c[ImGuiCol_TabUnfocused] = rgb(b.button);
    c[ImGuiCol_TabUnfocusedActive] = rgb(b.pressed);
    c[ImGuiCol_PlotHistogram] = rgb(b.accent);
    c[ImGuiCol_PlotHistogramHovered] = rgb(b.accent);
    c[ImGuiCol_TableHeaderBg] = rgb(b.button);
    c[ImGuiCol_TableBorderStrong] = rgb(b.border);
    c[ImGuiCol_TableBorderLight] = rgb(b.border);
    c[ImGuiCol_TextSelectedBg] = rgb(b.accent, 0.35f);
    // The keyboard focus ring: thick and in the accent colour so it is never missed.
    c[ImGuiCol_NavHighlight] = rgb(b.accent);
    c[ImGuiCol_NavWindowingHighlight] = rgb(b.accent);
    c[ImGuiCol_NavWindowingDimBg] = rgb(0x000000, 0.35f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, contrast ? 0.75f : 0.45f);
    ImGui::GetStyle() = style;

    current.text = rgb(b.text);
    current.muted = rgb(b.muted);
    current.accent = rgb(b.accent);
    current.accentText = rgb(b.accentText);
    current.good = rgb(b.good);
    current.warn = rgb(b.warn);
    current.bad = rgb(b.bad);
    current.card = rgb(b.panel);
    current.cardBorder = rgb(b.border);
    current.barTrack = rgb(b.button);
    current.barFill = rgb(b.accent);
    current.notice = rgb(b.notice);
    currentScale = scale;
}

const Palette& palette() {
    return current;
}

float uiScale() {
    return currentScale;
}

}  // namespace haven::ui
