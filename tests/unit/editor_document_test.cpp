// The editor's document: open and save through the core's canonical writer and atomic writes,
// the dirty marker against the last save, the new-scenario template, and node positions kept in
// the file as editor metadata.
#include "fixtures.hpp"
#include "test_support.hpp"

#include "core/scenario_cache.hpp"
#include "core/scenario_writer.hpp"
#include "model/document.hpp"
#include "model/scenario_template.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include <sys/stat.h>
#include <unistd.h>

using namespace haven;
using namespace haven::editor;
using namespace haven::test;
namespace fs = std::filesystem;

namespace {

// A copy of a shipped scenario folder to edit and save without touching the source tree.
std::string copyOf(const std::string& scenario) {
    std::string folder = temporaryFolder() + "/" + scenario;
    fs::copy(source("scenarios/" + scenario), folder, fs::copy_options::recursive);
    return folder;
}

Document open(const std::string& path) {
    auto opened = Document::open(path);
    INFO(describe(opened.diagnostics));
    REQUIRE(opened.document);
    return std::move(*opened.document);
}

}  // namespace

TEST_CASE("open then save of every shipped scenario is byte-identical") {
    for (const auto& entry : fs::directory_iterator(source("scenarios"))) {
        std::string name = entry.path().filename().string();
        INFO("scenario: " << name);
        std::string folder = copyOf(name);
        Document doc = open(folder);
        CHECK(doc.file() == folder + "/scenario.json");
        CHECK_FALSE(doc.dirty());
        std::string error;
        REQUIRE_MESSAGE(doc.save(error), error);
        CHECK(readText(folder + "/scenario.json") == readText(entry.path().string() + "/scenario.json"));
        CHECK_FALSE(doc.dirty());
    }
}

TEST_CASE("a new scenario from the template is valid and complete") {
    Scenario s = newFromTemplate();
    Diagnostics diagnostics;
    validate(s, diagnostics);
    CHECK_MESSAGE(!hasErrors(diagnostics), describe(diagnostics));

    REQUIRE(s.competencies.size() == 1);
    const char* ilo[] = {"ilo-abuse-of-vulnerability",
                         "ilo-deception",
                         "ilo-restriction-of-movement",
                         "ilo-isolation",
                         "ilo-physical-sexual-violence",
                         "ilo-intimidation-threats",
                         "ilo-retention-of-documents",
                         "ilo-withholding-wages",
                         "ilo-debt-bondage",
                         "ilo-abusive-conditions",
                         "ilo-excessive-overtime"};
    REQUIRE(s.indicators.size() == 11);
    for (std::size_t i = 0; i < 11; ++i) {
        CHECK(s.indicators[i].id == ilo[i]);
        CHECK(s.indicators[i].source == "ILO");
    }
    REQUIRE(s.findNode(s.start));
    CHECK(s.findNode(s.start)->type == NodeType::Scene);
    CHECK(std::count_if(s.nodes.begin(), s.nodes.end(), [](const Node& n) { return n.type == NodeType::Ending; }) == 2);

    SUBCASE("saved, it loads back as it was and passes the checks there too") {
        Document doc(s);
        CHECK_FALSE(doc.hasFile());
        std::string error;
        CHECK_FALSE(doc.save(error));  // no file yet: Save As first
        CHECK(error.find("Save As") != std::string::npos);
        std::string folder = temporaryFolder() + "/new";
        REQUIRE_MESSAGE(doc.saveAs(folder, error), error);
        LoadResult loaded = loadScenario(folder);
        CHECK_MESSAGE(loaded.ok(), describe(loaded.diagnostics));
        REQUIRE(loaded.scenario);
        CHECK(writeScenarioJson(*loaded.scenario) == writeScenarioJson(s));
    }
}

TEST_CASE("the dirty marker follows edits, saves, undo and redo") {
    std::string folder = copyOf("tutorial");
    Document doc = open(folder);
    const std::string original = readText(folder + "/scenario.json");
    std::string error;

    CHECK_FALSE(doc.dirty());
    doc.execute(setScenarioText(ScenarioText::Title, "Edited"));
    CHECK(doc.dirty());
    doc.undo();
    CHECK_FALSE(doc.dirty());
    doc.redo();
    CHECK(doc.dirty());

    REQUIRE(doc.save(error));
    CHECK_FALSE(doc.dirty());
    CHECK(readText(folder + "/scenario.json") == writeScenarioJson(doc.scenario()));
    doc.undo();  // back to what is on disk in the original, not what was saved
    CHECK(doc.dirty());
    CHECK(writeScenarioJson(doc.scenario()) == original);
    doc.redo();
    CHECK_FALSE(doc.dirty());

    SUBCASE("every change bumps the revision") {
        auto revision = doc.revision();
        doc.execute(setPassMark(0.9));
        CHECK(doc.revision() > revision);
        revision = doc.revision();
        doc.undo();
        CHECK(doc.revision() > revision);
    }
}

TEST_CASE("save as moves the document, with its script and assets") {
    Document doc = open(source("scenarios/tutorial"));
    REQUIRE_FALSE(doc.scenario().script.empty());
    doc.execute(setScenarioText(ScenarioText::Title, "A copy"));
    std::string folder = temporaryFolder() + "/copy";
    std::string error;
    REQUIRE_MESSAGE(doc.saveAs(folder, error), error);
    CHECK_FALSE(doc.dirty());
    CHECK(doc.folder() == folder);
    CHECK(readText(folder + "/" + doc.scenario().script) == readText(source("scenarios/tutorial/script.lua")));
    CHECK(fs::is_directory(folder + "/assets"));
    LoadResult loaded = loadScenario(folder);
    CHECK_MESSAGE(loaded.ok(), describe(loaded.diagnostics));
    CHECK(loaded.scenario->title == "A copy");
}

TEST_CASE("a file the reader cannot fully read is not opened, so a save cannot lose its content") {
    std::string folder = temporaryFolder();
    writeText(folder + "/scenario.json", replaceOnce(scenarioText(), "\"title\": \"Test\"", "\"title\": 3"));
    auto opened = Document::open(folder);
    CHECK_FALSE(opened.document);
    CHECK(findDiagnostic(opened.diagnostics, "title", "expected a string"));

    SUBCASE("validation problems do not stop it opening") {
        writeText(folder + "/scenario.json", scenarioText("", kMinimalNodes, "nowhere"));
        auto withProblems = Document::open(folder);
        REQUIRE(withProblems.document);
        CHECK(hasErrors(withProblems.document->problems()));
    }
}

TEST_CASE("an atomic save into a read-only folder fails and leaves the old file intact") {
    if (::geteuid() == 0) {
        MESSAGE("skipped: root ignores folder permissions");
        return;
    }
    std::string folder = copyOf("tutorial");
    const std::string original = readText(folder + "/scenario.json");
    Document doc = open(folder);
    doc.execute(setScenarioText(ScenarioText::Title, "Never written"));
    REQUIRE(::chmod(folder.c_str(), 0555) == 0);
    std::string error;
    bool saved = doc.save(error);
    ::chmod(folder.c_str(), 0755);
    CHECK_FALSE(saved);
    CHECK(error.find("scenario.json") != std::string::npos);
    CHECK(readText(folder + "/scenario.json") == original);
    CHECK(doc.dirty());
    for (const auto& entry : fs::directory_iterator(folder))  // no temporary file left behind
        CHECK(entry.path().filename().string().rfind(".scenario.json", 0) != 0);
}

TEST_CASE("node positions round-trip through the file as editor metadata") {
    std::string folder = copyOf("tutorial");
    Document doc = open(folder);
    doc.execute(moveNode(0, EditorPosition{120.5, -40.0}));
    doc.execute(moveNode(3, EditorPosition{0.0, 300.0}));
    std::string error;
    REQUIRE(doc.save(error));

    const std::string text = readText(folder + "/scenario.json");
    CHECK(text.find("\"editor\": {\n        \"x\": 120.5,\n        \"y\": -40.0\n      }\n    }") != std::string::npos);

    Document reopened = open(folder);
    const Scenario& s = reopened.scenario();
    REQUIRE(s.nodes[0].position);
    CHECK(s.nodes[0].position->x == 120.5);
    CHECK(s.nodes[0].position->y == -40.0);
    REQUIRE(s.nodes[3].position);
    CHECK(s.nodes[3].position->y == 300.0);
    CHECK_FALSE(s.nodes[1].position);
    CHECK(writeScenarioJson(s) == text);  // canonical: load then write is byte-identical

    SUBCASE("and through the player's snapshot cache") {
        std::string cache = temporaryFolder();
        LoadResult first = openForPlay(folder, cache);
        LoadResult second = openForPlay(folder, cache);  // from the snapshot
        REQUIRE(second.scenario);
        REQUIRE(second.scenario->nodes[0].position);
        CHECK(second.scenario->nodes[0].position->x == 120.5);
        CHECK(writeScenarioJson(*second.scenario) == text);
    }
    SUBCASE("undo back to the saved positions") {
        reopened.execute(moveNode(0, std::nullopt));
        reopened.undo();
        CHECK_FALSE(reopened.dirty());
    }
}

TEST_CASE("a wrong editor position is an error at its path") {
    auto node = [](const std::string& editor) {
        return "[{\"id\": \"meet\", \"type\": \"ending\", \"editor\": " + editor + "}]";
    };
    SUBCASE("x is not a number") {
        LoadResult r = loadText(scenarioText("", node(R"({"x": "left", "y": 1})")));
        CHECK(findDiagnostic(r.diagnostics, "nodes[0].editor.x", "expected a number, found a string"));
    }
    SUBCASE("y is missing") {
        LoadResult r = loadText(scenarioText("", node(R"({"x": 1})")));
        CHECK(findDiagnostic(r.diagnostics, "nodes[0].editor", "missing required field 'y'"));
    }
    SUBCASE("not an object") {
        LoadResult r = loadText(scenarioText("", node("[1, 2]")));
        CHECK(findDiagnostic(r.diagnostics, "nodes[0].editor", "expected an object, found an array"));
    }
    SUBCASE("an unknown field inside") {
        LoadResult r = loadText(scenarioText("", node(R"({"x": 1, "y": 2, "z": 3})")));
        CHECK(findDiagnostic(r.diagnostics, "nodes[0].editor.z", "unknown field 'z'"));
        CHECK_FALSE(hasErrors(r.diagnostics));
    }
    SUBCASE("whole numbers are read and written as numbers") {
        LoadResult r = loadText(scenarioText("", node(R"({"x": 3, "y": -4})")));
        REQUIRE(r.scenario);
        REQUIRE(r.scenario->nodes[0].position);
        CHECK(r.scenario->nodes[0].position->x == 3.0);
        CHECK(r.scenario->nodes[0].position->y == -4.0);
    }
}
