package dev.evalbench.app.author;

import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.app.workspace.WorkspaceSession;
import dev.evalbench.app.editor.TemplateEditorModel;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.WhileOnStage;
import dev.evalbench.app.workspace.ProblemsPanel;
import dev.evalbench.app.workspace.WorkspaceFileList;
import dev.evalbench.app.workspace.WorkspaceTreeView;
import dev.evalbench.app.workspace.WorkspaceWatcher;
import dev.evalbench.core.service.PromptRevisions;
import dev.evalbench.core.service.RequestException;
import dev.evalbench.core.service.StarterWorkspace;
import dev.evalbench.core.text.Utf8Files;
import dev.evalbench.core.workspace.InputError;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.WindowEvent;

/**
 * The prompt author's side of the window: the workspace tree, the problems panel, the open files (template
 * editor, dataset table, read-only views), reloading files changed outside the app, Ctrl+O and Ctrl+S, and
 * the guard that keeps unsaved edits from being lost on closing a tab, switching workspace or closing the
 * window. Wiring only; the views and view models live in app.workspace, app.editor and app.dataset.
 *
 * <p>Given the workbench's parts rather than the {@code Workbench} record, so this package does not depend on
 * the one that lists it ({@code WorkbenchApp.features()}): packages stay free of cycles.
 */
public final class AuthorFeature {
    private final AuthorParts wb;
    private WorkspaceTreeView tree;
    private OpenFiles files;
    private UnsavedEdits unsaved;
    private WorkspaceWatcher watcher;
    /** The workspace's files as the tree last listed them (FX thread). */
    private Listing shownListing;
    /** The folder the tree lists; another one is listed from its top. */
    private Path treeShows;

    private AuthorFeature(AuthorParts parts) {
        this.wb = parts;
    }

    /** Installs the author's views, shortcuts and guards into the window, keeping no edits across a stop. FX thread. */
    public static void install(TaskRunner runner, WorkspaceSession session, MainWindow window, java.util.Map<String, String> env) {
        install(runner, session, window, env, null);
    }

    /**
     * As {@link #install(TaskRunner, WorkspaceSession, MainWindow, java.util.Map)}; when the app is stopped without
     * anyone to ask (a signal), the unsaved edits of open templates are kept in {@code configFolder} (null: they
     * are lost) and offered when the template is opened again.
     */
    public static void install(TaskRunner runner, WorkspaceSession session, MainWindow window,
                               java.util.Map<String, String> env, java.nio.file.Path configFolder) {
        install(runner, session, window, env, configFolder, new java.util.ArrayList<>());
    }

    /**
     * As {@link #install(TaskRunner, WorkspaceSession, MainWindow, java.util.Map, java.nio.file.Path)}, keeping the
     * workspaces opened in {@code recentWorkspaces} (the settings' list, changed on the FX thread).
     */
    public static AuthorFeature install(TaskRunner runner, WorkspaceSession session, MainWindow window,
                                       java.util.Map<String, String> env, java.nio.file.Path configFolder,
                                       List<String> recentWorkspaces) {
        dev.evalbench.app.editor.KeptEdits kept =
                configFolder == null ? null : new dev.evalbench.app.editor.KeptEdits(configFolder);
        AuthorFeature feature = new AuthorFeature(new AuthorParts(runner, session, window, env, kept, recentWorkspaces));
        feature.install();
        return feature;
    }

    /**
     * Opens the dataset suite {@code suite} reads, as the workspace now reads it, on case {@code caseId}, with the case
     * open to edit; the status line says why not when the suite or the case is no longer there. FX thread.
     */
    public void editCase(String suite, String caseId) {
        var ws = wb.session().workspace();
        var spec = ws == null ? null : ws.suites().stream().filter(s -> s.name().equals(suite)).findFirst().orElse(null);
        if (spec == null) {
            wb.window().status(ws == null ? "The workspace is still being read (or has problems): edit case " + caseId
                    + " once it reads." : "Suite " + suite + " is no longer in evalbench.yaml: case " + caseId
                    + " has no dataset to edit.");
            return;
        }
        files.editCase(spec.dataset(), suite, caseId);
    }

    /**
     * Opens the gates file in its editor at gate {@code id}'s line (found off the FX thread); a gate the file no longer
     * has (edited since the run) opens the file, and the status line says so.
     */
    public void editGate(String id) {
        Path folder = wb.session().folder();
        if (folder == null) return;
        BackgroundTask.of(() -> dev.evalbench.core.service.ConfigFiles.gatePlace(folder, id)).onSuccess(place -> {
            if (!folder.equals(wb.session().folder())) return;
            if (place.line() == 0) wb.window().status("Gate " + id + " is not in " + place.file() + " now: it was edited"
                    + " since the run.");
            files.openAt(place.file(), place.line(), place.column());
        }).onFailure(e -> wb.window().status("Cannot open the gates file: " + e.getMessage())).executeWith(wb.runner());
    }

    private void install() {
        unsaved = new UnsavedEdits(() -> wb.window().scene().getWindow());
        files = new OpenFiles(wb, unsaved);
        // A run reads the files as saved: the launcher says which open files have edits it leaves out.
        wb.session().setUnsavedFiles(files::unsavedFiles);
        tree = new WorkspaceTreeView(new WorkspaceTreeView.Actions(files::open, this::showFolder, this::copyPath));
        tree.setHeader(new WorkspaceSwitcher(wb.runner(), wb.session(), wb.recentWorkspaces(), this::switchTo,
                this::chooseWorkspace, this::newWorkspace));
        wb.window().setWorkspaceView(tree);
        // The tree follows the file shown, as an editor's explorer does: the file a failing case opened is found there.
        wb.window().tabs().getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                files.fileOf(now).ifPresent(tree::reveal));
        wb.window().addBottomPanel(new ProblemsPanel(wb.session().problems(), wb.session().warnings(), this::openProblem));
        wb.session().folderProperty().addListener((o, was, now) -> workspaceOpened(now));
        wb.session().workspaceProperty().addListener((o, was, now) -> refreshTree());
        wb.session().problems().addListener((ListChangeListener<InputError>) c -> refreshTree());
        // A warning changes no file's name or revision: the rows are marked again from the listing shown.
        wb.session().warnings().addListener((ListChangeListener<InputError>) c -> showTree());
        wb.window().shortcuts().add(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), "Editor",
                "Save the template as a new revision (asks for a changelog line), the configuration file shown, or the case"
                        + " open in a dataset's tab",
                files::saveSelected);
        // The editor's own keys (its text area handles them), listed so that F1 says every key that works.
        wb.window().shortcuts().listOnly(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), "Editor",
                "Undo (back to the file as opened, no further)");
        wb.window().shortcuts().listOnly(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), "Editor",
                "Redo (Ctrl+Shift+Z too)");
        wb.window().shortcuts().listOnly(new KeyCodeCombination(KeyCode.TAB), "Editor",
                "Indent the line by two spaces (Shift+Tab takes them back); Enter keeps the line's indentation");
        // A dataset tab's table handles these itself (DatasetEditing), listed so that F1 says them.
        wb.window().shortcuts().listOnly(new KeyCodeCombination(KeyCode.F2), "Dataset",
                "Edit the selected case (Ctrl+S saves it, Esc cancels)");
        wb.window().shortcuts().listOnly(new KeyCodeCombination(KeyCode.INSERT), "Dataset", "Add a case");
        wb.window().shortcuts().listOnly(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), "Dataset",
                "Duplicate the selected case under the next id, to edit into a variant");
        wb.window().shortcuts().listOnly(new KeyCodeCombination(KeyCode.DELETE), "Dataset",
                "Delete the selected case (asks first)");
        wb.window().shortcuts().add(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), "Workspace",
                "Open another workspace folder", this::chooseWorkspace);
        wb.window().shortcuts().add(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), "Workspace",
                "New workspace: one that runs as it is, offline (evalbench init)", this::newWorkspace);
        wb.window().shortcuts().add(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Workspace", "Go to the workspace files (Enter opens the selected file, Shift+F10 its menu: Show in folder,"
                        + " Copy path)", () -> {
                    wb.window().revealLeftColumn();
                    tree.focusTree();
                });
        KeptWhileOpen keeper = wb.kept() == null ? null
                : new KeptWhileOpen(wb.kept(), wb.runner(), this::unsavedNow, () -> wb.session().workspace(), wb.env());
        if (keeper != null) wb.window().atStop(keeper::atStop);
        wb.window().tabMemory().whenReopened(this::openFilesWithKeptEdits);
        WhileOnStage.attach(wb.window().scene(), stage -> {
            // While the window runs, the edits are kept every few seconds too: a crash it never sees loses no more.
            javafx.animation.Timeline keeping = new javafx.animation.Timeline();
            if (keeper != null) {
                keeping.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.millis(KeptWhileOpen.everyMs()),
                        e -> keeper.keepNow()));
                keeping.setCycleCount(javafx.animation.Animation.INDEFINITE);
                keeping.play();
            }
            EventHandler<WindowEvent> guard = e -> {
                if (!files.anyUnsaved()) return;
                e.consume();
                files.leave(stage::close);
            };
            stage.setOnCloseRequest(guard);
            // the watcher's thread must not outlive the window (its callbacks would reach a closed runner)
            ChangeListener<Boolean> hidden = (s, wasShowing, showing) -> {
                if (!showing) stopWatching();
            };
            stage.showingProperty().addListener(hidden);
            return () -> {
                keeping.stop();
                stage.showingProperty().removeListener(hidden);
                if (stage.getOnCloseRequest() == guard) stage.setOnCloseRequest(null);
            };
        });
    }

    /**
     * The open editors' unsaved edits, gathered now (FX thread), for {@link KeptWhileOpen} to keep: a window closed by the
     * user has asked about them already; this is for a stop nobody could be asked about, or a crash.
     */
    private List<KeptWhileOpen.Unsaved> unsavedNow() {
        // Nothing to keep: return before the lambdas below, whose linking loads the editor's classes (a jar replaced
        // under the running window has none to give).
        List<TemplateEditorModel> dirty = files.dirtyEditors();
        List<dev.evalbench.app.editor.ConfigFileModel> configs = files.dirtyConfigs();
        var cases = files.dirtyCases();
        if (dirty.isEmpty() && configs.isEmpty() && cases.isEmpty()) return List.of();
        List<KeptWhileOpen.Unsaved> unsaved = new ArrayList<>(dirty.stream().map(editor -> new KeptWhileOpen.Unsaved(
                editor.absolutePath(), editor.textProperty().get(), editor.savedTextProperty().get(), null)).toList());
        configs.forEach(c -> unsaved.add(new KeptWhileOpen.Unsaved(c.absolutePath(), c.textProperty().get(),
                c.savedTextProperty().get(), null)));
        Path folder = wb.session().folder();
        cases.forEach((file, edit) -> {
            var typed = edit.typed();
            unsaved.add(new KeptWhileOpen.Unsaved(folder.resolve(file).toAbsolutePath(), typed.text(), typed.lineRead(),
                    typed.at()));
        });
        return unsaved;
    }

    /** The tree's "Show in folder": the desktop's file manager opens {@code folder} of the open workspace. */
    private void showFolder(String folder) {
        Path ws = wb.session().folder();
        if (ws != null) wb.window().openOnDesktop(ws.resolve(folder).normalize(), "in its file manager", wb.runner());
    }

    /** The tree's "Copy path": the full path of a workspace file or folder, as a terminal or another program wants it. */
    private void copyPath(String file) {
        Path ws = wb.session().folder();
        if (ws == null) return;
        String path = ws.resolve(file).normalize().toString();
        dev.evalbench.app.fx.CopyButton.toClipboard(path);
        wb.window().status("Copied " + path);
    }

    private void openProblem(InputError problem) {
        Path ws = wb.session().folder();
        if (ws == null) return;
        Path target = ws.resolve(problem.file()).normalize();
        if (!target.startsWith(ws)) {
            wb.window().status(problem.toString());
            return;
        }
        // A problem may name a folder ("prompts/: …"), which has no line to open at: it is said in the status line.
        BackgroundTask.of(() -> Files.isDirectory(target)).onSuccess(folder -> {
            if (folder) wb.window().status(problem.toString());
            else files.openProblem(ws.relativize(target).toString().replace('\\', '/'), problem);
        }).executeWith(wb.runner());
    }

    /**
     * Ctrl+O: a folder is chosen, unsaved edits are dealt with, then the workspace is opened (loaded off the FX
     * thread). The dialog is JavaFX's and reads the disk on the FX thread by design; the one check made here first
     * is the one JavaFX needs (an initial folder that no longer exists makes it refuse to open the dialog).
     */
    private void chooseWorkspace() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a workspace folder");
        Path now = wb.session().folder();
        if (now != null && now.getParent() != null && Files.isDirectory(now.getParent())) chooser.setInitialDirectory(now.getParent().toFile());
        File chosen = chooser.showDialog(wb.window().scene().getWindow());
        if (chosen != null) switchTo(chosen.toPath());
    }

    /**
     * "New workspace…" (Ctrl+N): asks for a folder, writes the starter workspace there ({@link StarterWorkspace}, as
     * {@code evalbench init} does) and opens it; the status bar says what was made, or why nothing was.
     */
    private void newWorkspace() {
        Path besides = wb.session().folder();
        Path home = dev.evalbench.core.io.UserHome.of(wb.env());
        // The suggested folder is one not taken, which the file system says: asked off the FX thread.
        BackgroundTask.of(() -> NewWorkspaceDialog.suggestion(besides, home))
                .onSuccess(suggested -> NewWorkspaceDialog.ask(wb.window().scene().getWindow(), suggested, home)
                        .ifPresent(this::createWorkspaceIn))
                .executeWith(wb.runner());
    }

    /** Writes the starter into {@code folder} on the task runner, then opens it. FX thread. */
    private void createWorkspaceIn(Path folder) {
        BackgroundTask.of(() -> StarterWorkspace.create(folder, null)).onSuccess(created -> {
            // Said once it is open: the switch clears what the status line said of the workspace left.
            switchTo(created.folder().toAbsolutePath().normalize(), () -> wb.window().status("Created workspace "
                    + created.name() + " in " + created.folder().toAbsolutePath() + ": Ctrl+R runs it offline; its prompt"
                    + " is prompts/classify.yaml"));
        }).onFailure(e -> wb.window().status("No workspace created: "
                + (e instanceof RequestException r ? r.reason() : e.getMessage()))).executeWith(wb.runner());
    }

    /** Opens {@code dir} once every unsaved edit of the current workspace is saved or discarded. */
    void switchTo(Path dir) {
        switchTo(dir, () -> { });
    }

    /** As {@link #switchTo(Path)}, then runs {@code opened}; neither when the author keeps the workspace open. */
    private void switchTo(Path dir, Runnable opened) {
        // The files' tabs close as the folder changes (workspaceOpened), after the session said it is leaving this
        // one: the tabs it had are remembered for coming back to it.
        files.leave(() -> {
            wb.session().open(dir);
            opened.run();
        });
    }

    private void stopWatching() {
        if (watcher != null) watcher.close();
        watcher = null;
    }

    private void workspaceOpened(Path dir) {
        stopWatching();
        files.closeAll();
        refreshTree();
        if (dir == null) return;
        BackgroundTask.of(() -> WorkspaceWatcher.start(dir, wb.runner(), this::changedOnDisk))
                .onSuccess(started -> {
                    if (dir.equals(wb.session().folder()) && wb.window().scene().getWindow() != null
                            && wb.window().scene().getWindow().isShowing()) watcher = started;
                    else started.close();
                })
                .onFailure(e -> wb.window().status("Files changed outside the app will not be noticed: " + e.getMessage()))
                .executeWith(wb.runner());
    }

    /**
     * Opens the files of the workspace that have edits kept from the last stop, so each offers them, over the tabs the
     * workspace had (once they are reopened): after a crash, which saves no layout, their tabs were not remembered, and
     * the edits waited unseen until the file was opened by hand.
     */
    private void openFilesWithKeptEdits() {
        Path dir = wb.session().folder();
        if (wb.kept() == null || dir == null) return;
        BackgroundTask.of(() -> wb.kept().filesUnder(dir)).onSuccess(kept -> {
            if (!dir.equals(wb.session().folder()) || kept.isEmpty()) return;
            Path root = dir.toAbsolutePath().normalize();
            List<String> named = kept.stream().map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
            named.forEach(files::open);
            wb.window().status("Unsaved edits of " + String.join(", ", named) + " were kept when the workbench last stopped:"
                    + " " + (named.size() == 1 ? "its tab offers them" : "their tabs offer them") + ".");
        }).onFailure(e -> { }).executeWith(wb.runner());
    }

    private void changedOnDisk(Set<String> changed) {
        wb.session().reload();
        files.diskChanged(changed);
        refreshTree();
    }

    private void refreshTree() {
        Path dir = wb.session().folder();
        if (dir == null) return;
        BackgroundTask.of(() -> {
            // A folder gone (moved or deleted) lists nothing; the Problems panel says why.
            List<WorkspaceFileList.Group> groups = Files.isDirectory(dir) ? WorkspaceFileList.of(dir) : List.of();
            Map<String, Integer> revisions = new HashMap<>();
            for (WorkspaceFileList.Group g : groups) {
                for (String f : g.files()) {
                    if (!OpenFiles.isPrompt(f)) continue;
                    try {
                        int rev = PromptRevisions.revisionOf(f, Utf8Files.read(dir.resolve(f)));
                        if (rev >= 0) revisions.put(f, rev);
                    } catch (IOException unread) {
                        // Deleted since the listing (the watcher's next notice lists the folder again), or not UTF-8
                        // (the Problems panel says so): listed without a revision, the other files with theirs.
                    }
                }
            }
            return new Listing(dir, groups, revisions);
        }).onSuccess(listing -> {
            if (!listing.dir().equals(wb.session().folder())) return;
            shownListing = listing;
            showTree();
        }).executeWith(wb.runner());
    }

    /** The last listing again, each file marked with what the Problems panel says of it now. FX thread. */
    private void showTree() {
        Listing listing = shownListing;
        if (listing == null || !listing.dir().equals(wb.session().folder())) return;
        Map<String, WorkspaceTreeView.Mark> marks = new HashMap<>();
        wb.session().problems().forEach(p -> marks.putIfAbsent(p.file(), new WorkspaceTreeView.Mark(p.toString(), false)));
        wb.session().warnings().forEach(w -> marks.putIfAbsent(w.file(), new WorkspaceTreeView.Mark(w.toString(), true)));
        boolean anotherFolder = !listing.dir().equals(treeShows);
        treeShows = listing.dir();
        tree.show(listing.groups(), listing.revisions(), marks);
        if (anotherFolder) tree.scrollToTop();
    }

    private record Listing(Path dir, List<WorkspaceFileList.Group> groups, Map<String, Integer> revisions) {}
}
