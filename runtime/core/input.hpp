// A trainee's input: what `haven play --input` files, saves and records are lists of.
#pragma once

#include "core/diagnostic.hpp"

#include <optional>
#include <string>
#include <vector>

namespace haven {

struct Input {
    enum class Kind { Choose, Checklist, Decide };
    Kind kind = Kind::Choose;
    int index = 0;                  // Choose by 1-based position among the choices on offer…
    std::string id;                 // …or by choice id (index 0)
    std::vector<std::string> ids;   // Checklist: ticked indicators; Decide: chosen options

    static Input choose(int oneBasedIndex);
    static Input choose(std::string choiceId);
    static Input checklist(std::vector<std::string> indicatorIds);
    static Input decide(std::vector<std::string> optionIds);
    bool operator==(const Input&) const = default;
};

// The input file format: a JSON array of {"choose": 2}, {"choose": "id"}, {"checklist": [...]},
// {"decide": [...]}. Problems are reported with the file and the array index.
bool parseInputs(const std::string& text, const std::string& file, std::vector<Input>& inputs,
                 Diagnostics& diagnostics);
bool loadInputFile(const std::string& path, std::vector<Input>& inputs, Diagnostics& diagnostics);

// "2,1,3" (positions) or "2,ask-open,3" (ids too), as given to `haven play --choices`.
bool parseChoiceList(const std::string& list, std::vector<Input>& inputs, std::string& error);

std::string inputsToJson(const std::vector<Input>& inputs);  // the same format, one line

}  // namespace haven
