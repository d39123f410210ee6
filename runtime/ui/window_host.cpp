// Index: display scale and fonts · screenshots · the event-driven loop.
#include "ui/window_host.hpp"

#include "ui/fonts.hpp"
#include "ui/image.hpp"
#include "ui/texture_cache.hpp"
#include "ui/theme.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace haven::ui {
namespace {

SDL_Window* currentWindow = nullptr;

// ------------------------------------------------------------------ display scale and fonts

// HiDPI: the display's DPI against the usual 96, within sane bounds (some X servers report
// nonsense). HAVEN_UI_SCALE overrides it.
float displayScale(SDL_Window* window) {
    if (const char* env = std::getenv("HAVEN_UI_SCALE"); env && *env) {
        float value = std::strtof(env, nullptr);
        if (value >= 0.5f && value <= 4.0f) return value;
    }
    float ddpi = 0;
    if (SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(window), &ddpi, nullptr, nullptr) != 0 || ddpi <= 0) return 1.0f;
    float scale = ddpi / 96.0f;
    if (scale < 1.15f) return 1.0f;
    return std::clamp(scale, 1.0f, 3.0f);
}

// Where the drawable has more pixels than the window (Wayland or macOS scaling), glyphs are
// rasterised at the drawable's resolution and drawn at window size, so text stays crisp.
float framebufferScale(SDL_Window* window) {
    int windowWidth = 0, drawableWidth = 0, height = 0;
    SDL_GetWindowSize(window, &windowWidth, &height);
    SDL_GL_GetDrawableSize(window, &drawableWidth, &height);
    return windowWidth > 0 && drawableWidth > windowWidth ? float(drawableWidth) / float(windowWidth) : 1.0f;
}

void rebuildFonts(const HostedApp& app, const std::string& program, float dpiScale, SDL_Window* window) {
    const float scale = static_cast<float>(app.settings().textScalePercent) / 100.0f * dpiScale;
    const float pixels = framebufferScale(window);
    Fonts built = buildFonts(std::round(17.0f * scale * pixels));
    ImGui::GetIO().FontGlobalScale = 1.0f / pixels;
    static bool warned = false;
    if (!built.noto && !warned) {
        std::cerr << program << ": warning: " << built.warning << "\n";
        warned = true;
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    applyTheme(app.settings().theme, scale);
}

// ------------------------------------------------------------------------------ screenshots

bool saveScreenshot(SDL_Window* window, const std::string& program, const std::string& path) {
    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(window, &width, &height);
    Image image = readFramebuffer(width, height);
    std::string error;
    if (!writePng(path, image, error)) {
        std::cerr << program << ": " << error << "\n";
        return false;
    }
    return true;
}

// Waits for the next event, or until the app's idle timeout passes. False when nothing came.
bool waitForEvent(const HostedApp& app, SDL_Event& event) {
    const int timeout = app.idleTimeoutMs();
    return timeout < 0 ? SDL_WaitEvent(&event) == 1 : SDL_WaitEventTimeout(&event, timeout) == 1;
}

}  // namespace

bool parseWindowSize(const std::string& text, int& width, int& height) {
    int w = 0, h = 0;
    char x = 0;
    if (std::sscanf(text.c_str(), "%d%c%d", &w, &x, &h) != 3 || x != 'x' || w < 320 || h < 240 || w > 8192 || h > 8192)
        return false;
    width = w;
    height = h;
    return true;
}

bool displayAvailable() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

void setWindowTitle(const std::string& title) {
    if (currentWindow) SDL_SetWindowTitle(currentWindow, title.c_str());
}

// ------------------------------------------------------------------------ the event-driven loop

int runWindow(HostedApp& app, const HostOptions& options) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");

    const bool automated = !options.screenshotPath.empty() || options.hold;
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (options.fullscreen && !automated) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window* window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          options.width, options.height, flags);
    SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!window || !gl) {
        std::cerr << options.program << ": cannot open an OpenGL 3.2 window: " << SDL_GetError() << "\n";
        if (window) SDL_DestroyWindow(window);
        return kNoWindow;
    }
    currentWindow = window;
    SDL_SetWindowMinimumSize(window, 640, 480);
    SDL_GL_MakeCurrent(window, gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not a file's
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle window drawing
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 150");

    float dpiScale = displayScale(window);
    rebuildFonts(app, options.program, dpiScale, window);
    app.takeFontRebuild();

    int framesToDraw = automated ? 6 : 3;  // automation: enough for layout and scrolling to settle
    bool running = true;
    bool held = false;
    int status = 0;
    auto handle = [&](const SDL_Event& event) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT && app.closeRequested()) running = false;
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_DISPLAY_CHANGED) {
            dpiScale = displayScale(window);
            rebuildFonts(app, options.program, dpiScale, window);
        }
        framesToDraw = std::max(framesToDraw, 3);
    };
    while (running) {
        SDL_Event event;
        if (framesToDraw <= 0) {
            if (waitForEvent(app, event)) handle(event);
            app.tick();
            if (framesToDraw <= 0 && !app.quitRequested()) continue;  // a quiet timeout: nothing to draw
        }
        while (SDL_PollEvent(&event)) handle(event);
        if (app.takeFontRebuild()) rebuildFonts(app, options.program, dpiScale, window);
        bool wantFullscreen = false;
        if (app.takeFullscreenChange(wantFullscreen))
            SDL_SetWindowFullscreen(window, wantFullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        app.drawFrame();
        ImGui::Render();
        int width = 0, height = 0;
        SDL_GL_GetDrawableSize(window, &width, &height);
        glViewport(0, 0, width, height);
        const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(clear.x, clear.y, clear.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        --framesToDraw;
        if (automated && framesToDraw == 0 && !held) {
            if (!options.screenshotPath.empty() && !saveScreenshot(window, options.program, options.screenshotPath))
                status = 1;
            if (!options.hold) running = false;
            else {
                app.holding();
                held = true;
            }
        }
        SDL_GL_SwapWindow(window);
        if (app.takeFontRebuild()) {
            rebuildFonts(app, options.program, dpiScale, window);
            framesToDraw = std::max(framesToDraw, 2);
        }
        app.tick();
        if (app.quitRequested()) running = false;
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    currentWindow = nullptr;
    return status;
}

}  // namespace haven::ui
