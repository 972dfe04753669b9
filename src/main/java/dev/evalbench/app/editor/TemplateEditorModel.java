package dev.evalbench.app.editor;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.LatestOnly;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.PromptFileException;
import dev.evalbench.core.service.PromptRevisions;
import dev.evalbench.core.service.PromptSaver;
import dev.evalbench.core.service.UndefinedVariables;
import dev.evalbench.core.template.PromptRenderer;
import dev.evalbench.core.text.LineEnds;
import dev.evalbench.core.text.Utf8Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The view model of one prompt file's editor: its text (the whole YAML file, so comments and layout are the
 * author's), whether it has unsaved edits, the undefined variables and preview for the chosen case, saving a
 * new revision with a changelog line, and the guard against losing edits. Plain Java; every file read, write
 * and render goes through the task runner. UI thread only.
 */
public final class TemplateEditorModel implements KeptEditsBar.FileOffering {
    /** The answer to "save your edits?" when an editor with unsaved edits is about to go away. */
    public enum GuardChoice {
        SAVE, DISCARD, CANCEL;

        /**
         * An editor's guard: {@code proceed} at once when nothing is {@code dirty}; else as {@code ask} decides: saved
         * ({@code save} is given what to run once written), discarded and then proceeded, or cancelled (nothing).
         */
        static void guard(boolean dirty, java.util.function.Supplier<GuardChoice> ask, Runnable proceed,
                          java.util.function.Consumer<Runnable> save, Runnable discard) {
            if (!dirty) {
                proceed.run();
                return;
            }
            switch (ask.get()) {
                case SAVE -> save.accept(proceed);
                case DISCARD -> {
                    discard.run();
                    proceed.run();
                }
                case CANCEL -> { }
            }
        }
    }

    private final TaskRunner runner;
    private final Path workspace;
    private final String file;
    private final Map<String, String> env;
    private final LatestOnly analysis;
    private final PromptRenderer renderer = Components.renderer();
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper savedText = new ReadOnlyStringWrapper(this, "savedText", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ObservableList<CaseChoice> cases = FXCollections.observableArrayList();
    private final ObjectProperty<CaseChoice> chosenCase = new SimpleObjectProperty<>(this, "chosenCase");
    private final ObservableList<UndefinedVariables.Undefined> undefined = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper undefinedSummary = new ReadOnlyStringWrapper(this, "undefinedSummary", "");
    private final ReadOnlyStringWrapper fileProblem = new ReadOnlyStringWrapper(this, "fileProblem", "");
    private final javafx.beans.property.ReadOnlyIntegerWrapper problemLine =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "problemLine", 0);
    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(this, "writing");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    /** Whether the preview's restricted values are shown as the dataset keeps them; each case starts masked. */
    private final ReadOnlyBooleanWrapper previewRevealed = new ReadOnlyBooleanWrapper(this, "previewRevealed");
    /** Whether masking changed the preview: the chosen case has restricted values in it. */
    private final ReadOnlyBooleanWrapper previewMasked = new ReadOnlyBooleanWrapper(this, "previewMasked");
    private TemplateAnalysis lastAnalysis;
    /** The workspace's outbound mask, read with the cases; null until then. FX thread. */
    private dev.evalbench.core.mask.OutboundMask mask;
    private final StringProperty changelog = new SimpleStringProperty(this, "changelog", "");
    private final BooleanProperty askingChangelog = new SimpleBooleanProperty(this, "askingChangelog");
    private final BooleanProperty revisionReused = new SimpleBooleanProperty(this, "revisionReused");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final KeptEditsOffer offer;
    private Runnable afterSave = () -> {};

    /** An editor that keeps no edits across a stop. */
    public TemplateEditorModel(TaskRunner runner, Path workspace, String file, Map<String, String> env) {
        this(runner, workspace, file, env, null);
    }

    /**
     * @param kept where the workbench keeps unsaved edits when it is stopped without asking (a signal); the editor
     *     offers those of its file when it opens it. Null: none.
     */
    public TemplateEditorModel(TaskRunner runner, Path workspace, String file, Map<String, String> env, KeptEdits kept) {
        this.runner = runner;
        this.workspace = workspace;
        this.file = file;
        this.env = env;
        this.offer = new KeptEditsOffer(runner, kept, workspace.resolve(file));
        this.analysis = new LatestOnly(runner);
        text.addListener((o, was, now) -> {
            dirty.set(!now.equals(savedText.get()));
            // Said of the text before this edit: it would stand beside "unsaved edits".
            if (notice.get().equals(noEdits())) notice.set("");
        });
        savedText.addListener((o, was, now) -> dirty.set(!text.get().equals(now)));
        chosenCase.addListener((o, was, now) -> {
            previewRevealed.set(false);
            analyze();
        });
    }

    /** What the file read found: its text, and the edits kept for it at the last stop, if any. */
    private record Opened(String text, KeptEdits.Kept kept) {}

    /**
     * Reads the file and the cases that use it; the first case is chosen. Edits kept for the file when the
     * workbench last stopped without asking are offered ({@link #offeredProperty()}), unless they are what the
     * file now holds.
     */
    public void open() {
        BackgroundTask.of(() -> {
                    // In \n alone, as the text area holds it: a \r\n file opened as edited (saving keeps its ends).
                    String loaded = LineEnds.toLf(Utf8Files.read(path()));
                    return new Opened(loaded, offer.find(loaded));
                })
                .onSuccess(opened -> {
                    savedText.set(opened.text());
                    text.set(opened.text());
                    offer.offer(opened.kept());
                    loadCases();
                })
                .onFailure(e -> notice.set("Cannot read " + file + ": " + e.getMessage()))
                .executeWith(runner);
    }

    /** The offered edits replace the text (unsaved, as they were); they are no longer kept. */
    public void restoreKept() {
        offer.restore(text::set, notice::set);
    }

    /** The offered edits are thrown away; the text stays as the file holds it. */
    public void discardKept() {
        offer.discard(notice::set);
    }

    /** Reads the cases again (after the workspace changed); keeps the chosen one when it still exists. */
    public void loadCases() {
        BackgroundTask.of(() -> PromptCases.of(workspace, file, env)).onSuccess(read -> read.ifPresent(found -> {
            List<CaseChoice> list = found.cases();
            mask = found.mask();
            CaseChoice was = chosenCase.get();
            cases.setAll(list);
            CaseChoice again = was == null ? null : find(was.suite(), was.id());
            if (again == null && preferred != null) again = find(preferred.suite(), preferred.id());
            chosenCase.set(again != null ? again : list.isEmpty() ? null : list.get(0));
            analyze();
        })).executeWith(runner);
    }

    /** A case by suite and id. */
    private record Wanted(String suite, String id) {}

    /** The case to preview once the cases are read, when none is chosen yet; null: the first. */
    private Wanted preferred;

    /**
     * Previews case {@code id} of suite {@code suite} (the case selected in a run's results) when it is one of this
     * prompt's; once the cases are read, if they are not yet. Another prompt's case changes nothing. FX thread.
     */
    public void preferCase(String suite, String id) {
        CaseChoice found = find(suite, id);
        if (found != null) chosenCase.set(found);
        else if (cases.isEmpty()) preferred = new Wanted(suite, id);
    }

    private CaseChoice find(String suite, String id) {
        return cases.stream().filter(c -> c.suite().equals(suite) && c.id().equals(id)).findFirst().orElse(null);
    }

    /** Marks undefined variables and renders the preview for the current text, off the UI thread; stale results are dropped. */
    public void analyze() {
        String current = text.get();
        CaseChoice chosen = chosenCase.get();
        dev.evalbench.core.mask.OutboundMask masking = mask;
        analysis.submit(() -> TemplateAnalysis.of(file, current, chosen, renderer, masking), result -> {
            undefined.setAll(result.undefined());
            undefinedSummary.set(result.undefinedSummary(chosen, cases));
            fileProblem.set(result.fileProblem());
            problemLine.set(result.problemLine());
            lastAnalysis = result;
            showPreview();
        }, failure -> {
            lastAnalysis = null;
            previewMasked.set(false);
            preview.set("Cannot preview: " + failure.getMessage());
        });
    }

    /**
     * Shows the chosen case's restricted values in the preview as the dataset keeps them (true) or masked as
     * reports and CI outputs show them (false, as each case starts). FX thread.
     */
    public void revealPreview(boolean revealed) {
        previewRevealed.set(revealed);
        showPreview();
    }

    private void showPreview() {
        if (lastAnalysis == null) return;
        previewMasked.set(!lastAnalysis.maskedPreview().equals(lastAnalysis.preview()));
        preview.set(previewRevealed.get() ? lastAnalysis.preview() : lastAnalysis.maskedPreview());
    }

    /**
     * Ctrl+S: asks for the changelog line inline; nothing to do without edits, unless a stored run used the file's
     * revision with another text ({@link #revisionReusedProperty()}): then the text as it is gets the next revision.
     */
    public void requestSave() {
        if (!dirty.get() && !revisionReused.get()) {
            notice.set(noEdits());
            return;
        }
        askingChangelog.set(true);
    }

    private String noEdits() {
        return "No unsaved edits in " + file + ".";
    }

    /**
     * True while the workspace warns that a stored run used this file's revision with another text (edited outside
     * the workbench without a new one): saving needs no edit then, as the warning asks for a new revision. Set by
     * whoever holds the workspace's warnings. FX thread.
     */
    public BooleanProperty revisionReusedProperty() {
        return revisionReused;
    }

    /** Writes the text as revision + 1 with the changelog line; refuses a blank one and says so. */
    public void save() {
        String base = text.get();
        String line = changelog.get() == null ? "" : changelog.get().strip();
        if (line.isEmpty()) {
            notice.set("Not saved: a changelog line is required to save a revision.");
            askingChangelog.set(true);
            return;
        }
        writing.set(true);
        BackgroundTask.of(() -> {
                    refuseUnloadable(base);
                    return PromptSaver.saveNext(workspace, file, base, line);
                })
                .onSuccess(next -> {
                    writing.set(false);
                    adoptSaved(next);
                    changelog.set("");
                    askingChangelog.set(false);
                    notice.set("Saved revision " + PromptRevisions.revisionOf(file, next) + " of " + file + ".");
                    Runnable then = afterSave;
                    afterSave = () -> {};
                    then.run();
                })
                .onFailure(e -> {
                    writing.set(false);
                    notice.set("Not saved: " + (e instanceof PromptFileException p ? p.error() : e.getMessage()));
                })
                .executeWith(runner);
    }

    /**
     * Throws the first reason {@code text} could not be this file's next revision (broken YAML, a template that does
     * not parse), in {@code validate}'s words. Any thread: it compiles, so off the UI thread with the write.
     */
    void refuseUnloadable(String text) throws PromptFileException {
        TemplateAnalysis.refuseUnloadable(file, text, renderer);
    }

    public void cancelSave() {
        askingChangelog.set(false);
        afterSave = () -> {};
    }

    /**
     * True while this editor writes its file (a save, a rollback): until the workspace is read again, what it
     * holds is the file as it was, and a run must wait for the read ({@code RunWhenRead}).
     */
    public javafx.beans.property.ReadOnlyBooleanProperty writingProperty() {
        return writing.getReadOnlyProperty();
    }

    /** A rollback starts (true) or ends (false) writing the file. */
    void writing(boolean now) {
        writing.set(now);
    }

    /** Says {@code line} where the editor says what its last save did (a rollback's outcome). FX thread. */
    void tell(String line) {
        notice.set(line);
    }

    /** The file now holds {@code written} (saved here, or a rollback): the editor shows it, with no unsaved edits. */
    void adoptSaved(String written) {
        String lf = LineEnds.toLf(written);
        savedText.set(lf);
        text.set(lf);
        analyze();
    }

    /** The file changed on disk: reloads it unless the author has unsaved edits, which are kept (and said so). */
    public void diskChanged() {
        BackgroundTask.of(() -> LineEnds.toLf(Utf8Files.read(path()))).onSuccess(disk -> {
            if (disk.equals(savedText.get()) || disk.equals(text.get())) {
                if (disk.equals(text.get())) savedText.set(disk);
                return;
            }
            if (!dirty.get()) {
                adoptSaved(disk);
                notice.set(file + " changed on disk and was reloaded.");
            } else {
                savedText.set(disk);
                notice.set(file + " changed on disk; your unsaved edits are kept (saving writes them over it).");
            }
        }).onFailure(e -> notice.set(file + " can no longer be read: " + e.getMessage())).executeWith(runner);
    }

    /**
     * Runs {@code proceed} once the unsaved edits are dealt with: at once when there are none; otherwise as
     * {@code ask} decides: saved first (when the changelog line is missing, it is asked for and nothing
     * proceeds yet), discarded, or cancelled (nothing happens).
     */
    public void guard(Supplier<GuardChoice> ask, Runnable proceed) {
        GuardChoice.guard(dirty.get(), ask, proceed, then -> {
            afterSave = then;
            if (changelog.get() == null || changelog.get().isBlank()) {
                askingChangelog.set(true);
                notice.set("Write a changelog line to save " + file + ".");
            } else {
                save();
            }
        }, () -> text.set(savedText.get()));
    }

    private Path path() {
        return workspace.resolve(file);
    }

    public String file() { return file; }
    public Path workspace() { return workspace; }
    public TaskRunner runner() { return runner; }
    public StringProperty textProperty() { return text; }
    public javafx.beans.property.ReadOnlyStringProperty savedTextProperty() { return savedText.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public boolean isDirty() { return dirty.get(); }
    public ObservableList<CaseChoice> cases() { return cases; }
    public ObjectProperty<CaseChoice> chosenCaseProperty() { return chosenCase; }
    public ObservableList<UndefinedVariables.Undefined> undefined() { return undefined; }
    public javafx.beans.property.ReadOnlyStringProperty undefinedSummaryProperty() { return undefinedSummary.getReadOnlyProperty(); }
    /** The text's first error as a prompt file ("Line 10: unknown key …"), or empty; checked as the author types. */
    public javafx.beans.property.ReadOnlyStringProperty fileProblemProperty() { return fileProblem.getReadOnlyProperty(); }
    /** The file line (from 1) of {@link #fileProblemProperty()}'s problem; 0 when there is none or it has no line. */
    public javafx.beans.property.ReadOnlyIntegerProperty problemLineProperty() { return problemLine.getReadOnlyProperty(); }
    /** The rendered messages for the chosen case: its restricted values masked unless {@link #revealPreview revealed}. */
    public javafx.beans.property.ReadOnlyStringProperty previewProperty() { return preview.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyBooleanProperty previewMaskedProperty() { return previewMasked.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyBooleanProperty previewRevealedProperty() { return previewRevealed.getReadOnlyProperty(); }
    public StringProperty changelogProperty() { return changelog; }
    public BooleanProperty askingChangelogProperty() { return askingChangelog; }
    public javafx.beans.property.ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    /** Edits kept for this file when the workbench last stopped without asking, offered until restored or discarded; null: none. */
    public javafx.beans.property.ReadOnlyObjectProperty<KeptEdits.Kept> offeredProperty() { return offer.offeredProperty(); }
    /** The file as an absolute path, as {@link KeptEdits} names it. */
    public Path absolutePath() { return path().toAbsolutePath(); }
}
