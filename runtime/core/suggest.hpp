// "Did you mean …?" for near misses: a misspelt node id, field name or indicator.
#pragma once

#include <string>
#include <vector>

namespace haven {

// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo;
// empty otherwise.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

// " — did you mean 'x'?" or "".
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace haven
