// The player's flags and its start: records and automation first, then the shared window
// (ui/window_host.hpp), or the terminal library when no window can open.
#include "app/player.hpp"

#include "app/app.hpp"
#include "ui/window_host.hpp"

#include <SDL.h>

#include <iostream>

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
            if (!value(text) || !(options.theme = themeFromString(text))) return false;
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
            if (!value(text) || !ui::parseWindowSize(text, options.width, options.height)) return false;
        } else {
            return false;
        }
    }
    if ((options.continueAttempt || !options.inputFile.empty() || options.mode) && options.scenarioPath.empty())
        return false;
    return true;
}

}  // namespace

int runPlayer(const cli::Args& args) {
    Options options;
    if (!parseOptions(args, options)) {
        std::cerr << kPlayerUsage;
        return 2;
    }
    const bool automated = !options.screenshotPath.empty() || options.hold;
    if (!ui::displayAvailable() || SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        if (automated || !options.scenarioPath.empty()) {
            std::cerr << "haven: no display available (" << SDL_GetError() << "); the window cannot open\n";
            return 1;
        }
        std::cerr << "(no display: opening the library in the terminal)\n";
        return cli::library({});
    }

    App app(options);
    std::string error;
    // Records, settings and automation inputs come first: a bad --input fails before a window opens.
    if (!app.start(error)) {
        std::cerr << "haven: " << error << "\n";
        SDL_Quit();
        return 1;
    }
    ui::HostOptions host;
    host.program = "haven";
    host.title = "Haven";
    host.width = options.width;
    host.height = options.height;
    host.screenshotPath = options.screenshotPath;
    host.hold = options.hold;
    app.takeFullscreenChange(host.fullscreen);
    int status = ui::runWindow(app, host);
    SDL_Quit();
    if (status != ui::kNoWindow) return status;
    if (automated) return 1;
    std::cerr << "(opening the library in the terminal instead)\n";
    return cli::library({});
}

}  // namespace haven::app
