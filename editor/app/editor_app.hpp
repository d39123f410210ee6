// The editor's state and verbs: the document, its panels, files (new, open, save, save as,
// recent), the confirmation before unsaved work is dropped, autosave and recovery, and the
// automation flags. Panels draw (one file each); the app decides where and when.
#pragma once

#include "app/context.hpp"
#include "app/editor_options.hpp"
#include "app/file_picker.hpp"
#include "app/find_panel.hpp"
#include "app/inspector.hpp"
#include "app/map_view.hpp"
#include "app/playtest_view.hpp"
#include "app/problems_panel.hpp"
#include "app/scenario_panel.hpp"
#include "core/settings.hpp"
#include "model/backups.hpp"
#include "model/document.hpp"
#include "model/recent_files.hpp"
#include "model/recovery.hpp"
#include "model/text_search.hpp"
#include "ui/texture_cache.hpp"
#include "ui/window_host.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace haven::editor {

class EditorApp final : public ui::HostedApp {
public:
    // Folders default to the user's (Recovery::defaultFolder, RecentFiles::defaultPath).
    explicit EditorApp(EditorOptions options);

    // Opens the file or template the command line names, finds recovery files, and runs the
    // automation flags. False with `error` only when automation cannot do what it was asked.
    bool start(std::string& error);

    // ui::HostedApp
    void drawFrame() override;
    bool quitRequested() const override { return quit_; }
    bool closeRequested() override;
    bool takeFontRebuild() override;
    const Settings& settings() const override { return settings_; }
    int idleTimeoutMs() const override;
    void tick() override;
    void holding() override;

    const std::optional<Document>& document() const { return document_; }
    // A --screenshot run's edits were only there to be pictured: their recovery file goes.
    void discardAutomatedEdits();
    std::string windowTitle() const;

private:
    // files
    enum class Pending { None, New, Open, Quit };
    void request(Pending action, std::string path = {});  // asks first when there is unsaved work
    void carryOut(Pending action, const std::string& path);
    bool openPath(const std::string& path);
    void adopt(Document document);
    bool save();
    bool saveAs(const std::string& folder);
    enum class PickerUse { None, Open, SaveAs };
    void openPicker(PickerUse use);  // the file picker, to open a scenario or to save as
    void closeDocument();  // the author chose to drop it: its recovery file goes too
    void autosave(bool force);
    static std::string firstError(const Diagnostics& diagnostics);

    // the frame (editor_frame.cpp)
    void drawMenuBar();
    void drawWelcome();
    void drawWorkspace();
    void drawStatusBar(float height);
    void drawConfirmClose();
    void drawRecoveryOffer();
    void handleShortcuts();
    void startPlaytest(const std::string& fromNode);
    void saveLook();  // View menu: theme and text size, rebuilt now and kept for next time

    // automation (editor_automation.cpp)
    bool runAutomation(std::string& error);
    bool applySet(const std::string& field, const std::string& value, std::string& error);

    EditorOptions options_;
    Settings settings_;
    std::optional<Document> document_;
    EditorContext context_;
    ui::TextureCache textures_;
    Recovery recovery_;
    RecentFiles recent_;
    Backups backups_;

    MapView map_;
    Inspector inspector_;
    ScenarioPanel scenarioPanel_;
    ProblemsPanel problems_;
    FindPanel find_;
    PlaytestView playtest_;
    FilePicker picker_;
    PickerUse pickerUse_ = PickerUse::None;

    Pending pending_ = Pending::None;
    std::string pendingPath_;
    bool confirmOpen_ = false;
    std::vector<RecoveryEntry> offers_;  // recovery files found at start, offered one by one

    std::uint64_t autosavedRevision_ = 0;
    std::chrono::steady_clock::time_point lastAutosave_{};
    std::string autosaveError_;
    std::string lastTitle_;
    TextStats stats_;  // for the status bar, recounted when the revision changes
    std::optional<std::uint64_t> statsRevision_;  // none until first counted
    std::string message_;  // an error to show in a popup (failed save, failed open)
    float sideFraction_ = 0.36f;      // of the window's width: the side panel (a draggable border)
    float problemsFraction_ = 0.24f;  // of the workspace's height: the problems strip
    std::vector<std::size_t> inspected_;  // the node(s) the inspector shows (see drawWorkspace)
    bool inspectorEditing_ = false;       // one of its fields had the keyboard last frame
    bool fontsDirty_ = false;
    bool quit_ = false;
};

}  // namespace haven::editor
