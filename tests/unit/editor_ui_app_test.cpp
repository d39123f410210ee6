// The editor app without a window: unsaved work is never dropped without asking, it reaches the
// recovery file on the loop's tick, Ctrl+Z and Ctrl+Shift+Z undo and redo the document, and a
// file that cannot be opened is named; the border between the panels can be dragged.
#include "imgui_test_context.hpp"
#include "test_support.hpp"

#include "app/editor_app.hpp"

#include <SDL_scancode.h>
#include <imgui_internal.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace haven;
using namespace haven::editor;
using namespace haven::test;
namespace fs = std::filesystem;

namespace {

// The app's user folders in a temporary place, and a copy of the tutorial to edit.
struct Desk {
    std::string data = temporaryFolder();
    std::string scenario = temporaryFolder() + "/tutorial";
    Desk() {
        ::setenv("HAVEN_DATA_DIR", data.c_str(), 1);
        ::setenv("HAVEN_CONFIG_DIR", temporaryFolder().c_str(), 1);
        fs::copy(source("scenarios/tutorial"), scenario, fs::copy_options::recursive);
    }
    EditorOptions options(std::vector<std::pair<std::string, std::string>> sets = {}) const {
        EditorOptions o;
        o.path = scenario;
        o.sets = std::move(sets);
        return o;
    }
};

void pressWithCtrl(ImGuiTestContext& imgui, EditorApp& app, SDL_Scancode key, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeyShift = shift;
    io.KeysDown[key] = true;
    imgui.rawFrame([&] { app.drawFrame(); });
    io.KeysDown[key] = false;
    io.KeyCtrl = io.KeyShift = false;
    imgui.rawFrame([&] { app.drawFrame(); });
}

}  // namespace

TEST_CASE("closing with nothing unsaved quits at once") {
    Desk desk;
    EditorApp app(desk.options());
    std::string error;
    REQUIRE(app.start(error));
    CHECK_FALSE(app.closeRequested());  // the app decides…
    CHECK(app.quitRequested());         // …and with nothing to lose it quits
}

TEST_CASE("closing with unsaved work asks first and keeps the work") {
    Desk desk;
    EditorApp app(desk.options({{"title", "Edited"}}));
    std::string error;
    REQUIRE(app.start(error));
    REQUIRE(app.document()->dirty());
    ImGuiTestContext imgui(ImVec2(1440, 900));
    app.closeRequested();
    imgui.rawFrame([&] { app.drawFrame(); });
    CHECK_FALSE(app.quitRequested());
    REQUIRE(app.document());
    CHECK(app.document()->scenario().title == "Edited");
    CHECK(app.windowTitle().find("●") != std::string::npos);  // the dirty marker
}

TEST_CASE("unsaved work reaches the recovery file on the loop's tick") {
    Desk desk;
    EditorApp app(desk.options({{"title", "Autosaved"}}));
    std::string error;
    REQUIRE(app.start(error));
    CHECK(app.idleTimeoutMs() > 0);  // the loop wakes to autosave
    app.tick();
    const fs::path folder = fs::path(desk.data) / "editor" / "recovery";
    REQUIRE(fs::is_directory(folder));
    int files = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        ++files;
        if (entry.path().string().ends_with(".scenario.json"))
            CHECK(readText(entry.path().string()).find("\"title\": \"Autosaved\"") != std::string::npos);
    }
    CHECK(files == 2);  // the scenario and its note
    CHECK(app.idleTimeoutMs() == -1);  // nothing new to save: the loop sleeps
}

TEST_CASE("Ctrl+Z undoes and Ctrl+Shift+Z redoes the last edit") {
    Desk desk;
    EditorApp app(desk.options({{"title", "Edited"}}));
    std::string error;
    REQUIRE(app.start(error));
    const std::string original = "Edited";
    ImGuiTestContext imgui(ImVec2(1440, 900));
    imgui.rawFrame([&] { app.drawFrame(); });
    pressWithCtrl(imgui, app, SDL_SCANCODE_Z, false);
    CHECK(app.document()->scenario().title != original);
    CHECK_FALSE(app.document()->dirty());  // back to what is saved
    pressWithCtrl(imgui, app, SDL_SCANCODE_Z, true);
    CHECK(app.document()->scenario().title == original);
}

TEST_CASE("a scenario that cannot be opened is named in the error") {
    Desk desk;
    EditorOptions options;
    options.path = desk.data + "/no-such-scenario";
    EditorApp app(options);
    std::string error;
    CHECK_FALSE(app.start(error));
    CHECK(error.find("no-such-scenario") != std::string::npos);
}

TEST_CASE("dragging the border between the map and the side panel resizes them") {
    Desk desk;
    EditorApp app(desk.options());
    std::string error;
    REQUIRE(app.start(error));
    ImGuiTestContext imgui(ImVec2(1440, 900));
    imgui.rawFrame([&] { app.drawFrame(); });
    ImGuiWindow* side = ImGui::FindWindowByName("side");
    REQUIRE(side);
    const float before = side->Pos.x;
    // Press on the border, drag 200 pixels left, release.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(before, 400);
    imgui.rawFrame([&] { app.drawFrame(); });
    io.MouseDown[0] = true;
    imgui.rawFrame([&] { app.drawFrame(); });
    io.MousePos = ImVec2(before - 200, 400);
    imgui.rawFrame([&] { app.drawFrame(); });
    io.MouseDown[0] = false;
    imgui.rawFrame([&] { app.drawFrame(); });
    imgui.rawFrame([&] { app.drawFrame(); });
    CHECK(side->Pos.x == doctest::Approx(before - 200).epsilon(0.02));
}
