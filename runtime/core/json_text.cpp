#include "core/json_text.hpp"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstring>
#include <charconv>
#include <climits>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

namespace haven {
namespace {

constexpr unsigned kParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag;

// RapidJSON 1.1.0 validates a UTF-8 sequence by taking all of its bytes before looking at them, so
// a sequence cut short by the end of the text reads up to three bytes past the terminating NUL
// (Tencent/rapidjson#1636, fixed upstream after 1.1.0). It parses a copy padded with NULs.
constexpr std::size_t kPadding = 4;

std::string padded(const std::string& text) {
    std::string copy;
    copy.reserve(text.size() + kPadding);
    copy.append(text).append(kPadding, '\0');
    return copy;
}

// Forwards SAX events to a document while refusing nesting deeper than kMaxJsonDepth, so that no
// later walk of the tree can be made to recurse without bound.
template <class Handler>
class DepthLimit {
public:
    explicit DepthLimit(Handler& next) : next_(next) {}
    bool tooDeep = false;
    bool tooLarge = false;  // a number beyond a double, or too close to zero for one

    bool Null() { return next_.Null(); }
    bool Bool(bool b) { return next_.Bool(b); }
    bool Int(int i) { return next_.Int(i); }
    bool Uint(unsigned u) { return next_.Uint(u); }
    bool Int64(std::int64_t i) { return next_.Int64(i); }
    bool Uint64(std::uint64_t u) { return next_.Uint64(u); }
    bool Double(double d) {
        if (!std::isfinite(d)) tooLarge = true;  // no JSON writer can write it back
        return !tooLarge && next_.Double(d);
    }
    // Numbers arrive as text (kParseNumbersAsStringsFlag) and are converted here, exactly. RapidJSON
    // 1.1.0's own conversion can be an ulp off (a written 0.30000000000000007 reads back as another
    // double, so writing is not byte-identical), reads 9e308 as infinity, and its full-precision
    // mode can crash (rapidjson#1251). Integers go to Int/Uint/Int64/Uint64 as RapidJSON sorts them.
    bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
        const char* end = s + n;
        const char marks[] = {'.', 'e', 'E'};
        if (std::find_first_of(s, end, std::begin(marks), std::end(marks)) == end) {
            std::int64_t i = 0;
            std::uint64_t u = 0;
            if (std::from_chars(s, end, i).ec == std::errc{}) {
                if (i >= 0) return i <= UINT_MAX ? Uint(static_cast<unsigned>(i)) : Uint64(static_cast<std::uint64_t>(i));
                return i >= INT_MIN ? Int(static_cast<int>(i)) : Int64(i);
            }
            if (std::from_chars(s, end, u).ec == std::errc{}) return Uint64(u);
        }
        double d = 0;
        if (std::from_chars(s, end, d).ec != std::errc{}) tooLarge = true;  // out of range either way
        return !tooLarge && Double(d);
    }
    bool String(const char* s, rapidjson::SizeType n, bool copy) { return next_.String(s, n, copy); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return next_.Key(s, n, copy); }
    bool StartObject() { return enter() && next_.StartObject(); }
    bool EndObject(rapidjson::SizeType n) { --depth_; return next_.EndObject(n); }
    bool StartArray() { return enter() && next_.StartArray(); }
    bool EndArray(rapidjson::SizeType n) { --depth_; return next_.EndArray(n); }

private:
    bool enter() {
        if (++depth_ > kMaxJsonDepth) tooDeep = true;
        return !tooDeep;
    }
    Handler& next_;
    int depth_ = 0;
};

// Tracks the JSON path of every event and records where wanted paths start. RapidJSON parses
// strings and numbers on a local copy of the stream, so during those events Tell() is still at
// the token's first character: exactly the position we want for keys and values.
class PathLocator : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PathLocator> {
public:
    PathLocator(const std::set<std::string>& wanted, const rapidjson::StringStream& stream)
        : wanted_(wanted), stream_(stream) {}

    std::map<std::string, std::size_t> found;  // path -> byte offset

    bool Default() { return value(); }
    bool String(const char*, rapidjson::SizeType, bool) { return value(); }
    bool StartObject() { value(); frames_.push_back({true, -1, {}}); return true; }
    bool EndObject(rapidjson::SizeType) { frames_.pop_back(); return true; }
    bool StartArray() { value(); frames_.push_back({false, -1, {}}); return true; }
    bool EndArray(rapidjson::SizeType) { frames_.pop_back(); return true; }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        frames_.back().key.assign(s, n);
        record(currentPath(), stream_.Tell());
        return true;
    }

private:
    struct Frame {
        bool object;
        long index;
        std::string key;
    };

    // Called for every value, before its path is used: advances the array index.
    bool value() {
        if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
        record(currentPath(), stream_.Tell());
        return true;
    }

    std::string currentPath() const {
        std::string path;
        for (const auto& frame : frames_) {
            if (frame.object) {
                if (!path.empty()) path += '.';
                path += frame.key;
            } else {
                path += '[' + std::to_string(frame.index) + ']';
            }
        }
        return path;
    }

    void record(const std::string& path, std::size_t offset) {
        if (wanted_.count(path)) found.emplace(path, offset);
    }

    const std::set<std::string>& wanted_;
    const rapidjson::StringStream& stream_;
    std::vector<Frame> frames_;
};

}  // namespace

bool readFileCapped(const std::string& path, std::size_t maxBytes, std::string& text,
                    std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot open the file (missing, or no permission to read it)";
        return false;
    }
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    if (size < 0) {
        error = path + ": cannot read the file (is it a folder?)";
        return false;
    }
    if (static_cast<std::size_t>(size) > maxBytes) {
        std::ostringstream message;
        message.precision(3);
        message << path << ": the file is " << double(size) / (1 << 20) << " MiB; the limit is "
                << double(maxBytes) / (1 << 20) << " MiB";
        error = message.str();
        return false;
    }
    in.seekg(0);
    text.assign(static_cast<std::size_t>(size), '\0');
    if (!in.read(text.data(), size)) {
        error = path + ": reading the file failed";
        return false;
    }
    return true;
}

void parseJson(const std::string& text, JsonParse& result) {
    // Parsed in place: the document's strings point into this copy instead of being copied one by
    // one. The copy lives in the document's own allocator, so it moves with the document.
    auto* source = static_cast<char*>(result.document.GetAllocator().Malloc(text.size() + kPadding));
    std::memcpy(source, text.data(), text.size());
    std::memset(source + text.size(), 0, kPadding);
    rapidjson::InsituStringStream stream(source);
    rapidjson::Reader reader;
    bool tooDeep = false, tooLarge = false;
    auto generate = [&](rapidjson::Document& document) {
        DepthLimit<rapidjson::Document> limit(document);
        bool ok = reader.Parse<kParseFlags | rapidjson::kParseInsituFlag>(stream, limit);
        tooDeep = limit.tooDeep;
        tooLarge = limit.tooLarge;
        return ok;
    };
    try {
        result.document.Populate(generate);
    } catch (const std::exception& e) {
        result.ok = false;
        result.error = std::string("the JSON could not be read: ") + e.what();
        return;
    }
    result.ok = !reader.HasParseError();
    if (result.ok && stream.Tell() != text.size()) {
        // A NUL byte ends RapidJSON's string stream early; anything after it is not JSON.
        result.ok = false;
        result.error = "unexpected NUL byte in the text";
        result.position = positionAt(text, stream.Tell());
        return;
    }
    if (result.ok) return;
    result.position = positionAt(text, reader.GetErrorOffset());
    if (tooDeep) {
        result.error = "the JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep";
    } else if (tooLarge) {
        result.error = "invalid JSON: a number is too large, or too close to zero, to be stored";
    } else {
        result.error = std::string("invalid JSON: ") + rapidjson::GetParseError_En(reader.GetParseErrorCode());
    }
}

LineIndex::LineIndex(const std::string& text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

TextPosition LineIndex::positionAt(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    std::size_t lineStart = *(next - 1);
    TextPosition position{static_cast<int>(next - starts_.begin()), 1};
    for (std::size_t i = lineStart; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++position.column;  // characters, not bytes
    return position;
}

TextPosition positionAt(const std::string& text, std::size_t offset) {
    return LineIndex(text).positionAt(offset);
}

std::map<std::string, TextPosition> locatePaths(const std::string& text,
                                                const std::set<std::string>& paths) {
    if (paths.empty()) return {};
    std::string source = padded(text);
    rapidjson::StringStream stream(source.c_str());
    PathLocator locator(paths, stream);
    DepthLimit<PathLocator> limit(locator);
    rapidjson::Reader reader;
    reader.Parse<kParseFlags>(stream, limit);
    // One walk in text order: counting each column from its line start is quadratic when
    // thousands of diagnostics sit on one long line (a minified file).
    std::vector<std::pair<std::size_t, const std::string*>> byOffset;
    for (const auto& [path, offset] : locator.found) byOffset.emplace_back(offset, &path);
    std::sort(byOffset.begin(), byOffset.end());
    std::map<std::string, TextPosition> positions;
    TextPosition at{1, 1};
    std::size_t i = 0;
    for (const auto& [offset, path] : byOffset) {
        for (; i < offset && i < text.size(); ++i) {
            if (text[i] == '\n') at = {at.line + 1, 1};
            else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++at.column;  // characters, not bytes
        }
        positions[*path] = at;
    }
    return positions;
}

}  // namespace haven
