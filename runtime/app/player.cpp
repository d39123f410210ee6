// The window and its loop. Index: flags · display scale and fonts · the event-driven loop ·
// screenshots. Rendering is event-driven: with nothing to do the loop sleeps in SDL_WaitEvent
// and draws a few frames after each event so popups and layout settle.
#include "app/player.hpp"

#include "app/app.hpp"
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
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace haven::app {
namespace {

const char* kPlayerUsage =
    "usage: haven [--scenario PATH] [--mode practice|assessment] [--input FILE] [--continue]\n"
    "             [--learner NAME] [--screenshot OUT.png] [--size WxH] [--theme light|dark|high-contrast]\n"
    "             [--text-size PERCENT] [--show learner|library|pause|settings|break] [--seed N] [--hold]\n";

// ------------------------------------------------------------------------------------- flags

bool parseOptions(const cli::Args& args, Options& options) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string text;
        if (flag == "--scenario") {
            if (!value(options.scenarioPath)) return false;
        } else if (flag == "--mode") {
            if (!value(text) || !(options.mode = modeFromString(text))) return false;
        } else if (flag == "--input") {
            if (!value(options.inputFile)) return false;
        } else if (flag == "--continue") {
            options.continueAttempt = true;
        } else if (flag == "--learner") {
            if (!value(options.learnerName)) return false;
        } else if (flag == "--screenshot") {
            if (!value(options.screenshotPath)) return false;
        } else if (flag == "--hold") {
            options.hold = true;
        } else if (flag == "--show") {
            if (!value(options.show)) return false;
        } else if (flag == "--theme") {
            if (!value(text)) return false;
            if (text == "light") options.theme = Theme::Light;
            else if (text == "dark") options.theme = Theme::Dark;
            else if (text == "high-contrast") options.theme = Theme::HighContrast;
            else return false;
        } else if (flag == "--text-size") {
            if (!value(text) || text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
                text.size() > 3)
                return false;
            options.textScale = std::stoi(text);
        } else if (flag == "--seed") {
            std::uint64_t seed = 0;
            if (!value(text) || !cli::parseSeed(text, seed)) return false;
            options.seed = seed;
        } else if (flag == "--size") {
            if (!value(text)) return false;
            int w = 0, h = 0;
            char x = 0;
            if (std::sscanf(text.c_str(), "%d%c%d", &w, &x, &h) != 3 || x != 'x' || w < 320 || h < 240 || w > 8192 ||
                h > 8192)
                return false;
            options.width = w;
            options.height = h;
        } else {
            return false;
        }
    }
    if ((options.continueAttempt || !options.inputFile.empty() || options.mode) && options.scenarioPath.empty())
        return false;
    return true;
}

bool displayAvailable() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

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

void rebuildFonts(const App& app, float dpiScale, SDL_Window* window) {
    const float scale = app.textScale() * dpiScale;
    const float pixels = framebufferScale(window);
    ui::Fonts built = ui::buildFonts(std::round(17.0f * scale * pixels));
    ImGui::GetIO().FontGlobalScale = 1.0f / pixels;
    static bool warned = false;
    if (!built.noto && !warned) {
        std::cerr << "haven: warning: " << built.warning << "\n";
        warned = true;
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::applyTheme(app.theme(), scale);
}

// ------------------------------------------------------------------------------ screenshots

bool saveScreenshot(SDL_Window* window, const std::string& path) {
    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(window, &width, &height);
    ui::Image image = ui::readFramebuffer(width, height);
    std::string error;
    if (!ui::writePng(path, image, error)) {
        std::cerr << "haven: " << error << "\n";
        return false;
    }
    return true;
}

}  // namespace

// ------------------------------------------------------------------------ the event-driven loop

int runPlayer(const cli::Args& args) {
    Options options;
    if (!parseOptions(args, options)) {
        std::cerr << kPlayerUsage;
        return 2;
    }
    const bool automated = !options.screenshotPath.empty() || options.hold;
    if (!displayAvailable() || SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        if (automated || !options.scenarioPath.empty()) {
            std::cerr << "haven: no display available (" << SDL_GetError() << "); the window cannot open\n";
            return 1;
        }
        std::cerr << "(no display: opening the library in the terminal)\n";
        return cli::library({});
    }

    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");

    App app(options);
    std::string error;
    // Records, settings and automation inputs come first: a bad --input fails before a window opens.
    if (!app.start(error)) {
        std::cerr << "haven: " << error << "\n";
        SDL_Quit();
        return 1;
    }
    bool fullscreen = false;
    app.takeFullscreenChange(fullscreen);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (fullscreen && !automated) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window* window = SDL_CreateWindow("Haven", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                                          options.height, flags);
    SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!window || !gl) {
        std::cerr << "haven: cannot open an OpenGL 3.2 window: " << SDL_GetError() << "\n";
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
        if (automated) return 1;
        std::cerr << "(opening the library in the terminal instead)\n";
        return cli::library({});
    }
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
    rebuildFonts(app, dpiScale, window);
    app.takeFontRebuild();

    int framesToDraw = automated ? 6 : 3;  // automation: enough for cards and scrolling to settle
    bool running = true;
    bool held = false;
    int status = 0;
    while (running) {
        SDL_Event event;
        if (framesToDraw <= 0) {
            if (!SDL_WaitEvent(&event)) break;
            ImGui_ImplSDL2_ProcessEvent(&event);
            if (event.type == SDL_QUIT) running = false;
            framesToDraw = 3;
        }
        while (SDL_PollEvent(&event)) {
            ImGui_ImplSDL2_ProcessEvent(&event);
            if (event.type == SDL_QUIT) running = false;
            if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_DISPLAY_CHANGED) {
                dpiScale = displayScale(window);
                rebuildFonts(app, dpiScale, window);
            }
            framesToDraw = std::max(framesToDraw, 3);
        }
        if (app.takeFontRebuild()) rebuildFonts(app, dpiScale, window);
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
            if (!options.screenshotPath.empty() && !saveScreenshot(window, options.screenshotPath)) status = 1;
            if (!options.hold) running = false;
            else {
                // Tests wait for this line, then may kill the process: everything so far is saved.
                std::cout << "haven: holding (pid " << getpid() << ")" << std::endl;
                held = true;
            }
        }
        SDL_GL_SwapWindow(window);
        if (app.takeFontRebuild()) {
            rebuildFonts(app, dpiScale, window);
            framesToDraw = std::max(framesToDraw, 2);
        }
        if (app.quitRequested()) running = false;
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return status;
}

}  // namespace haven::app
