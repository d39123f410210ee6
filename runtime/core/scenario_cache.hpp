// Opening a scenario to play it: loaded from JSON and checked once, then kept as a binary
// snapshot keyed by the content of its files, so that a trainee opening a large scenario again
// does not wait for the JSON to be parsed and checked again.
//
// The snapshot is Haven's own file in the user's cache folder, never a file someone sent: it is
// written only for a scenario that loaded without errors, carries a checksum, and anything
// unexpected in it (a different build, a flipped bit, a truncated write) means "not cached".
#pragma once

#include "core/scenario_loader.hpp"

#include <string>

namespace haven {

// `path` is a scenario folder or its scenario.json, as for loadScenario. Structure is validated
// (links, ids, references), scripts compile lazily while playing, as the player needs.
LoadResult openForPlay(const std::string& path, const std::string& cacheFolder);
LoadResult openForPlay(const std::string& path);  // cache in userFolder(UserFolder::Cache)/scenarios

// The snapshot itself, exposed for tests and the benchmark.
std::string snapshotOf(const Scenario& scenario, const std::string& jsonHash, const std::string& scriptHash);
// Fills `scenario` from a snapshot whose JSON hash is `jsonHash`; false when it is not a valid
// snapshot of that content.
bool readSnapshot(const std::string& bytes, const std::string& jsonHash, Scenario& scenario, std::string& scriptHash);

}  // namespace haven
