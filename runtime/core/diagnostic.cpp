#include "core/diagnostic.hpp"

#include <algorithm>

namespace haven {

const char* toString(Severity severity) {
    return severity == Severity::Error ? "error" : "warning";
}

bool hasErrors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::string format(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line);
        if (d.column > 0) out += ":" + std::to_string(d.column);
    }
    out += std::string(": ") + toString(d.severity) + ": ";
    if (!d.path.empty()) out += d.path + ": ";
    out += d.message;
    return out;
}

}  // namespace haven
