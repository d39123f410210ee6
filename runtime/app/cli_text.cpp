// haven text: the whole scenario in a terminal — numbered choices, checklists, decisions and the
// debrief as plain lines, so it works with a screen reader and on a machine with no display.
#include "app/cli.hpp"

#include "core/session.hpp"

#include <cstdlib>
#include <iostream>
#include <random>
#include <sstream>

namespace haven::cli {
namespace {

// Wraps at word boundaries; a screen reader reads the words either way, a sighted user gets lines
// that do not break mid-word.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent = "") {
    std::string out, line;
    std::istringstream paragraphs(text);
    std::string paragraph;
    bool first = true;
    while (std::getline(paragraphs, paragraph)) {
        if (!first) out += "\n";
        first = false;
        std::istringstream words(paragraph);
        std::string word;
        line = indent;
        while (words >> word) {
            if (line.size() > indent.size() && line.size() + 1 + word.size() > width) {
                out += line + "\n";
                line = indent;
            }
            if (line.size() > indent.size()) line += ' ';
            line += word;
        }
        out += line;
    }
    return out;
}

std::size_t terminalWidth() {
    const char* columns = std::getenv("COLUMNS");
    int width = columns ? std::atoi(columns) : 0;
    return width >= 40 ? static_cast<std::size_t>(std::min(width, 120)) - 2 : 78;
}

// Numbers such as "1 3 4" or "1,3"; false when something else was typed.
bool parseNumbers(const std::string& line, std::size_t count, std::vector<std::size_t>& out) {
    std::string cleaned = line;
    for (char& c : cleaned)
        if (c == ',') c = ' ';
    std::istringstream in(cleaned);
    std::string token;
    while (in >> token) {
        if (token.find_first_not_of("0123456789") != std::string::npos || token.size() > 4) return false;
        std::size_t n = std::stoul(token);
        if (n < 1 || n > count) return false;
        out.push_back(n - 1);
    }
    return true;
}

class TextPlayer {
public:
    TextPlayer(Session& session, std::istream& in, std::ostream& out)
        : session_(session), in_(in), out_(out), width_(terminalWidth()) {}

    int run() {
        const Scenario& s = session_.scenario();
        out_ << "\n" << s.title << "\n" << std::string(s.title.size(), '=') << "\n";
        for (const auto& note : s.contentNotes) out_ << wrap("Content note: " + note, width_) << "\n";
        out_ << wrap(std::string("Mode: ") + toString(session_.mode()) +
                         (session_.mode() == Mode::Practice ? " (feedback after each choice; type u to take the last one back)"
                                                            : " (feedback in the debrief)") +
                         ". Type q to stop, h for help.",
                     width_)
             << "\n";
        while (!session_.finished()) {
            show();
            if (session_.stuck()) {
                out_ << "The scenario has no way on from here (a scenario error). Stopping.\n";
                return 1;
            }
            if (!ask()) {
                out_ << "\nStopped. Nothing of this attempt is kept in text mode.\n";
                return 0;
            }
        }
        show();
        out_ << "\n" << debriefText(session_.debrief(), session_.scenario());
        return 0;
    }

private:
    void show() {
        const Step& step = session_.step();
        for (const auto& warning : step.warnings) out_ << "(scenario problem: " << warning << ")\n";
        if (step.feedback && !step.feedback->text.empty()) {
            out_ << "\n" << wrap("Feedback: " + step.feedback->text, width_) << "\n";
            if (!step.feedback->reference.empty()) out_ << wrap("Principle: " + step.feedback->reference, width_) << "\n";
        }
        out_ << "\n";
        if (!step.speakerName.empty())
            out_ << step.speakerName << (step.mood.empty() ? "" : " (" + step.mood + ")") << ":\n";
        if (!step.text.empty()) out_ << wrap(step.text, width_) << "\n";
        if (!step.prompt.empty()) out_ << "\n" << wrap(step.prompt, width_) << "\n";
        switch (step.kind) {
            case NodeType::Scene:
                out_ << "\n";  // a gap between what is said and what you can do
                for (std::size_t i = 0; i < step.choices.size(); ++i)
                    out_ << wrap(std::to_string(i + 1) + ". " + step.choices[i].text, width_, "") << "\n";
                break;
            case NodeType::Checklist:
                out_ << "Tick what you observed: type the numbers (e.g. 1 3 4), or 0 for none.\n";
                for (std::size_t i = 0; i < step.items.size(); ++i)
                    out_ << wrap(std::to_string(i + 1) + ". " + step.items[i].text +
                                     (step.items[i].category.empty() ? "" : " [" + step.items[i].category + "]"),
                                 width_)
                         << "\n";
                break;
            case NodeType::Decision:
                out_ << (step.multiple ? "Choose all that apply (e.g. 1 3).\n" : "Choose one.\n");
                for (std::size_t i = 0; i < step.options.size(); ++i)
                    out_ << wrap(std::to_string(i + 1) + ". " + step.options[i].text, width_) << "\n";
                break;
            case NodeType::Ending:
                out_ << "\nOutcome: " << step.outcome << "\n";
                break;
        }
    }

    // Reads until a valid input is applied; false on quit or end of input.
    bool ask() {
        while (true) {
            out_ << "> " << std::flush;
            std::string line;
            if (!std::getline(in_, line)) return false;
            if (line == "q" || line == "quit") return false;
            if (line == "h" || line == "help") {
                out_ << "Type the number of your choice and press Enter. u: take back the last input "
                        "(practice mode). q: stop.\n";
                continue;
            }
            if (line == "u") {
                if (!session_.canUndo()) {
                    out_ << "Nothing to take back here.\n";
                    continue;
                }
                session_.undo();
                return true;
            }
            if (std::string problem = apply(line); !problem.empty()) {
                out_ << problem << "\n";
                continue;
            }
            return true;
        }
    }

    // Returns what was wrong with the line, empty when it was applied.
    std::string apply(const std::string& line) {
        const Step& step = session_.step();
        std::vector<std::size_t> picked;
        if (step.kind == NodeType::Checklist && (line == "0" || line == "none")) {
            session_.submitChecklist({});
            return {};
        }
        std::size_t count = step.kind == NodeType::Scene ? step.choices.size()
                            : step.kind == NodeType::Checklist ? step.items.size()
                                                               : step.options.size();
        if (!parseNumbers(line, count, picked) || picked.empty())
            return "Please type a number from 1 to " + std::to_string(count) + ".";
        try {
            if (step.kind == NodeType::Scene) {
                if (picked.size() != 1) return "Please type one number.";
                session_.choose(static_cast<int>(picked[0] + 1));
            } else {
                std::vector<std::string> ids;
                const auto& items = step.kind == NodeType::Checklist ? step.items : step.options;
                for (std::size_t i : picked) ids.push_back(items[i].id);
                if (step.kind == NodeType::Checklist) session_.submitChecklist(ids);
                else session_.decide(ids);
            }
        } catch (const InputError& e) {
            return e.what();
        }
        return {};
    }

    Session& session_;
    std::istream& in_;
    std::ostream& out_;
    std::size_t width_;
};

}  // namespace

int text(const Args& args) {
    std::string path;
    Mode mode = Mode::Practice;
    std::uint64_t seed = std::random_device{}();
    for (std::size_t i = 0; i < args.size(); ++i) {
        bool hasValue = i + 1 < args.size();
        if (args[i] == "--mode" && hasValue) {
            auto parsed = modeFromString(args[++i]);
            if (!parsed) {
                std::cerr << "haven text: --mode is practice or assessment\n";
                return 2;
            }
            mode = *parsed;
        } else if (args[i] == "--seed" && hasValue) {
            if (!parseSeed(args[++i], seed)) {
                std::cerr << "haven text: --seed takes a whole number\n";
                return 2;
            }
        } else if (path.empty() && args[i].rfind("--", 0) != 0) {
            path = args[i];
        } else {
            std::cerr << "usage: haven text SCENARIO [--mode practice|assessment] [--seed N]\n";
            return 2;
        }
    }
    if (path.empty()) {
        std::cerr << "usage: haven text SCENARIO [--mode practice|assessment] [--seed N]\n";
        return 2;
    }
    auto scenario = loadForPlay(path, std::cerr);
    if (!scenario) return 1;
    Session session(*scenario, mode, seed);
    return TextPlayer(session, std::cin, std::cout).run();
}

}  // namespace haven::cli
