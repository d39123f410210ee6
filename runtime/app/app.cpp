// The App's state and verbs. Index: construction and start · the one input path · attempts
// (begin, resume, restart, leave) · library and learners · settings · the frame.
#include "app/app.hpp"

#include "app/cli.hpp"
#include "core/atomic_file.hpp"
#include "core/debrief_html.hpp"
#include "core/utc_time.hpp"
#include "core/scenario_cache.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <random>
#include <unistd.h>

namespace haven::app {
namespace fs = std::filesystem;

namespace {

std::uint64_t freshSeed() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

}  // namespace

// ------------------------------------------------------------------- construction and start

App::App(Options options) : options_(std::move(options)) {}
App::~App() = default;

bool App::start(std::string& error) {
    std::string warning;
    settingsPath_ = defaultSettingsPath();
    settings_ = loadSettings(settingsPath_, warning);
    if (!warning.empty()) std::cerr << "haven: warning: " << warning << "\n";
    if (options_.theme) settings_.theme = *options_.theme;
    if (options_.textScale) settings_.textScalePercent = std::clamp(*options_.textScale, 100, 200);

    store_ = RecordStore::open(RecordStore::defaultPath(), storeError_);
    if (!store_) {
        std::cerr << "haven: warning: " << storeError_ << "; attempts will not be saved\n";
        notice_ = "Your attempts cannot be saved on this computer: " + storeError_;
    }

    // The learner: named on the command line, else the last one on this machine, else (for a
    // scenario opened from the command line) a guest, else the learner screen.
    try {
        if (store_) learners_ = store_->learners();
        if (store_ && !options_.learnerName.empty()) {
            auto found = store_->findLearner(options_.learnerName);
            chooseLearner(found ? *found : store_->createLearner(options_.learnerName));
        } else if (store_ && !settings_.lastLearnerId.empty()) {
            if (auto found = store_->findLearner(settings_.lastLearnerId)) chooseLearner(*found);
        }
        if (!learner_ && store_ && !options_.scenarioPath.empty()) {
            auto guest = store_->findLearner("Guest");
            chooseLearner(guest ? *guest : store_->createLearner("Guest"));
        }
    } catch (const RecordError& e) {
        notice_ = e.what();
    }
    if (!learner_ && !store_) learner_ = Learner{"guest", "Guest", "", ""};
    screen_ = learner_ ? Screen::Library : Screen::Learner;
    loadLibrary();

    if (!options_.scenarioPath.empty()) {
        LoadResult loaded = openForPlay(options_.scenarioPath);
        if (!loaded.ok()) {
            cli::printDiagnostics(loaded.diagnostics, std::cerr);
            error = options_.scenarioPath + " cannot be played: it has errors (see above)";
            return false;
        }
        openScenario(*loaded.scenario);
        if (options_.mode) chosenMode_ = *options_.mode;
        if (options_.continueAttempt) {
            if (!chosenUnfinished_) {
                error = "there is no unfinished attempt of '" + chosen_->id + "' to continue";
                return false;
            }
            if (!resumeAttempt(*chosenUnfinished_, error)) return false;
        }
        if (!options_.inputFile.empty()) {
            std::vector<Input> inputs;
            Diagnostics diagnostics;
            if (!loadInputFile(options_.inputFile, inputs, diagnostics)) {
                cli::printDiagnostics(diagnostics, std::cerr);
                error = "cannot read the inputs in " + options_.inputFile;
                return false;
            }
            if (!attempt_ && !beginAttempt(chosenMode_, error)) return false;
            for (std::size_t i = 0; i < inputs.size(); ++i)
                if (!submit(inputs[i], error)) {
                    error = options_.inputFile + ": input " + std::to_string(i + 1) + ": " + error;
                    return false;
                }
            // A finished play-through shows what a trainee would open next: the debrief.
            if (attempt_->session->finished()) screen_ = Screen::Debrief;
        }
    }
    const std::string& show = options_.show;
    if (show == "play" && attempt_) screen_ = Screen::Play;
    if (show == "learner") screen_ = Screen::Learner;
    else if (show == "library") screen_ = Screen::Library;
    else if (show == "break") screen_ = Screen::Break;
    else if (show == "pause") openPause_ = attempt_ != nullptr;
    else if (show == "settings") openSettings_ = true;
    fontsDirty_ = true;
    return true;
}

// ---------------------------------------------------------------------- the one input path

bool App::submit(const Input& input, std::string& error) {
    if (!attempt_ || !attempt_->session) {
        error = "no attempt is in progress";
        return false;
    }
    Session& session = *attempt_->session;
    try {
        session.apply(input);
    } catch (const InputError& e) {
        error = e.what();
        return false;
    }
    // Saved before the result is shown: what the trainee sees confirmed survives a crash.
    try {
        if (store_ && attempt_->attemptId) {
            if (session.finished())
                store_->finishAttempt(attempt_->attemptId, session.inputs(), attempt_->notes, session.debrief());
            else
                store_->saveProgress(attempt_->attemptId, session.inputs(), attempt_->notes);
        }
    } catch (const RecordError& e) {
        notice_ = std::string("Your last answer could not be saved: ") + e.what();
        std::cerr << "haven: warning: " << e.what() << "\n";
    }
    afterInput();
    return true;
}

void App::undo() {
    Session& session = *attempt_->session;
    if (!session.canUndo()) return;
    session.undo();
    try {
        if (store_ && attempt_->attemptId) store_->saveProgress(attempt_->attemptId, session.inputs(), attempt_->notes);
    } catch (const RecordError& e) {
        notice_ = std::string("Taking the answer back could not be saved: ") + e.what();
    }
    afterInput();
}

void App::afterInput() {
    Session& session = *attempt_->session;
    Debrief debrief = session.debrief();
    attempt_->transcript = debrief.timeline;
    if (session.finished() && !attempt_->transcript.empty() && attempt_->transcript.back().kind == NodeType::Ending)
        attempt_->transcript.pop_back();  // the ending is shown as the current step
    attempt_->debrief = session.finished() ? std::optional<Debrief>(std::move(debrief)) : std::nullopt;
    attempt_->scrollFrames = 3;
    // The last person who spoke stays in view through narration, checklists and decisions; after a
    // resume that landed on one of those, the transcript says who it was.
    const Step& step = session.step();
    if (!step.speaker.empty()) {
        attempt_->lastSpeaker = {step.speaker, step.mood, portraitPath(step)};
    } else if (attempt_->lastSpeaker.id.empty()) {
        for (auto entry = attempt_->transcript.rbegin(); entry != attempt_->transcript.rend(); ++entry) {
            auto character = std::find_if(attempt_->scenario->characters.begin(), attempt_->scenario->characters.end(),
                                          [&](const Character& c) { return !entry->speaker.empty() && c.name == entry->speaker; });
            if (character == attempt_->scenario->characters.end()) continue;
            Step spoken;
            spoken.speaker = character->id;
            attempt_->lastSpeaker = {character->id, "", portraitPath(spoken)};
            break;
        }
    }
    for (const auto& warning : session.step().warnings) std::cerr << "haven: warning: " << warning << "\n";
}

// ---------------------------------------------------------------------------------- attempts

bool App::beginAttempt(Mode mode, std::string& error) {
    if (!chosen_) {
        error = "no scenario is open";
        return false;
    }
    auto playing = std::make_unique<Playing>();
    playing->scenario = std::make_unique<Scenario>(*chosen_);
    playing->scenario->buildIndex();
    std::uint64_t seed = options_.seed.value_or(options_.inputFile.empty() ? freshSeed() : 1);
    playing->session = std::make_unique<Session>(*playing->scenario, mode, seed);
    playing->started = utcNow("%Y-%m-%d %H:%M UTC");
    if (store_ && learner_) {
        Attempt record;
        record.learnerId = learner_->id;
        record.scenarioId = chosen_->id;
        record.scenarioTitle = chosen_->title;
        record.scenarioHash = chosen_->contentHash;
        record.scenarioFolder = fs::absolute(chosen_->folder).lexically_normal().string();
        record.mode = mode;
        record.seed = seed;
        try {
            playing->attemptId = store_->startAttempt(record);
        } catch (const RecordError& e) {
            notice_ = std::string("This attempt cannot be saved: ") + e.what();
        }
    }
    attempt_ = std::move(playing);
    exportedPath_.clear();
    afterInput();
    screen_ = Screen::Play;
    chosenUnfinished_.reset();
    return true;
}

bool App::resumeAttempt(const Attempt& record, std::string& error) {
    if (!chosen_ || chosen_->id != record.scenarioId) {
        error = "the scenario of this attempt is not open";
        return false;
    }
    if (record.scenarioHash != chosen_->contentHash) {
        error = "this scenario has changed since the attempt was started, so it cannot be continued exactly; "
                "please start again";
        return false;
    }
    auto playing = std::make_unique<Playing>();
    playing->scenario = std::make_unique<Scenario>(*chosen_);
    playing->scenario->buildIndex();
    playing->session = std::make_unique<Session>(*playing->scenario, record.mode, record.seed);
    try {
        for (const auto& input : record.inputs) playing->session->apply(input);
    } catch (const InputError& e) {
        error = std::string("this attempt cannot be replayed (") + e.what() + "); please start again";
        return false;
    }
    playing->attemptId = record.id;
    playing->notes = record.notes;
    playing->started = record.started;
    attempt_ = std::move(playing);
    exportedPath_.clear();
    afterInput();
    screen_ = attempt_->session->finished() ? Screen::Debrief : Screen::Play;
    chosenMode_ = record.mode;
    chosenUnfinished_.reset();
    return true;
}

void App::restartAttempt() {
    if (!attempt_) return;
    Mode mode = attempt_->session->mode();
    saveNotes();
    std::string error;
    if (!beginAttempt(mode, error)) notice_ = error;
}

void App::leaveAttempt(Screen to) {
    saveNotes();
    if (to != Screen::Break) {
        attempt_.reset();
        loadLibrary();
    }
    screen_ = to;
}

void App::saveNotes() {
    if (!attempt_ || !store_ || !attempt_->attemptId) return;
    try {
        const Session& session = *attempt_->session;
        if (session.finished() && attempt_->debrief)
            store_->finishAttempt(attempt_->attemptId, session.inputs(), attempt_->notes, *attempt_->debrief);
        else
            store_->saveProgress(attempt_->attemptId, session.inputs(), attempt_->notes);
    } catch (const RecordError& e) {
        notice_ = std::string("Your notes could not be saved: ") + e.what();
    }
}

std::string App::dataFolder() const {
    return fs::path(RecordStore::defaultPath()).parent_path().string();
}

void App::exportDebrief() {
    if (!attempt_ || !attempt_->debrief) return;
    DebriefHtmlContext context;
    if (learner_) {
        context.learnerName = learner_->displayName;
        context.learnerId = learner_->id;
    }
    context.date = attempt_->started;
    context.notes = attempt_->notes;
    std::string html = debriefHtml(*attempt_->debrief, *attempt_->scenario, context);
    fs::path folder = fs::path(dataFolder()) / "debriefs";
    std::error_code ec;
    fs::create_directories(folder, ec);
    std::string name = attempt_->scenario->id + "-" + (learner_ ? learner_->id : "guest") + "-" +
                       std::to_string(attempt_->attemptId) + ".html";
    std::string error;
    std::string path = (folder / name).string();
    if (writeFileAtomically(path, html, error)) exportedPath_ = path;
    else notice_ = "The debrief could not be exported: " + error;
}

std::string App::portraitPath(const Step& step) const {
    if (!attempt_ || step.speaker.empty()) return "";
    return attempt_->scenario->portraitFile(step.speaker, step.mood);
}

// ----------------------------------------------------------------------- library and learners

void App::chooseLearner(const Learner& learner) {
    learner_ = learner;
    if (store_) {
        try {
            store_->touchLearner(learner.id);
        } catch (const RecordError& e) {
            notice_ = e.what();
        }
    }
    if (settings_.lastLearnerId != learner.id) {
        settings_.lastLearnerId = learner.id;
        saveSettings();
    }
    screen_ = Screen::Library;
    loadLibrary();
}

void App::loadLibrary() {
    if (libraryFolder_.empty()) {
        libraryFolder_ = cli::libraryFolder();
        library_.clear();
        librarySkipped_.clear();
        for (const auto& path : cli::expandScenarioPaths({libraryFolder_})) {
            LoadResult result = openForPlay(path);
            if (result.ok()) library_.push_back({std::move(*result.scenario), std::nullopt, std::nullopt, 0});
            else librarySkipped_.push_back(path);
        }
        std::stable_sort(library_.begin(), library_.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
            // The tutorial first: it is where everyone should begin.
            return (a.scenario.id == "tutorial") > (b.scenario.id == "tutorial");
        });
    }
    std::vector<Attempt> attempts;
    if (store_ && learner_) {
        try {
            attempts = store_->attempts(learner_->id);
        } catch (const RecordError& e) {
            notice_ = e.what();
        }
    }
    for (auto& entry : library_) {
        entry.unfinished.reset();
        entry.best.reset();
        entry.finishedCount = 0;
        for (const auto& attempt : attempts) {  // newest first
            if (attempt.scenarioId != entry.scenario.id) continue;
            if (attempt.finished.empty()) {
                if (!entry.unfinished) entry.unfinished = attempt;
            } else if (attempt.score) {
                ++entry.finishedCount;
                if (!entry.best || attempt.score->scaled > entry.best->scaled) entry.best = attempt.score;
            }
        }
    }
}

void App::openScenario(const Scenario& scenario) {
    chosen_ = scenario;
    chosen_->buildIndex();
    chosenUnfinished_.reset();
    if (store_ && learner_) {
        try {
            chosenUnfinished_ = store_->unfinished(learner_->id, scenario.id);
        } catch (const RecordError& e) {
            notice_ = e.what();
        }
    }
    if (chosenUnfinished_) chosenMode_ = chosenUnfinished_->mode;
    screen_ = Screen::BeforeStart;
}

// ---------------------------------------------------------------------------------- settings

void App::saveSettings() {
    std::string error;
    Settings saved = settings_;
    if (!haven::saveSettings(settingsPath_, saved, error)) std::cerr << "haven: warning: " << error << "\n";
}

bool App::takeFontRebuild() {
    bool dirty = fontsDirty_;
    fontsDirty_ = false;
    return dirty;
}

bool App::takeFullscreenChange(bool& fullscreen) {
    fullscreen = settings_.fullscreen;
    bool dirty = fullscreenDirty_;
    fullscreenDirty_ = false;
    return dirty;
}


void App::holding() {
    // Tests wait for this line, then may kill the process: every confirmed input is saved.
    std::cout << "haven: holding (pid " << getpid() << ")" << std::endl;
}

// --------------------------------------------------------------------------------- the frame

void App::drawFrame() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Haven", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                     ImGuiWindowFlags_NoScrollWithMouse);
    drawTopBar();
    ImGui::BeginChild("screen", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    switch (screen_) {
    case Screen::Learner: drawLearner(); break;
    case Screen::Library: drawLibrary(); break;
    case Screen::BeforeStart: drawBeforeStart(); break;
    case Screen::Play: drawPlay(); break;
    case Screen::Debrief: drawDebrief(); break;
    case Screen::Break: drawBreak(); break;
    }
    ImGui::EndChild();
    drawPause();
    drawSettings();
    ImGui::End();
}

}  // namespace haven::app
