// haven: the player's entry point. Subcommands run headless; with none, the library opens.
#include "app/cli.hpp"
#include "app/player.hpp"

#include <exception>
#include <iostream>

namespace {

const char* kUsage = R"(usage: haven [COMMAND] [ARGS]

Practise victim-centred interviewing and trafficking identification in scripted scenarios.

commands:
  (none)                         open the player window (the library in the terminal without a display)
  [--scenario PATH] [--mode M] [--input FILE] [--continue] [--learner NAME] [--screenshot OUT.png]
                                 open a scenario in the window, feed inputs, save a screenshot; docs/player.md
  check PATH... [--json]         validate scenarios; exit 1 when any has errors
  fmt PATH... [--check]          rewrite scenario files canonically; --check lists those that are not
  play SCENARIO (--input FILE | --choices 2,1,3) [--mode practice|assessment] [--seed N] [--json]
                                 run a scripted play-through and print the debrief
  text SCENARIO [--mode practice|assessment] [--seed N]
                                 play interactively in the terminal (screen-reader friendly)
  report [--json] [--db PATH]    list learners and their attempts from the record store
  help                           this text

PATH and SCENARIO are scenario folders (or their scenario.json); check and fmt also take a
library folder and visit every scenario in it. See docs/cli.md.
)";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string command = args.empty() ? "" : args.front();
    haven::cli::Args rest = args.empty() ? args : haven::cli::Args(args.begin() + 1, args.end());
    try {
        // No command, or only the player's flags: the window (the terminal library without a display).
        if (command.empty() || (command.rfind("--", 0) == 0 && command != "--help"))
            return haven::app::runPlayer(args);
        if (command == "check") return haven::cli::check(rest);
        if (command == "fmt") return haven::cli::fmt(rest);
        if (command == "play") return haven::cli::play(rest);
        if (command == "text") return haven::cli::text(rest);
        if (command == "report") return haven::cli::report(rest);
        if (command == "help" || command == "--help" || command == "-h") {
            std::cout << kUsage;
            return 0;
        }
        std::cerr << "haven: unknown command '" << command << "'\n\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        // Every expected failure is reported where it happens; this is the last line of defence.
        std::cerr << "haven: " << e.what() << "\n";
        return 3;
    }
}
