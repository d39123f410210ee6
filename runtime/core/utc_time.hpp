// The current time in UTC as text, in a strftime format: what records, recovery notes, backups
// and the debrief show. UTC because workshops span time zones and laptops keep wrong ones.
#pragma once

#include <string>

namespace haven {

// `format` is strftime's, e.g. "%Y-%m-%d %H:%M UTC".
std::string utcNow(const char* format);

}  // namespace haven
