#include "app/editor_options.hpp"

#include "ui/window_host.hpp"

#include <algorithm>
#include <sstream>

namespace haven::editor {

const char* kEditorUsage =
    "usage: haven-editor [PATH | --new] [--screenshot OUT.png] [--size WxH] [--theme light|dark|high-contrast]\n"
    "                    [--text-size PERCENT] [--select ID[,ID...]] [--tab inspector|scenario|find]\n"
    "                    [--focus JSON-PATH] [--set FIELD=VALUE]... [--arrange] [--find TEXT [--replace TEXT]]\n"
    "                    [--playtest [NODE]] [--choices 1,2,... | --input FILE] [--recovery restore|discard]\n"
    "                    [--dialog open|save-as] [--save | --save-as FOLDER] [--hold]\n";

namespace {

std::vector<std::string> splitCommas(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, ',');)
        if (!part.empty()) parts.push_back(part);
    return parts;
}

}  // namespace

bool parseEditorOptions(const std::vector<std::string>& args, EditorOptions& options, std::string& error) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) {
                error = flag + " needs a value";
                return false;
            }
            out = args[++i];
            return true;
        };
        std::string text;
        if (flag == "--new") {
            options.newFromTemplate = true;
        } else if (flag == "--screenshot") {
            if (!value(options.screenshotPath)) return false;
        } else if (flag == "--hold") {
            options.hold = true;
        } else if (flag == "--size") {
            if (!value(text)) return false;
            if (!ui::parseWindowSize(text, options.width, options.height)) {
                error = "--size wants WxH, from 320x240 to 8192x8192";
                return false;
            }
        } else if (flag == "--theme") {
            if (!value(text)) return false;
            if (!(options.theme = themeFromString(text))) {
                error = "--theme wants light, dark or high-contrast";
                return false;
            }
        } else if (flag == "--text-size") {
            if (!value(text)) return false;
            if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) {
                error = "--text-size wants a percentage, 100 to 200";
                return false;
            }
            options.textScale = std::clamp(std::stoi(text), 100, 200);
        } else if (flag == "--select") {
            if (!value(text)) return false;
            options.select = splitCommas(text);
        } else if (flag == "--tab") {
            if (!value(options.tab)) return false;
            if (options.tab != "inspector" && options.tab != "scenario" && options.tab != "find") {
                error = "--tab wants inspector, scenario or find";
                return false;
            }
        } else if (flag == "--focus") {
            if (!value(options.focus)) return false;
        } else if (flag == "--set") {
            if (!value(text)) return false;
            auto equals = text.find('=');
            if (equals == std::string::npos || equals == 0) {
                error = "--set wants FIELD=VALUE";
                return false;
            }
            options.sets.emplace_back(text.substr(0, equals), text.substr(equals + 1));
        } else if (flag == "--arrange") {
            options.arrange = true;
        } else if (flag == "--playtest") {
            // The node is optional: the next argument is it unless it is another flag.
            options.playtest = (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) ? args[++i] : "";
        } else if (flag == "--choices") {
            if (!value(options.choices)) return false;
        } else if (flag == "--input") {
            if (!value(options.inputFile)) return false;
        } else if (flag == "--find") {
            if (!value(text)) return false;
            options.find = text;
        } else if (flag == "--replace") {
            if (!value(text)) return false;
            options.replace = text;
        } else if (flag == "--recovery") {
            if (!value(options.recovery)) return false;
            if (options.recovery != "restore" && options.recovery != "discard") {
                error = "--recovery wants restore or discard";
                return false;
            }
        } else if (flag == "--dialog") {
            if (!value(options.dialog)) return false;
            if (options.dialog != "open" && options.dialog != "save-as") {
                error = "--dialog wants open or save-as";
                return false;
            }
        } else if (flag == "--save") {
            options.save = true;
        } else if (flag == "--save-as") {
            if (!value(options.saveAs)) return false;
        } else if (flag.rfind("--", 0) == 0) {
            error = "unknown flag " + flag;
            return false;
        } else if (options.path.empty()) {
            options.path = flag;
        } else {
            error = "one scenario at a time: " + options.path + " and " + flag;
            return false;
        }
    }
    if (options.newFromTemplate && !options.path.empty()) {
        error = "--new and a PATH cannot go together";
        return false;
    }
    if ((!options.choices.empty() || !options.inputFile.empty()) && !options.playtest) {
        error = "--choices and --input need --playtest";
        return false;
    }
    if (options.save && !options.saveAs.empty()) {
        error = "--save and --save-as cannot go together";
        return false;
    }
    if (options.replace && !options.find) {
        error = "--replace needs --find";
        return false;
    }
    return true;
}

}  // namespace haven::editor
