#include "model/lua_check.hpp"

#include <charconv>
#include <map>
#include <utility>

namespace haven::editor {

LuaProblem splitLuaMessage(const std::string& message) {
    static constexpr std::string_view kPrefix = "line ";
    LuaProblem problem{0, message};
    if (message.rfind(kPrefix, 0) != 0) return problem;
    const std::size_t colon = message.find(':', kPrefix.size());
    if (colon == std::string::npos) return problem;
    int line = 0;
    const char* first = message.data() + kPrefix.size();
    const char* last = message.data() + colon;
    auto [end, error] = std::from_chars(first, last, line);
    if (error != std::errc() || end != last || line < 1) return problem;
    std::size_t text = colon + 1;
    while (text < message.size() && message[text] == ' ') ++text;
    problem.line = line;
    problem.message = message.substr(text);
    // "<eof>" is Lua's word for the end of the text; an author reads "the end".
    static constexpr std::string_view kEof = "near <eof>";
    if (const std::size_t eof = problem.message.find(kEof); eof != std::string::npos)
        problem.message.replace(eof, kEof.size(), "at the end");
    return problem;
}

std::string describe(const LuaProblem& problem) {
    if (problem.line <= 0) return problem.message;
    return "Line " + std::to_string(problem.line) + ": " + problem.message;
}

std::optional<LuaProblem> checkLua(std::string_view code, ChunkKind kind) {
    if (code.empty()) return std::nullopt;
    // Compiling needs a fresh Lua state each time; a frame shows the same few chunks again. The
    // memo is emptied when it grows past what any inspector shows, so typing cannot grow it.
    static std::map<std::pair<ChunkKind, std::string>, std::optional<LuaProblem>> known;
    constexpr std::size_t kRemembered = 512;
    std::pair<ChunkKind, std::string> key(kind, std::string(code));
    if (auto found = known.find(key); found != known.end()) return found->second;
    if (known.size() >= kRemembered) known.clear();
    auto error = compileCheck(code, kind);
    std::optional<LuaProblem> problem;
    if (error) problem = splitLuaMessage(error->message);
    known.emplace(std::move(key), problem);
    return problem;
}

}  // namespace haven::editor
