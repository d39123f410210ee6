// Saving without ever leaving half a file: write, replace, clean up, and say what went wrong.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "core/atomic_file.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include <sys/stat.h>
#include <unistd.h>

using namespace haven;
using namespace haven::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> entries(const std::string& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("writes a new file") {
    std::string folder = temporaryFolder();
    std::string path = folder + "/scenario.json";
    std::string error;
    REQUIRE(writeFileAtomically(path, "{\"a\": 1}\n", error));
    CHECK(error.empty());
    CHECK(readText(path) == "{\"a\": 1}\n");
    CHECK(entries(folder) == std::vector<std::string>{"scenario.json"});  // no temporary file left

    struct stat info{};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0644);  // an ordinary shared file, not mkstemp's 0600
}

TEST_CASE("replaces an existing file, whatever its size") {
    std::string folder = temporaryFolder();
    std::string path = folder + "/record.json";
    std::string error;
    REQUIRE(writeFileAtomically(path, std::string(100000, 'x'), error));
    REQUIRE(writeFileAtomically(path, "short", error));
    CHECK(readText(path) == "short");
    REQUIRE(writeFileAtomically(path, "", error));
    CHECK(fs::exists(path));
    CHECK(fs::file_size(path) == 0);
    std::string binary("a\0b\xff", 4);
    REQUIRE(writeFileAtomically(path, binary, error));
    CHECK(readText(path) == binary);
    CHECK(entries(folder) == std::vector<std::string>{"record.json"});
}

TEST_CASE("a missing folder is an error naming the file") {
    std::string folder = temporaryFolder();
    std::string path = folder + "/missing/scenario.json";
    std::string error;
    CHECK_FALSE(writeFileAtomically(path, "x", error));
    CHECK(error.find(path) != std::string::npos);
    CHECK(error.find("No such file or directory") != std::string::npos);
    CHECK_FALSE(fs::exists(path));
    CHECK(entries(folder).empty());
}

TEST_CASE("a target that cannot be replaced leaves the old one and no temporary file") {
    std::string folder = temporaryFolder();
    std::string path = folder + "/taken";
    fs::create_directories(path + "/inside");
    std::string error;
    CHECK_FALSE(writeFileAtomically(path, "x", error));
    CHECK(error.find(path) != std::string::npos);
    CHECK(error.find("previous version is untouched") != std::string::npos);
    CHECK(fs::is_directory(path + "/inside"));
    CHECK(entries(folder) == std::vector<std::string>{"taken"});
}

TEST_CASE("a read-only folder is an error naming the file") {
    if (::geteuid() == 0) {
        MESSAGE("skipped: root ignores folder permissions");
        return;
    }
    std::string folder = temporaryFolder();
    std::string path = folder + "/scenario.json";
    std::string error;
    REQUIRE(writeFileAtomically(path, "old", error));
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    bool ok = writeFileAtomically(path, "new", error);
    fs::permissions(folder, fs::perms::owner_all);
    CHECK_FALSE(ok);
    CHECK(error.find(path) != std::string::npos);
    CHECK(error.find("Permission denied") != std::string::npos);
    CHECK(readText(path) == "old");
    CHECK(entries(folder) == std::vector<std::string>{"scenario.json"});
}
