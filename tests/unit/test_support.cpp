#include "test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <sys/wait.h>

namespace haven::test {
namespace fs = std::filesystem;
namespace {

struct Cleanup {
    std::vector<fs::path> folders;
    ~Cleanup() {
        std::error_code ec;
        for (const auto& folder : folders) fs::remove_all(folder, ec);
    }
};
Cleanup cleanup;

// Scenario snapshots go to a folder of this test run, never to the user's own cache.
struct PrivateCache {
    PrivateCache() {
        std::string folder = temporaryFolder();
        ::setenv("HAVEN_CACHE_DIR", folder.c_str(), 1);
    }
};
PrivateCache privateCache;

}  // namespace

std::string source(const std::string& relative) {
    return (fs::path(HAVEN_SOURCE_DIR) / relative).string();
}

std::string temporaryFolder() {
    std::string pattern = (fs::temp_directory_path() / "haven-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    cleanup.folders.emplace_back(pattern);
    return pattern;
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

Run runHaven(const std::string& args, const std::string& input) {
    std::string folder = temporaryFolder();
    std::string in = folder + "/in", out = folder + "/out", err = folder + "/err";
    writeText(in, input);
    std::string command = std::string("'") + HAVEN_BINARY + "' " + args + " <'" + in + "' >'" + out + "' 2>'" + err + "'";
    int raw = std::system(command.c_str());
    Run run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = readText(out);
    run.err = readText(err);
    return run;
}

}  // namespace haven::test
