package dev.evalbench.app.editor;

import dev.evalbench.app.editor.TemplateEditorModel.GuardChoice;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.service.ConfigFiles;
import dev.evalbench.core.service.EditRefusedException;
import dev.evalbench.core.text.LineEnds;
import dev.evalbench.core.text.Utf8Files;
import dev.evalbench.core.workspace.InputError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The view model of a configuration file's editor (the manifest, gates, policy, routes, an output schema): its text,
 * whether it has unsaved edits, the problems the edits would add to the workspace (checked as the author types, one
 * check at a time, the last text always checked), saving it ({@link ConfigFiles#save}: refused, nothing written, while
 * the edits add a problem), the file changing on disk, and the guard against losing edits. Every read, check and
 * write goes through the task runner. Edits kept at a stop nobody was asked about are offered when it opens again, as a
 * template's are ({@link KeptEditsOffer}). UI thread only.
 */
public final class ConfigFileModel implements KeptEditsBar.FileOffering {
    private final TaskRunner runner;
    private final Path workspace;
    private final String file;
    private final Map<String, String> env;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper savedText = new ReadOnlyStringWrapper(this, "savedText", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(this, "writing");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final javafx.beans.property.BooleanProperty revisionReused =
            new javafx.beans.property.SimpleBooleanProperty(this, "revisionReused");
    private final ObservableList<InputError> problems = FXCollections.observableArrayList();
    private final ObservableList<dev.evalbench.core.compare.UnifiedLine> changes = FXCollections.observableArrayList();
    private final dev.evalbench.app.fx.LatestOnly diffs;
    private boolean checking;
    private boolean checkAgain;
    private Runnable afterSave = () -> { };
    private final Runnable saved;
    private final KeptEditsOffer offer;

    /**
     * @param saved run after each write (the window reads the workspace again at once, as after a template's save)
     * @param kept  where the workbench keeps unsaved edits at a stop nobody was asked about; null: none offered
     */
    public ConfigFileModel(TaskRunner runner, Path workspace, String file, Map<String, String> env, Runnable saved,
                           KeptEdits kept) {
        this.offer = new KeptEditsOffer(runner, kept, workspace.resolve(file));
        this.runner = runner;
        this.workspace = workspace;
        this.file = file;
        this.env = env;
        this.saved = saved;
        this.diffs = new dev.evalbench.app.fx.LatestOnly(runner);
        text.addListener((o, was, now) -> {
            dirty.set(!now.equals(savedText.get()));
            notice.set(""); // said of the text before this edit ("Saved …", "Not saved: … below")
            check();
        });
        savedText.addListener((o, was, now) -> dirty.set(!text.get().equals(now)));
    }

    /** What the file's read found: its text, and the edits kept for it at the last stop (null: none). */
    private record Opened(String text, KeptEdits.Kept kept) {}

    /**
     * Reads the file (with {@code \n} line ends, as the text area holds it; a save writes the ends it had), and offers
     * the edits kept for it at the last stop, if any ({@link #offeredProperty()}).
     */
    public void open() {
        BackgroundTask.of(() -> {
            String read = LineEnds.toLf(Utf8Files.read(path()));
            return new Opened(read, offer.find(read));
        }).onSuccess(opened -> {
            savedText.set(opened.text());
            text.set(opened.text());
            offer.offer(opened.kept());
        }).onFailure(e -> notice.set("Cannot read " + file + ": " + e.getMessage())).executeWith(runner);
    }

    /** The offered edits replace the text (unsaved, as they were); they are no longer kept. */
    @Override
    public void restoreKept() {
        offer.restore(text::set, notice::set);
    }

    /** The offered edits are thrown away; the text stays as the file holds it. */
    @Override
    public void discardKept() {
        offer.discard(notice::set);
    }

    /**
     * Checks the text against the workspace off the UI thread: the problems it would add. One check runs at a time;
     * text typed meanwhile is checked once it ends, as it then is, and a result for a text no longer shown is dropped.
     * Text as saved adds nothing: its problems are the workspace's, in the Problems panel.
     */
    private void check() {
        if (!dirty.get()) {
            problems.clear();
            refused.set(false);
            return;
        }
        if (checking) {
            checkAgain = true;
            return;
        }
        checking = true;
        String checked = text.get();
        BackgroundTask.of(() -> ConfigFiles.problemsAdded(workspace, file, checked, env)).onSuccess(added -> {
            if (checked.equals(text.get()) && dirty.get()) showProblems(added);
            checkDone();
        }).onFailure(e -> {
            notice.set("Cannot check " + file + ": " + e.getMessage());
            checkDone();
        }).executeWith(runner);
    }

    private void checkDone() {
        checking = false;
        if (checkAgain) {
            checkAgain = false;
            check();
        }
    }

    private void showProblems(List<InputError> added) {
        problems.setAll(added);
        if (added.isEmpty()) refused.set(false);
    }

    /**
     * Ctrl+S: writes the text once the workspace reads no worse for it. Refused, nothing written, while it would add a
     * problem (they are listed) or when the file changed on disk unseen; then the edits stay, unsaved.
     */
    public void save() {
        if (writing.get()) return;
        boolean newRevision = revisionReused.get();
        if (!dirty.get() && !newRevision) {
            notice.set("No edits to save: " + file + " reads as the file holds it.");
            return;
        }
        String written = text.get();
        String base = savedText.get();
        writing.set(true);
        BackgroundTask.of(() -> ConfigFiles.save(workspace, file, base, written, env, newRevision)).onSuccess(outcome -> {
            writing.set(false);
            if (outcome.isWritten()) {
                // A changed policy saved under its revision is written with the next one: the text shows it.
                savedText.set(outcome.written());
                text.set(outcome.written());
                refused.set(false);
                notice.set(outcome.revision() > 0 ? "Saved " + file + " as revision " + outcome.revision() + " (its text"
                        + " changed under revision " + (outcome.revision() - 1) + "). The next run reads it."
                        : "Saved " + file + ". The next run reads it.");
                saved.run();
                Runnable then = afterSave;
                afterSave = () -> { };
                then.run();
            } else {
                List<InputError> added = outcome.refused();
                showProblems(added);
                refused.set(true);
                notice.set("Not saved: the workspace would not run with " + file + " as it is here ("
                        + (added.size() == 1 ? "1 problem" : added.size() + " problems") + " below). Mend it, or Revert.");
                afterSave = () -> { };
            }
        }).onFailure(e -> {
            writing.set(false);
            afterSave = () -> { };
            notice.set(e instanceof EditRefusedException r ? "Not saved: " + r.getMessage()
                    : "Cannot save " + file + ": " + e.getMessage());
        }).executeWith(runner);
    }

    /**
     * True while the workspace warns that a stored run read another text of this file under the revision it gives (the
     * policy, edited outside the window): Ctrl+S then saves it as it is with the next revision, as the warning asks.
     * Set by whoever holds the workspace's warnings. FX thread.
     */
    public javafx.beans.property.BooleanProperty revisionReusedProperty() {
        return revisionReused;
    }

    /**
     * What the unsaved edits change in the file as saved, line by line with the words marked ({@link #changes()}),
     * computed off the UI thread (a newer text's diff wins); none without edits.
     */
    public void diffUnsaved() {
        String before = savedText.get();
        String after = text.get();
        if (before.equals(after)) {
            diffs.cancelPending();
            changes.clear();
            return;
        }
        diffs.submit(() -> dev.evalbench.core.compare.UnifiedLine.of(
                dev.evalbench.core.compare.OutputDiff.between(before, after).hunks(RevisionHistoryModel.CONTEXT)),
                changes::setAll, e -> notice.set("Cannot show the changes: " + e.getMessage()));
    }

    /** The last {@link #diffUnsaved} of the edits: the file as saved, then the edits. */
    public ObservableList<dev.evalbench.core.compare.UnifiedLine> changes() {
        return changes;
    }

    /** Drops the unsaved edits: the text is the file's again. */
    public void revert() {
        text.set(savedText.get());
        notice.set("");
    }

    /** The file changed on disk: reloads it unless the author has unsaved edits, which are kept (and said so). */
    public void diskChanged() {
        BackgroundTask.of(() -> LineEnds.toLf(Utf8Files.read(path()))).onSuccess(disk -> {
            if (disk.equals(savedText.get())) return;
            if (!dirty.get() || disk.equals(text.get())) {
                savedText.set(disk);
                text.set(disk);
                notice.set(file + " changed on disk and was read again.");
            } else {
                // The edits were made to another text: Ctrl+S now writes them over the file's, as the author was told.
                savedText.set(disk);
                notice.set(file + " changed on disk; your unsaved edits are kept (Save writes them over it, Revert"
                        + " takes the file's).");
            }
        }).onFailure(e -> notice.set(file + " can no longer be read: " + e.getMessage())).executeWith(runner);
    }

    /**
     * Runs {@code proceed} once the unsaved edits are dealt with: at once when there are none; otherwise as {@code ask}
     * decides: saved first (proceeding once written; a refused save stays, its problems shown), discarded, or
     * cancelled.
     */
    public void guard(Supplier<GuardChoice> ask, Runnable proceed) {
        GuardChoice.guard(dirty.get(), ask, proceed, then -> {
            afterSave = then;
            save();
        }, this::revert);
    }

    private Path path() {
        return workspace.resolve(file);
    }

    @Override public String file() { return file; }
    /** The file as an absolute path, as {@link KeptEdits} names it. */
    public Path absolutePath() { return path().toAbsolutePath(); }
    /** Edits kept for this file at the last stop nobody was asked about, offered until restored or discarded; null: none. */
    @Override public javafx.beans.property.ReadOnlyObjectProperty<KeptEdits.Kept> offeredProperty() {
        return offer.offeredProperty();
    }
    public StringProperty textProperty() { return text; }
    @Override public ReadOnlyStringProperty savedTextProperty() { return savedText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public boolean isDirty() { return dirty.get(); }
    public ReadOnlyBooleanProperty writingProperty() { return writing.getReadOnlyProperty(); }
    /** What the last action said: saved, refused and why, the file changed on disk; empty when nothing to say. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    /** Whether the last save was refused for the problems listed, until they are mended or the edits reverted. */
    public ReadOnlyBooleanProperty refusedProperty() { return refused.getReadOnlyProperty(); }
    /** The problems the unsaved text would add to the workspace, as the loader words them; empty without edits. */
    public ObservableList<InputError> problems() { return problems; }
}
