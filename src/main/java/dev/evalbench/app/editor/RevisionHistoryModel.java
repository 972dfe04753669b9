package dev.evalbench.app.editor;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.core.compare.OutputDiff;
import dev.evalbench.core.compare.UnifiedLine;
import dev.evalbench.core.service.PromptFileException;
import dev.evalbench.core.service.PromptHistory;
import dev.evalbench.core.service.PromptRevisions;
import dev.evalbench.core.service.PromptSaver;
import dev.evalbench.core.service.PromptVersion;
import dev.evalbench.core.workspace.InputError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The revision history of the file an editor shows: every version found (the file now, the runs' snapshots,
 * git), the diff between any two, and rolling back, which writes a NEW revision carrying the old template
 * (history is never rewritten). The history file and git are read through the task runner. UI thread only.
 */
public final class RevisionHistoryModel {
    /** Equal lines shown around each change. */
    static final int CONTEXT = 3;

    private final TemplateEditorModel editor;
    private final ObservableList<PromptVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<UnifiedLine> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffTitle = new ReadOnlyStringWrapper(this, "diffTitle", "");
    /** Why each version's text that does not load does not, by its sha256; set with {@link #versions}. */
    private Map<String, String> unloadable = Map.of();

    public RevisionHistoryModel(TemplateEditorModel editor) {
        this.editor = editor;
        editor.savedTextProperty().addListener((o, was, now) -> load());
    }

    /**
     * Reads every version again, and learns which of them do not load (a template that does not parse: one edited
     * outside the workbench, a run's snapshot of it). A diff shown before goes with the versions it was between:
     * "the file now" has moved on (a save, a rollback), and the list's selection is gone with the list.
     */
    public void load() {
        Path ws = editor.workspace();
        String file = editor.file();
        BackgroundTask.of(() -> {
                    List<PromptVersion> found = PromptHistory.of(ws, file);
                    Map<String, String> broken = new HashMap<>();
                    for (PromptVersion v : found) {
                        if (broken.containsKey(v.sha256())) continue;
                        try {
                            editor.refuseUnloadable(v.text());
                        } catch (PromptFileException e) {
                            InputError why = e.error();
                            broken.put(v.sha256(), (why.line() > 0 ? "line " + why.line() + ": " : "") + why.message());
                        }
                    }
                    return Map.entry(found, broken);
                })
                .onSuccess(found -> {
                    diff.clear();
                    diffTitle.set("");
                    unloadable = Map.copyOf(found.getValue());
                    versions.setAll(found.getKey());
                })
                .onFailure(e -> diffTitle.set("History unavailable: " + e.getMessage()))
                .executeWith(editor.runner());
    }

    /** Shows the diff from {@code older} to {@code newer}, line by line. */
    public void diff(PromptVersion older, PromptVersion newer) {
        show(older.text(), newer.text(), "r" + older.revision() + " (" + older.origin() + ")  →  r" + newer.revision()
                + " (" + newer.origin() + ")");
    }

    /**
     * Shows what the editor's unsaved edits change in the file as saved, line by line; says so when there are none.
     */
    public void diffUnsaved() {
        String saved = editor.savedTextProperty().get();
        String now = editor.textProperty().get();
        if (saved == null || saved.equals(now)) {
            diff.clear();
            diffTitle.set("No unsaved edits: the editor holds the file as saved.");
            return;
        }
        show(saved, now, "The file as saved  →  your unsaved edits");
    }

    /** The diff from {@code before} to {@code after}, computed off the UI thread, under {@code title}. */
    private void show(String before, String after, String title) {
        BackgroundTask.of(() -> UnifiedLine.of(OutputDiff.between(before, after).hunks(CONTEXT)))
                .onSuccess(lines -> {
                    diff.setAll(lines);
                    diffTitle.set(title);
                })
                .executeWith(editor.runner());
    }

    /**
     * Writes a new revision with {@code old}'s template parts; refused while the editor has unsaved edits, and
     * when those parts do not load (a template that does not parse), as a save of them would be.
     */
    public void rollback(PromptVersion old) {
        if (editor.isDirty()) {
            diffTitle.set("Save or discard your edits before rolling back.");
            return;
        }
        editor.writing(true);
        BackgroundTask.of(() -> PromptSaver.rollback(editor.workspace(), editor.file(), old, editor::refuseUnloadable))
                .onSuccess(written -> {
                    editor.writing(false);
                    editor.adoptSaved(written);
                    editor.tell("Rolled back to revision " + old.revision() + ": saved as revision "
                            + PromptRevisions.revisionOf(editor.file(), written) + " of " + editor.file() + ".");
                })
                .onFailure(e -> {
                    editor.writing(false);
                    diffTitle.set("Not rolled back: " + e.getMessage());
                })
                .executeWith(editor.runner());
    }

    public ObservableList<PromptVersion> versions() { return versions; }

    /**
     * Why {@code version}'s text does not load as this file ("line 71: …"), which also refuses a rollback to it;
     * empty when it loads. Known for the versions {@link #versions} holds.
     */
    public String problemOf(PromptVersion version) {
        return unloadable.getOrDefault(version.sha256(), "");
    }
    /** Whether the editor has unsaved edits ({@link #diffUnsaved} shows them). */
    public javafx.beans.property.ReadOnlyBooleanProperty editorDirtyProperty() { return editor.dirtyProperty(); }
    public ObservableList<UnifiedLine> diffLines() { return diff; }
    public ReadOnlyStringProperty diffTitleProperty() { return diffTitle.getReadOnlyProperty(); }
}
