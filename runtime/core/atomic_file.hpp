// Writing user work safely: a temporary file in the same folder, fsync, rename over the old file,
// fsync the folder. Writing in place is how Twine and Inky users lost whole stories to zero-byte
// files; a crash here leaves either the old file or the new one, never half of either.
#pragma once

#include <string>

namespace haven {

// Returns false with a message naming the file and the reason (e.g. the disk is full).
bool writeFileAtomically(const std::string& path, const std::string& contents, std::string& error);

}  // namespace haven
