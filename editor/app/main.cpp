// haven-editor: the authoring app for trainers. `haven-editor [PATH] [--screenshot OUT.png]`.
#include "app/editor_app.hpp"
#include "app/editor_options.hpp"
#include "ui/window_host.hpp"

#include <SDL.h>

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    using namespace haven::editor;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && (args.front() == "--help" || args.front() == "-h" || args.front() == "help")) {
        std::cout << kEditorUsage << "See docs/editor.md.\n";
        return 0;
    }
    EditorOptions options;
    std::string error;
    if (!parseEditorOptions(args, options, error)) {
        std::cerr << "haven-editor: " << error << "\n" << kEditorUsage;
        return 2;
    }
    try {
        if (!haven::ui::displayAvailable() || SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
            std::cerr << "haven-editor: no display available; the editor needs a window. "
                         "Check scenarios without one with `haven check PATH`.\n";
            return 1;
        }
        EditorApp app(options);
        if (!app.start(error)) {
            std::cerr << "haven-editor: " << error << "\n";
            SDL_Quit();
            return 1;
        }
        haven::ui::HostOptions host;
        host.program = "haven-editor";
        host.title = app.windowTitle();
        host.width = options.width;
        host.height = options.height;
        host.screenshotPath = options.screenshotPath;
        host.hold = options.hold;
        int status = haven::ui::runWindow(app, host);
        if (!options.screenshotPath.empty() && !options.hold) app.discardAutomatedEdits();
        SDL_Quit();
        return status == haven::ui::kNoWindow ? 1 : status;
    } catch (const std::exception& e) {
        // Every expected failure is reported where it happens; this is the last line of defence.
        std::cerr << "haven-editor: " << e.what() << "\n";
        return 3;
    }
}
