// Autosave and recovery: what an editor that stopped without saving leaves behind is found by the
// next one, restored as unsaved work belonging to the same file, and cleaned up once dealt with.
// The recent-files list survives restarts and a corrupt file; saves keep rotated backups.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "model/backups.hpp"
#include "model/document.hpp"
#include "model/recent_files.hpp"
#include "model/recovery.hpp"
#include "model/scenario_template.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include <sys/wait.h>
#include <unistd.h>

using namespace haven;
using namespace haven::editor;
using namespace haven::test;
namespace fs = std::filesystem;

namespace {

Document openCopyOfTutorial() {
    std::string folder = temporaryFolder() + "/tutorial";
    fs::copy(source("scenarios/tutorial"), folder, fs::copy_options::recursive);
    auto opened = Document::open(folder);
    REQUIRE(opened.document);
    return std::move(*opened.document);
}

// Writes the document's recovery file from another process that then ends, as an editor that
// crashed would leave it.
void writeFromAnotherProcess(const std::string& folder, Document& document) {
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::string error;
        _exit(Recovery(folder).write(document, error) ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

}  // namespace

TEST_CASE("a running editor's own recovery file is not offered to it") {
    const std::string folder = temporaryFolder();
    Document document = openCopyOfTutorial();
    document.execute(setScenarioText(ScenarioText::Title, "Edited"));
    std::string error;
    REQUIRE(Recovery(folder).write(document, error));
    CHECK(Recovery(folder).orphans().empty());
}

TEST_CASE("unsaved work left by a stopped editor is restored as dirty work of the same file") {
    const std::string folder = temporaryFolder();
    Document document = openCopyOfTutorial();
    document.execute(setScenarioText(ScenarioText::Title, "Edited before the crash"));
    writeFromAnotherProcess(folder, document);

    Recovery recovery(folder);
    auto orphans = recovery.orphans();
    REQUIRE(orphans.size() == 1);
    CHECK(orphans[0].title == "Edited before the crash");
    CHECK(orphans[0].originalFile == document.file());
    REQUIRE(recovery.orphanFor(document.file()));

    Diagnostics diagnostics;
    auto restored = Recovery::restore(orphans[0], diagnostics);
    INFO(describe(diagnostics));
    REQUIRE(restored);
    CHECK(restored->scenario().title == "Edited before the crash");
    CHECK(restored->file() == document.file());
    CHECK(restored->dirty());
    CHECK(restored->scenario().nodes.size() == document.scenario().nodes.size());

    Recovery::discard(orphans[0]);
    CHECK(recovery.orphans().empty());
}

TEST_CASE("an untitled document's unsaved work is recovered as untitled") {
    const std::string folder = temporaryFolder();
    Document document(newFromTemplate());
    document.execute(setScenarioText(ScenarioText::Title, "A draft"));
    writeFromAnotherProcess(folder, document);
    auto orphans = Recovery(folder).orphans();
    REQUIRE(orphans.size() == 1);
    CHECK(orphans[0].originalFile.empty());
    Diagnostics diagnostics;
    auto restored = Recovery::restore(orphans[0], diagnostics);
    REQUIRE(restored);
    CHECK_FALSE(restored->hasFile());
    CHECK(restored->scenario().title == "A draft");
}

TEST_CASE("saving discards the recovery file") {
    const std::string folder = temporaryFolder();
    Document document = openCopyOfTutorial();
    document.execute(setScenarioText(ScenarioText::Title, "Saved in the end"));
    Recovery recovery(folder);
    std::string error;
    REQUIRE(recovery.write(document, error));
    REQUIRE(document.save(error));
    recovery.discard(document);
    CHECK(fs::is_empty(folder));
}

TEST_CASE("a damaged recovery file is reported by name and left on disk") {
    const std::string folder = temporaryFolder();
    Document document = openCopyOfTutorial();
    document.execute(setScenarioText(ScenarioText::Title, "Damaged"));
    writeFromAnotherProcess(folder, document);
    auto orphans = Recovery(folder).orphans();
    REQUIRE(orphans.size() == 1);
    writeText(orphans[0].scenarioFile, "{\"format\": ");
    Diagnostics diagnostics;
    CHECK_FALSE(Recovery::restore(orphans[0], diagnostics));
    REQUIRE_FALSE(diagnostics.empty());
    CHECK(diagnostics.front().file == orphans[0].scenarioFile);
    CHECK(fs::exists(orphans[0].scenarioFile));
}

TEST_CASE("a recovery folder that cannot be written gives an error, not a crash") {
    const std::string blocker = temporaryFolder() + "/file";
    writeText(blocker, "not a folder");
    Document document = openCopyOfTutorial();
    document.execute(setScenarioText(ScenarioText::Title, "Nowhere to go"));
    std::string error;
    CHECK_FALSE(Recovery(blocker + "/recovery").write(document, error));
    CHECK(error.find(blocker) != std::string::npos);
}

TEST_CASE("recent files: newest first, once each, at most eight, kept across restarts") {
    const std::string path = temporaryFolder() + "/recent.json";
    std::string error;
    {
        RecentFiles recent(path);
        for (int i = 0; i < 10; ++i) REQUIRE(recent.add("/scenarios/s" + std::to_string(i) + "/scenario.json", error));
        REQUIRE(recent.add("/scenarios/s5/scenario.json", error));
    }
    RecentFiles again(path);
    REQUIRE(again.files().size() == RecentFiles::kLimit);
    CHECK(again.files().front() == "/scenarios/s5/scenario.json");
    CHECK(again.files()[1] == "/scenarios/s9/scenario.json");
    CHECK(std::count(again.files().begin(), again.files().end(), "/scenarios/s5/scenario.json") == 1);

    writeText(path, "[\"/a\", 3, ");  // corrupt: an empty list, not a failure
    CHECK(RecentFiles(path).files().empty());
}

TEST_CASE("each save keeps the file as it was; only the newest five are kept") {
    const std::string folder = temporaryFolder();
    const std::string scenario = temporaryFolder() + "/scenario.json";
    Backups backups(folder);
    std::string error;
    CHECK(backups.keep(scenario, error));  // nothing there yet: nothing to keep
    CHECK(backups.of(scenario).empty());
    writeText(scenario, "version one");
    REQUIRE(backups.keep(scenario, error));
    REQUIRE(backups.of(scenario).size() == 1);
    CHECK(readText(backups.of(scenario).front()) == "version one");
    // Older copies beyond the limit go (their names sort by time; these are made up older ones).
    const std::string kept = fs::path(backups.of(scenario).front()).parent_path().string();
    for (int i = 0; i < 6; ++i) writeText(kept + "/scenario-2000010" + std::to_string(i) + "-000000.json", "old");
    writeText(scenario, "version two");
    REQUIRE(backups.keep(scenario, error));
    auto all = backups.of(scenario);
    CHECK(all.size() == Backups::kKeep);
    CHECK(readText(all.front()) == "version two");
}

TEST_CASE("another editor's unsaved work on the same file is neither overwritten nor removed") {
    const std::string folder = temporaryFolder();
    Document crashed = openCopyOfTutorial();
    crashed.execute(setScenarioText(ScenarioText::Title, "Left by a crash"));
    writeFromAnotherProcess(folder, crashed);
    // This editor opens the same file, edits, autosaves and closes it without answering the offer.
    auto reopened = Document::open(crashed.file());
    REQUIRE(reopened.document);
    reopened.document->execute(setScenarioText(ScenarioText::Title, "A new edit"));
    Recovery recovery(folder);
    std::string error;
    REQUIRE(recovery.write(*reopened.document, error));
    recovery.discard(*reopened.document);
    auto orphans = recovery.orphans();
    REQUIRE(orphans.size() == 1);
    CHECK(orphans[0].title == "Left by a crash");
}
