// haven play: a scripted play-through from an input file or a choice list, then the debrief.
#include "app/cli.hpp"

#include "core/input.hpp"
#include "core/session.hpp"

#include <iostream>

namespace haven::cli {
namespace {

struct PlayOptions {
    std::string scenario;
    std::string inputFile;
    std::string choices;
    Mode mode = Mode::Assessment;
    std::uint64_t seed = 1;
    bool json = false;
};

const char* kPlayUsage =
    "usage: haven play SCENARIO (--input FILE | --choices 2,1,3) [--mode practice|assessment] [--seed N] [--json]\n";

// Returns an error message, empty when the options are good.
std::string parse(const Args& args, PlayOptions& o) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        bool hasValue = i + 1 < args.size();
        if (arg == "--json") o.json = true;
        else if (arg == "--input" && hasValue) o.inputFile = args[++i];
        else if (arg == "--choices" && hasValue) o.choices = args[++i];
        else if (arg == "--mode" && hasValue) {
            auto mode = modeFromString(args[++i]);
            if (!mode) return "--mode is practice or assessment, not '" + args[i] + "'";
            o.mode = *mode;
        } else if (arg == "--seed" && hasValue) {
            if (!parseSeed(args[++i], o.seed)) return "--seed takes a whole number, not '" + args[i] + "'";
        } else if (arg.rfind("--", 0) == 0) {
            return "unknown option or missing value: " + arg;
        } else if (o.scenario.empty()) {
            o.scenario = arg;
        } else {
            return "more than one scenario given ('" + o.scenario + "', '" + arg + "')";
        }
    }
    if (o.scenario.empty()) return "no scenario given";
    if (o.inputFile.empty() == o.choices.empty()) return "give exactly one of --input FILE or --choices LIST";
    return {};
}

}  // namespace

int play(const Args& args) {
    PlayOptions options;
    if (std::string error = parse(args, options); !error.empty()) {
        std::cerr << "haven play: " << error << "\n" << kPlayUsage;
        return 2;
    }
    std::vector<Input> inputs;
    if (!options.inputFile.empty()) {
        Diagnostics diagnostics;
        if (!loadInputFile(options.inputFile, inputs, diagnostics)) {
            printDiagnostics(diagnostics, std::cerr);
            return 1;
        }
    } else if (std::string error; !parseChoiceList(options.choices, inputs, error)) {
        std::cerr << "haven play: " << error << "\n";
        return 2;
    }
    auto scenario = loadForPlay(options.scenario, std::cerr);
    if (!scenario) return 1;

    Session session(*scenario, options.mode, options.seed);
    auto printWarnings = [&] {
        for (const auto& warning : session.step().warnings) std::cerr << "warning: " << warning << "\n";
    };
    printWarnings();
    int status = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        try {
            session.apply(inputs[i]);
        } catch (const InputError& e) {
            std::string source = options.inputFile.empty() ? "--choices" : options.inputFile;
            std::cerr << source << ": input " << i + 1 << " of " << inputs.size() << ": " << e.what() << "\n";
            status = 1;
            break;
        }
        printWarnings();
    }
    Debrief debrief = session.debrief();
    std::cout << (options.json ? debriefJson(debrief) : debriefText(debrief, *scenario));
    return status;
}

}  // namespace haven::cli
