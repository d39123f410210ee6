#include "core/utc_time.hpp"

#include <ctime>

namespace haven {

std::string utcNow(const char* format) {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[64];
    const std::size_t length = std::strftime(buffer, sizeof buffer, format, &utc);
    return std::string(buffer, length);
}

}  // namespace haven
