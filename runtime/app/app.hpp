// The player's state machine: which screen is showing, the learner, the library, the attempt in
// progress. Screens (screen_*.cpp) draw from it and call its verbs; every input a trainee gives
// — a click, a key, or a line of an --input file — goes through App::submit and nowhere else.
#pragma once

#include "core/records.hpp"
#include "core/scenario.hpp"
#include "core/session.hpp"
#include "core/settings.hpp"
#include "ui/texture_cache.hpp"
#include "ui/widgets.hpp"
#include "ui/window_host.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace haven::app {

// What the command line asked for (docs/player.md).
struct Options {
    std::string scenarioPath;       // --scenario: open this scenario (a folder anywhere)
    std::optional<Mode> mode;       // --mode
    std::string inputFile;          // --input: inputs fed through App::submit
    bool continueAttempt = false;   // --continue: resume the unfinished attempt first
    std::string learnerName;        // --learner: name or id; created when new
    std::string screenshotPath;     // --screenshot: write the resulting screen and exit
    bool hold = false;              // --hold: keep the window open after the inputs (tests)
    std::string show;               // --show learner|library|pause|settings|break|notes
    std::optional<Theme> theme;     // --theme (this run only)
    std::optional<int> textScale;   // --text-size percent (this run only)
    std::optional<std::uint64_t> seed;
    int width = 1280, height = 800;
};

enum class Screen { Learner, Library, BeforeStart, Play, Debrief, Break };

struct LibraryEntry {
    Scenario scenario;
    std::optional<Attempt> unfinished;
    std::optional<AttemptScore> best;
    int finishedCount = 0;
};

// The attempt being played: the session and what the screen keeps beside it.
struct Playing {
    std::unique_ptr<Scenario> scenario;  // the Session keeps a reference: a stable address
    std::unique_ptr<Session> session;
    std::int64_t attemptId = 0;          // 0 when records are unavailable
    std::string notes;
    std::vector<TimelineEntry> transcript;
    std::optional<Debrief> debrief;      // once finished
    ui::Selection selection;
    struct Speaker {
        std::string id, mood, portrait;
    } lastSpeaker;
    int scrollFrames = 3;  // scroll the current step into view for this many frames
    std::string started;
};

class App final : public ui::HostedApp {
public:
    explicit App(Options options);
    ~App();

    // Opens the records and settings, loads the library, picks the learner and, for automation,
    // opens the scenario and feeds the inputs. False (with `error`) only for automation failures.
    bool start(std::string& error);

    void drawFrame() override;  // one frame of the whole UI, inside ImGui::NewFrame/Render

    // The one path for a trainee's input: apply to the session, save, show the result.
    bool submit(const Input& input, std::string& error);

    // The loop asks these between frames.
    bool quitRequested() const override { return quit_; }
    bool takeFontRebuild() override;  // text size changed
    bool takeFullscreenChange(bool& fullscreen) override;
    const Settings& settings() const override { return settings_; }
    void holding() override;
    const Options& options() const { return options_; }

private:
    // screens (one file each)
    void drawTopBar();
    void drawLearner();
    void drawLibrary();
    void drawBeforeStart();
    void drawPlay();
    void drawDebrief();
    void drawBreak();
    void drawPause();
    void drawSettings();

    // verbs
    void chooseLearner(const Learner& learner);
    void loadLibrary();
    void openScenario(const Scenario& scenario);       // → before you start
    bool beginAttempt(Mode mode, std::string& error);  // a new attempt of `chosen_`
    bool resumeAttempt(const Attempt& attempt, std::string& error);
    void restartAttempt();
    void leaveAttempt(Screen to);  // saves notes and goes to `to`
    void saveNotes();
    void undo();  // practice: "try another way"; saved like any input
    void afterInput();
    void exportDebrief();
    void saveSettings();
    std::string portraitPath(const Step& step) const;
    std::string dataFolder() const;

    Options options_;
    std::unique_ptr<RecordStore> store_;
    std::string storeError_;
    std::string settingsPath_;
    Settings settings_;
    std::optional<Learner> learner_;
    std::vector<Learner> learners_;
    std::string libraryFolder_;
    std::vector<LibraryEntry> library_;
    std::vector<std::string> librarySkipped_;
    std::optional<Scenario> chosen_;       // the scenario on the before-you-start screen
    std::optional<Attempt> chosenUnfinished_;
    Mode chosenMode_ = Mode::Practice;
    std::unique_ptr<Playing> attempt_;
    Screen screen_ = Screen::Learner;
    ui::TextureCache textures_;

    // transient UI state
    std::string newLearnerName_;
    std::string search_;
    int audienceFilter_ = 0;  // 0 = all
    std::string notice_;      // one calm line under the top bar
    std::string exportedPath_;
    bool openPause_ = false, openSettings_ = false;
    bool fontsDirty_ = false, fullscreenDirty_ = false;
    bool quit_ = false;
};

}  // namespace haven::app
