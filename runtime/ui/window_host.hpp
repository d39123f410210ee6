// The window both apps run in: SDL2, an OpenGL 3.2 context and Dear ImGui, an event-driven loop
// (with nothing to do it sleeps in SDL_WaitEvent and draws a few frames after each event so
// popups and layout settle), fonts rebuilt at the text size and display scale, and screenshots
// of the app's own frame for automation. The app behind it is a HostedApp.
#pragma once

#include "core/settings.hpp"

#include <string>

namespace haven::ui {

class HostedApp {
public:
    virtual ~HostedApp() = default;
    virtual void drawFrame() = 0;  // one frame of the whole UI, inside ImGui::NewFrame/Render
    virtual bool quitRequested() const = 0;
    // The window's close button was pressed: true to quit now; false when the app first asks
    // (unsaved work) and will set quitRequested itself.
    virtual bool closeRequested() { return true; }
    virtual bool takeFontRebuild() = 0;  // text size or theme changed
    // Full screen asked for (or left) since the last call; an app without the setting never asks.
    virtual bool takeFullscreenChange(bool& fullscreen) {
        fullscreen = false;
        return false;
    }
    // The look: text size and theme (the machine's settings, with this run's overrides).
    virtual const Settings& settings() const = 0;
    // Milliseconds the loop may sleep waiting for an event before calling tick(); -1: forever.
    virtual int idleTimeoutMs() const { return -1; }
    virtual void tick() {}  // between frames, and when idleTimeoutMs has passed (autosave)
    // Automation: with --hold, printed once the frames have settled (tests wait for it).
    virtual void holding() {}
};

struct HostOptions {
    std::string program;         // "haven", for messages
    std::string title;           // the window's title
    int width = 1280, height = 800;
    std::string screenshotPath;  // write the settled frame here, then exit (unless hold)
    bool hold = false;           // keep running after the settled frame
    bool fullscreen = false;
};

// Exit statuses of runWindow besides the app's own 0 and 1.
inline constexpr int kNoWindow = -1;  // SDL or OpenGL could not open a window (message printed)

// Runs `app` in a window until it quits. The caller has called SDL_Init(SDL_INIT_VIDEO).
int runWindow(HostedApp& app, const HostOptions& options);

// "WxH" for --size: 320×240 to 8192×8192.
bool parseWindowSize(const std::string& text, int& width, int& height);

// Whether an X11 or Wayland display is named in the environment.
bool displayAvailable();

// Window title text, which the app may change while running (a dirty marker).
void setWindowTitle(const std::string& title);

}  // namespace haven::ui
