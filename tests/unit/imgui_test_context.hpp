// An ImGui context with no window and no renderer, for testing what widgets and panels do: feed
// the mouse and keyboard through ImGuiIO, draw a frame, check what they asked for or changed.
#pragma once

#include "ui/theme.hpp"

#include <imgui.h>

#include <functional>

namespace haven::test {

// One context per test, with the built-in font and a display of the given size.
struct ImGuiTestContext {
    explicit ImGuiTestContext(ImVec2 display = ImVec2(1024, 600)) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        for (int key = 0; key < ImGuiKey_COUNT; ++key) io.KeyMap[key] = key;  // what a backend would do
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->AddFontDefault();
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        ui::applyTheme(Theme::Light, 1.0f);
    }
    ~ImGuiTestContext() { ImGui::DestroyContext(); }
    ImGuiTestContext(const ImGuiTestContext&) = delete;
    ImGuiTestContext& operator=(const ImGuiTestContext&) = delete;

    // Runs one frame of `draw` as it is (an app drawing its own windows).
    void rawFrame(const std::function<void()>& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
    // Runs one frame with `draw` inside a full-screen window.
    void frame(const std::function<void()>& draw) {
        rawFrame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration);
            draw();
            ImGui::End();
        });
    }
};

}  // namespace haven::test
