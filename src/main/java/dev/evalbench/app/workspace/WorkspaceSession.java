package dev.evalbench.app.workspace;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workspace open in the window: its folder, the loaded and validated {@link Workspace} (null while it has
 * errors), its problems (every validation error with file, line and column) and its warnings. Every view that shows
 * the workspace reads this. Loading runs on the task runner; properties change on the FX thread only.
 */
public final class WorkspaceSession {
    private final TaskRunner runner;
    private final Map<String, String> env;
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObservableList<InputError> problems = FXCollections.observableArrayList();
    private final ObservableList<InputError> warnings = FXCollections.observableArrayList();
    private final ObjectProperty<dev.evalbench.core.record.CaseKey> caseInFocus =
            new SimpleObjectProperty<>(this, "caseInFocus");
    private java.util.function.Supplier<List<String>> unsavedFiles = List::of;
    private final List<java.util.function.Consumer<Path>> leaving = new java.util.ArrayList<>();
    private long generation;

    public WorkspaceSession(TaskRunner runner, Map<String, String> env) {
        this.runner = runner;
        this.env = env;
    }

    /**
     * Opens a workspace folder and loads it. When another one was open, {@link #onLeaving} hears of it first, while
     * the window still shows it as it was.
     */
    public void open(Path dir) {
        Path next = dir.toAbsolutePath().normalize();
        Path before = folder.get();
        if (before != null && !before.equals(next)) leaving.forEach(l -> l.accept(before));
        folder.set(next);
        reload();
    }

    /** Hears of the open workspace (its folder) about to be left for another, before anything of it closes. FX thread. */
    public void onLeaving(java.util.function.Consumer<Path> listener) {
        leaving.add(listener);
    }

    /**
     * A file of the workspace is being written here (a template saved): what is loaded is about to be out of date.
     * Reads as loading until the next {@link #reload()} ends, and a read already under way is dropped (it may
     * have read the file before the write). FX thread.
     */
    public void markStale() {
        generation++;
        loading.set(true);
    }

    /** Loads the open folder again (after an edit in the app or outside it); a newer load wins. */
    public void reload() {
        Path dir = folder.get();
        if (dir == null) return;
        long mine = ++generation;
        loading.set(true);
        BackgroundTask.of(() -> load(dir))
                .onSuccess(result -> {
                    if (mine != generation) return;
                    workspace.set(result.workspace());
                    problems.setAll(result.problems());
                    loading.set(false);
                })
                .executeWith(runner);
    }

    private LoadResult load(Path dir) {
        // One line, not "not found" for each file the workspace must have.
        if (!java.nio.file.Files.isDirectory(dir)) {
            return new LoadResult(null, List.of(new InputError(dir.toString(), 0, 0, GONE)));
        }
        try {
            return new LoadResult(Components.loadChecked(dir, env), List.of());
        } catch (WorkspaceException e) {
            return new LoadResult(null, e.errors());
        } catch (RuntimeException e) {
            return new LoadResult(null, List.of(new InputError(dir.toString(), 0, 0, String.valueOf(e.getMessage()))));
        }
    }

    private record LoadResult(Workspace workspace, List<InputError> problems) {}

    /** The one problem of a workspace folder that is not there any more. */
    static final String GONE = "the workspace folder is gone (moved or deleted): open it where it is now (Ctrl+O)";

    /**
     * The case the author last selected in a run's results (null: none yet): the template editors preview against
     * it when it is one of theirs, so the prompt being fixed is read with the case that failed.
     */
    public ObjectProperty<dev.evalbench.core.record.CaseKey> caseInFocusProperty() {
        return caseInFocus;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public Path folder() {
        return folder.get();
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public Workspace workspace() {
        return workspace.get();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Every problem of the last load, in the loader's order; empty when the workspace is valid. */
    public ObservableList<InputError> problems() {
        return problems;
    }

    /**
     * What the workspace loads with but should not (a prompt's text changed under a revision a stored run used),
     * each placed at the line to change; filled by whoever reads the run history, emptied while the workspace has
     * problems. FX thread only.
     */
    public ObservableList<InputError> warnings() {
        return warnings;
    }

    /**
     * The workspace's files (relative, as the tree names them) open in an editor with unsaved edits, in name order:
     * asked of the editors each time, by whatever runs the workspace (which runs the files as saved). FX thread only.
     */
    public List<String> unsavedFiles() {
        return unsavedFiles.get().stream().sorted().toList();
    }

    /** Where {@link #unsavedFiles()} asks: the open editors (none until the author's side of the window is installed). */
    public void setUnsavedFiles(java.util.function.Supplier<List<String>> editors) {
        this.unsavedFiles = editors;
    }

    public Map<String, String> env() {
        return env;
    }
}
