#include "core/input.hpp"

#include "core/json_text.hpp"

#include <rapidjson/writer.h>

namespace haven {

Input Input::choose(int oneBasedIndex) {
    Input input;
    input.index = oneBasedIndex;
    return input;
}

Input Input::choose(std::string choiceId) {
    Input input;
    input.id = std::move(choiceId);
    return input;
}

Input Input::checklist(std::vector<std::string> indicatorIds) {
    Input input;
    input.kind = Kind::Checklist;
    input.ids = std::move(indicatorIds);
    return input;
}

Input Input::decide(std::vector<std::string> optionIds) {
    Input input;
    input.kind = Kind::Decide;
    input.ids = std::move(optionIds);
    return input;
}

namespace {

bool readIds(const rapidjson::Value& v, std::vector<std::string>& ids) {
    if (!v.IsArray()) return false;
    for (const auto& item : v.GetArray()) {
        if (!item.IsString()) return false;
        ids.emplace_back(item.GetString(), item.GetStringLength());
    }
    return true;
}

// One element of the array; returns an error message, empty when it is fine.
std::string readInput(const rapidjson::Value& v, Input& input) {
    const char* shape = "expected {\"choose\": 2}, {\"choose\": \"id\"}, {\"checklist\": [ids]} or {\"decide\": [ids]}";
    if (!v.IsObject() || v.MemberCount() != 1) return shape;
    const auto& member = *v.MemberBegin();
    std::string verb(member.name.GetString(), member.name.GetStringLength());  // may hold a NUL
    const auto& value = member.value;
    if (verb == "choose") {
        if (value.IsInt() && value.GetInt() >= 1) input = Input::choose(value.GetInt());
        else if (value.IsString() && value.GetStringLength() > 0)
            input = Input::choose(std::string(value.GetString(), value.GetStringLength()));
        else return "\"choose\" takes a position (1, 2, …) or a choice id";
        return {};
    }
    if (verb == "checklist" || verb == "decide") {
        std::vector<std::string> ids;
        if (!readIds(value, ids)) return "\"" + verb + "\" takes an array of ids";
        input = verb == "checklist" ? Input::checklist(std::move(ids)) : Input::decide(std::move(ids));
        return {};
    }
    return "unknown input '" + verb + "': " + shape;
}

}  // namespace

bool parseInputs(const std::string& text, const std::string& file, std::vector<Input>& inputs,
                 Diagnostics& diagnostics) {
    JsonParse parsed;
    parseJson(text, parsed);
    if (!parsed.ok) {
        diagnostics.push_back({Severity::Error, file, "", parsed.position.line, parsed.position.column, parsed.error});
        return false;
    }
    if (!parsed.document.IsArray()) {
        diagnostics.push_back({Severity::Error, file, "", 1, 1, "an input file is a JSON array of inputs"});
        return false;
    }
    std::size_t first = diagnostics.size();
    std::set<std::string> paths;
    for (rapidjson::SizeType i = 0; i < parsed.document.Size(); ++i) {
        Input input;
        std::string error = readInput(parsed.document[i], input);
        if (error.empty()) {
            inputs.push_back(std::move(input));
            continue;
        }
        std::string path = "[" + std::to_string(i) + "]";
        paths.insert(path);
        diagnostics.push_back({Severity::Error, file, path, 0, 0, error});
    }
    // One pass over the text for every bad element: a pass per element is quadratic.
    auto where = locatePaths(text, paths);
    for (std::size_t d = first; d < diagnostics.size(); ++d) {
        auto it = where.find(diagnostics[d].path);
        if (it == where.end()) continue;
        diagnostics[d].line = it->second.line;
        diagnostics[d].column = it->second.column;
    }
    return paths.empty();
}

bool loadInputFile(const std::string& path, std::vector<Input>& inputs, Diagnostics& diagnostics) {
    std::string text, error;
    if (!readFileCapped(path, kMaxFileBytes, text, error)) {
        diagnostics.push_back({Severity::Error, path, "", 0, 0, error});
        return false;
    }
    return parseInputs(text, path, inputs, diagnostics);
}

bool parseChoiceList(const std::string& list, std::vector<Input>& inputs, std::string& error) {
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (item.empty()) {
            error = "--choices: an empty item in '" + list + "'";
            return false;
        }
        bool digits = item.find_first_not_of("0123456789") == std::string::npos;
        if (digits && item.size() < 6 && std::stoi(item) >= 1) inputs.push_back(Input::choose(std::stoi(item)));
        else if (digits) {
            error = "--choices: '" + item + "' is not a choice position (1, 2, …)";
            return false;
        } else inputs.push_back(Input::choose(item));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return true;
}

std::string inputsToJson(const std::vector<Input>& inputs) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartArray();
    for (const auto& input : inputs) {
        writer.StartObject();
        switch (input.kind) {
            case Input::Kind::Choose:
                writer.Key("choose");
                if (input.index > 0) writer.Int(input.index);
                else writer.String(input.id.c_str(), static_cast<rapidjson::SizeType>(input.id.size()));
                break;
            case Input::Kind::Checklist:
            case Input::Kind::Decide:
                writer.Key(input.kind == Input::Kind::Checklist ? "checklist" : "decide");
                writer.StartArray();
                for (const auto& id : input.ids) writer.String(id.c_str(), static_cast<rapidjson::SizeType>(id.size()));
                writer.EndArray();
                break;
        }
        writer.EndObject();
    }
    writer.EndArray();
    return buffer.GetString();
}

}  // namespace haven
