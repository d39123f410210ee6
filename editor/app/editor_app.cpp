// The EditorApp's verbs. Index: construction and start · files · autosave and recovery · the
// host's questions. Drawing is in editor_frame.cpp, automation in editor_automation.cpp.
#include "app/editor_app.hpp"

#include "core/diagnostic.hpp"
#include "model/scenario_template.hpp"

#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace haven::editor {
namespace fs = std::filesystem;

namespace {

// How often unsaved work is written to the recovery file.
constexpr std::chrono::seconds kAutosaveEvery{3};

}  // namespace

// ------------------------------------------------------------------- construction and start

EditorApp::EditorApp(EditorOptions options)
    : options_(std::move(options)), recovery_(Recovery::defaultFolder()), recent_(RecentFiles::defaultPath()),
      backups_(Backups::defaultFolder()) {
    context_.textures = &textures_;
}

bool EditorApp::start(std::string& error) {
    std::string warning;
    settings_ = loadSettings(defaultSettingsPath(), warning);
    if (!warning.empty()) std::cerr << "haven-editor: warning: " << warning << "\n";
    if (options_.theme) settings_.theme = *options_.theme;
    if (options_.textScale) settings_.textScalePercent = *options_.textScale;

    if (options_.newFromTemplate) adopt(Document(newFromTemplate()));
    if (!options_.path.empty() && !openPath(options_.path)) {
        error = message_;
        return false;
    }
    offers_ = recovery_.orphans();
    return runAutomation(error);
}

// ------------------------------------------------------------------------------------ files

std::string EditorApp::firstError(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error) return format(d);
    return diagnostics.empty() ? "unknown error" : format(diagnostics.front());
}

void EditorApp::request(Pending action, std::string path) {
    if (document_ && document_->dirty()) {
        pending_ = action;
        pendingPath_ = std::move(path);
        confirmOpen_ = true;
        return;
    }
    carryOut(action, path);
}

void EditorApp::carryOut(Pending action, const std::string& path) {
    switch (action) {
        case Pending::New:
            closeDocument();
            adopt(Document(newFromTemplate()));
            break;
        case Pending::Open:
            openPath(path);
            break;
        case Pending::Quit:
            closeDocument();
            quit_ = true;
            break;
        case Pending::None:
            break;
    }
}

bool EditorApp::openPath(const std::string& path) {
    OpenResult opened = Document::open(path);
    if (!opened.document) {
        message_ = "Cannot open " + path + ":\n" + firstError(opened.diagnostics);
        return false;
    }
    closeDocument();
    adopt(std::move(*opened.document));
    std::string error;
    if (!recent_.add(document_->file(), error)) std::cerr << "haven-editor: warning: " << error << "\n";
    // Unsaved work of an editor that stopped on this very file comes first.
    if (auto orphan = recovery_.orphanFor(document_->file())) {
        std::erase_if(offers_, [&](const RecoveryEntry& e) { return e.noteFile == orphan->noteFile; });
        offers_.insert(offers_.begin(), *orphan);
    }
    return true;
}

void EditorApp::adopt(Document document) {
    document_.emplace(std::move(document));
    context_ = EditorContext{};
    context_.document = &*document_;
    context_.textures = &textures_;
    inspectorEditing_ = false;
    textures_.clear();
    // A new document gets fresh panels: a view of its own map, its own problems and word list.
    map_ = MapView{};
    problems_ = ProblemsPanel();
    find_ = FindPanel();
    playtest_.stop();
    autosavedRevision_ = document_->revision();
    statsRevision_.reset();
    // A scenario nobody has arranged yet gets a map at once (not an undo step of the author's).
    bool placed = false;
    for (const auto& node : document_->scenario().nodes) placed = placed || node.position.has_value();
    if (!placed && !document_->scenario().nodes.empty()) {
        const bool wasClean = !document_->dirty();
        map_.arrangeAll(context_);
        if (wasClean) document_->history().markClean();
    }
}

bool EditorApp::save() {
    if (!document_) return false;
    if (!document_->hasFile()) {
        openPicker(PickerUse::SaveAs);
        return false;
    }
    std::string error;
    if (!backups_.keep(document_->file(), error)) std::cerr << "haven-editor: warning: " << error << "\n";
    if (!document_->save(error)) {
        message_ = "Not saved: " + error + "\nYour changes are still here and in the recovery file.";
        autosave(true);
        return false;
    }
    recovery_.discard(*document_);
    autosavedRevision_ = document_->revision();
    context_.notice = "Saved " + document_->file();
    return true;
}

bool EditorApp::saveAs(const std::string& folder) {
    if (!document_) return false;
    recovery_.discard(*document_);  // keyed by the old file; rewritten below if the save fails
    std::string error;
    if (!document_->saveAs(folder, error)) {
        message_ = "Not saved: " + error;
        autosave(true);
        return false;
    }
    if (!recent_.add(document_->file(), error)) std::cerr << "haven-editor: warning: " << error << "\n";
    autosavedRevision_ = document_->revision();
    context_.notice = "Saved " + document_->file();
    return true;
}

void EditorApp::discardAutomatedEdits() {
    if (document_) recovery_.discard(*document_);
}

void EditorApp::openPicker(PickerUse use) {
    const std::string folder = document_ ? document_->folder() : std::string();
    if (use == PickerUse::Open) picker_.open(FilePicker::Kind::Scenario, "Open a scenario", folder);
    else picker_.open(FilePicker::Kind::Folder, "Save as: choose or name a folder", folder);
    pickerUse_ = use;
}

void EditorApp::closeDocument() {
    if (document_) recovery_.discard(*document_);
    document_.reset();
    context_.document = nullptr;
}

// --------------------------------------------------------------------- autosave and recovery

void EditorApp::autosave(bool force) {
    if (!document_ || !document_->dirty()) return;
    if (!force && document_->revision() == autosavedRevision_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - lastAutosave_ < kAutosaveEvery) return;
    lastAutosave_ = now;
    std::string error;
    if (recovery_.write(*document_, error)) {
        autosavedRevision_ = document_->revision();
        autosaveError_.clear();
    } else {
        autosaveError_ = "Autosave failed: " + error;
    }
}

// ---------------------------------------------------------------------- the host's questions

void EditorApp::saveLook() {
    fontsDirty_ = true;
    // Theme and text size are the machine's, shared with the player: the file is read again so
    // what the player saved meanwhile (its last learner) is kept.
    std::string warning, error;
    Settings saved = loadSettings(defaultSettingsPath(), warning);
    saved.theme = settings_.theme;
    saved.textScalePercent = settings_.textScalePercent;
    if (!saveSettings(defaultSettingsPath(), saved, error)) context_.notice = "The look was not saved: " + error;
}

bool EditorApp::closeRequested() {
    request(Pending::Quit);
    return false;  // quit_ says when
}

bool EditorApp::takeFontRebuild() {
    bool dirty = fontsDirty_;
    fontsDirty_ = false;
    return dirty;
}

int EditorApp::idleTimeoutMs() const {
    // While there is unsaved work the loop wakes to autosave it; otherwise it sleeps.
    return document_ && document_->dirty() && document_->revision() != autosavedRevision_ ? 1000 : -1;
}

void EditorApp::tick() {
    autosave(false);
    const std::string title = windowTitle();
    if (title != lastTitle_) {
        ui::setWindowTitle(title);
        lastTitle_ = title;
    }
}

void EditorApp::holding() {
    autosave(true);  // tests kill the process after this line: the edits must be on disk
    std::cout << "haven-editor: holding (pid " << getpid() << ")" << std::endl;
}

std::string EditorApp::windowTitle() const {
    if (!document_) return "Haven Editor";
    std::string name = document_->scenario().title.empty() ? "Untitled scenario" : document_->scenario().title;
    return (document_->dirty() ? "● " : "") + name + " — Haven Editor";
}

}  // namespace haven::editor
