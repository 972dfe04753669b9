package dev.evalbench.app.dataset;

import dev.evalbench.app.editor.KeptEdits;
import dev.evalbench.app.editor.KeptEditsBar;
import dev.evalbench.app.editor.KeptEditsOffer;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.service.EditRefusedException;
import dev.evalbench.core.service.CaseLines;
import dev.evalbench.core.service.EvalSetVersions;
import dev.evalbench.core.service.NewCaseText;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The view model of a case edited, or added, in a dataset's tab: the case's line as indented JSON to type in, saved
 * back as one line through {@link CaseLines} (which refuses what the workspace would refuse, and a line changed on disk
 * meanwhile), then a sentence on what was saved and the eval set version to raise. Reading and saving go through the
 * task runner; one edit at a time. The edit typed when the workbench stopped without asking ({@link #typed}) is kept
 * outside the workspace and offered when the dataset's tab opens again ({@link #lookForKept}). UI thread only.
 */
public final class CaseEditModel implements KeptEditsBar.Offering {
    private final TaskRunner runner;
    private final Path workspace;
    private final String file;
    private final Map<String, String> env;
    private final Runnable onSaved;
    private final BooleanProperty editing = new SimpleBooleanProperty(this, "editing");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** Where in the text the error lies (1-based line; 0 when it is not in the text); the view moves the caret there. */
    private final ReadOnlyIntegerWrapper errorLine = new ReadOnlyIntegerWrapper(this, "errorLine");
    private final ReadOnlyIntegerWrapper errorColumn = new ReadOnlyIntegerWrapper(this, "errorColumn");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper(this, "saved", "");
    /** The id of the case just saved (set anew on each save), which the table selects once it has read the file again. */
    private final ReadOnlyStringWrapper savedId = new ReadOnlyStringWrapper(this, "savedId");
    /** The line edited (0: a new case after the last line) and its text as it was read, which the save checks. */
    private int line;
    private String opened;
    /** The text as the edit began, to tell typing from none; and what the edit is of, in a sentence's words. */
    private String shown = "";
    private String subject = "";
    private final KeptEditsOffer offer;
    /** The edit kept at the last stop, and where its case is now: read when the tab opens (null: none). */
    private Found keptFound;
    /** The id of the case whose kept edit was just restored (set anew on each restore), which the table selects. */
    private final ReadOnlyStringWrapper restoredId = new ReadOnlyStringWrapper(this, "restoredId");

    /**
     * @param onSaved called after a save is written (the table and the workspace are read again)
     * @param kept    where the workbench keeps an edit at a stop nobody was asked about; null: none offered
     */
    public CaseEditModel(TaskRunner runner, Path workspace, String file, Map<String, String> env, Runnable onSaved,
                         KeptEdits kept) {
        this.runner = runner;
        this.workspace = workspace;
        this.file = file;
        this.env = env;
        this.onSaved = onSaved;
        this.offer = new KeptEditsOffer(runner, kept, workspace.resolve(file));
    }

    /** Opens {@code row}'s line to edit, as the file holds it (restricted values included: it is the author's file). */
    public void edit(DatasetRow row) {
        int at = row.line();
        begin(BackgroundTask.of(() -> CaseLines.line(workspace, file, at)), lineText -> show(at, lineText,
                "Case " + row.id() + " · " + file + ", line " + at, "case " + row.id(), CaseLines.indented(lineText)));
    }

    /**
     * Opens line {@code at} to mend the problem the workspace reads there ({@code problem}, shown as the edit's error):
     * indented when it is a JSON object, else as the file holds it, the caret at the problem's {@code column} (1-based;
     * 0: unknown), where a syntax error is. The table cannot show such a case: the workspace does not load.
     */
    public void editLine(int at, int column, String problem) {
        begin(BackgroundTask.of(() -> CaseLines.line(workspace, file, at)), lineText -> {
            show(at, lineText, "Line " + at + " of " + file, "line " + at, CaseLines.indented(lineText));
            boolean raw = shown.equals(lineText);
            errorLine.set(raw && column > 0 ? 1 : 0);
            errorColumn.set(raw ? column : 0);
            error.set("The workspace reads: " + problem);
        });
    }

    /** Opens a copy of {@code row}'s case under the next free id, as a new case to go after the last line. */
    public void duplicate(DatasetRow row) {
        int from = row.line();
        begin(BackgroundTask.of(() -> NewCaseText.copyOf(workspace, file, from)), copy -> show(0, null,
                "New case, a copy of " + row.id() + " · after the last line of " + file, "the new case", copy));
    }

    /** Opens a new case, shaped like the file's first one with every text empty, to go after the last line. */
    public void add() {
        begin(BackgroundTask.of(() -> NewCaseText.of(workspace, file)), blank -> show(0, null,
                "New case · after the last line of " + file, "the new case", blank));
    }

    /**
     * The edit's state once its text is read: the line it writes (0: a new case after the last line), that line's text as
     * read (null for a new case), the heading, the subject a question names, and the text to type in.
     */
    private void show(int at, String lineText, String headingText, String what, String editable) {
        line = at;
        opened = lineText;
        heading.set(headingText);
        subject = what;
        shown = editable;
        text.set(editable);
    }

    private void begin(BackgroundTask<String> read, java.util.function.Consumer<String> show) {
        if (busy.get()) return;
        busy.set(true);
        error.set("");
        errorLine.set(0);
        saved.set("");
        read.onSuccess(value -> {
            busy.set(false);
            show.accept(value);
            editing.set(true);
        }).onFailure(e -> {
            busy.set(false);
            saved.set("Cannot open the case: " + e.getMessage());
        }).executeWith(runner);
    }

    /** Writes the edit; on a refusal the reasons show and the edit stays open, nothing written. */
    public void save() {
        if (!editing.get() || busy.get()) return;
        busy.set(true);
        int at = line;
        String was = opened;
        String edited = text.get();
        BackgroundTask.of(() -> CaseLines.save(workspace, file, at, was, edited, env)).onSuccess(done -> {
            busy.set(false);
            editing.set(false);
            error.set("");
            saved.set(savedSentence(done));
            savedId.set(null);
            savedId.set(done.id());
            onSaved.run();
        }).onFailure(e -> {
            busy.set(false);
            if (e instanceof EditRefusedException refused) {
                // Where first, then the words: the pane moves the caret when the words change.
                errorLine.set(refused.line());
                errorColumn.set(refused.column());
                error.set(refused.reasons().size() == 1 ? "Not saved: " + refused.reasons().get(0)
                        : "Not saved:\n• " + String.join("\n• ", refused.reasons()));
            } else {
                error.set("Not saved: " + e.getMessage());
            }
        }).executeWith(runner);
    }

    /** True while a case is open to edit and its text was typed in: closing it would lose what was typed. */
    public boolean dirty() {
        return editing.get() && !shown.equals(text.get());
    }

    /** What is open to edit, in a sentence's words: "case t002", "the new case". */
    public String subject() {
        return subject;
    }

    /**
     * Deletes {@code row}'s case from the file (the caller has asked the author); the sentence above the table says so,
     * or why not, and the table is read again.
     */
    public void delete(DatasetRow row) {
        if (editing.get() || busy.get()) return;
        busy.set(true);
        saved.set("");
        BackgroundTask.of(() -> CaseLines.delete(workspace, file, row.line(), row.id(), env)).onSuccess(done -> {
            busy.set(false);
            String versions = versionsSentence(done);
            saved.set("Deleted " + row.id() + " (line " + done.line() + " of " + file + ")." + versions);
            onSaved.run();
        }).onFailure(e -> {
            busy.set(false);
            saved.set("Not deleted: " + (e instanceof EditRefusedException refused ? String.join("; ", refused.reasons())
                    : e.getMessage()));
        }).executeWith(runner);
    }

    /**
     * Gives the suites reading the file the versions in {@code raised} (by suite) in evalbench.yaml, once the edits are
     * done; the sentence above the table says what was written, or why not, and the workspace is read again.
     */
    public void raiseVersions(Map<String, String> raised) {
        if (busy.get()) return;
        busy.set(true);
        Map<String, String> asked = Map.copyOf(raised);
        BackgroundTask.run(() -> EvalSetVersions.write(workspace, asked, env)).onSuccess(none -> {
            busy.set(false);
            saved.set("In evalbench.yaml " + asked.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(v -> "suite " + v.getKey() + " now says version \"" + v.getValue().strip() + "\"")
                    .collect(Collectors.joining(", ")) + ".");
            onSaved.run();
        }).onFailure(e -> {
            busy.set(false);
            saved.set("Version not written: " + (e instanceof EditRefusedException refused
                    ? String.join("; ", refused.reasons()) : e.getMessage()));
        }).executeWith(runner);
    }

    /** Closes the edit without writing. */
    public void cancel() {
        editing.set(false);
        error.set("");
    }

    private String savedSentence(CaseLines.Saved done) {
        String what = (line == 0 ? "Added " : "Saved ") + (done.id() == null ? "the case" : done.id()) + " as line " + done.line()
                + " of " + file + ".";
        return what + versionsSentence(done);
    }

    /** " In evalbench.yaml suite triage says version …: give it a new one …", or "" when no suite's version is known. */
    private static String versionsSentence(CaseLines.Saved done) {
        if (done.versions().isEmpty()) return "";
        String versions = done.versions().entrySet().stream()
                .map(v -> "suite " + v.getKey() + " says version \"" + v.getValue() + "\"").collect(Collectors.joining(", "));
        return " In evalbench.yaml " + versions + ": give it a new one (New version…) when your edits are done, so the"
                + " history, reports and comparisons tell the two eval sets apart.";
    }

    /** The edit as typed, and which case it is of, to keep at a stop nobody was asked about; null when nothing was typed. */
    public Typed typed() {
        if (!dirty()) return null;
        return new Typed(new KeptEdits.CaseAt(line, opened == null ? null : CaseLines.idOf(opened)), text.get(), opened);
    }

    /** An edit typed: which case, its text, and the line's text as read (null for a new case). */
    public record Typed(KeptEdits.CaseAt at, String text, String lineRead) {}

    /**
     * Looks for an edit kept for this dataset at the last stop, and offers it ({@link #offeredProperty()}). Its case is
     * looked for by id where its line holds another now (a case deleted above it).
     */
    public void lookForKept() {
        BackgroundTask.of(() -> {
            KeptEdits.Kept found = offer.find(null);
            if (found == null || found.caseAt() == null) return null;
            KeptEdits.CaseAt was = found.caseAt();
            int at = was.line();
            String lineNow = null;
            if (at > 0) {
                try {
                    lineNow = CaseLines.line(workspace, file, at);
                } catch (java.io.IOException gone) {
                    // The file is shorter now.
                }
                if (was.id() != null && (lineNow == null || !was.id().equals(CaseLines.idOf(lineNow)))) {
                    at = CaseLines.lineOf(workspace, file, was.id());
                    lineNow = at > 0 ? CaseLines.line(workspace, file, at) : null;
                }
                if (lineNow == null) at = 0;
            }
            return new Found(found, at, lineNow);
        }).onSuccess(found -> {
            keptFound = found;
            offer.offer(found == null ? null : found.kept());
        }).onFailure(e -> saved.set("Cannot read the edit kept for " + file + ": " + e.getMessage())).executeWith(runner);
    }

    /** An edit kept for this dataset, the line its case is now (0: a new case, or one no longer there) and its text. */
    private record Found(KeptEdits.Kept kept, int lineNow, String textNow) {}

    @Override
    public String offeredSentence(KeptEdits.Kept kept) {
        KeptEdits.CaseAt was = kept.caseAt();
        Found now = keptFound;
        String who = was.id() != null ? "Case " + was.id() : "Line " + was.line();
        String where = "";
        if (was.line() > 0 && (now == null || now.lineNow() == 0)) {
            where = " " + who + " is no longer in the file: restored, it is saved as a new case after the last line.";
        } else if (was.line() > 0) {
            boolean changed = !Digests.sha256(now.textNow()).equals(kept.baseSha256());
            String moved = now.lineNow() != was.line() ? " is line " + now.lineNow() + " now" : "";
            if (changed) {
                where = " " + who + moved + (moved.isEmpty() ? "" : ", and") + " has changed since: saving the restored"
                        + " edit writes over its new text.";
            } else if (!moved.isEmpty()) {
                where = " " + who + moved + ": restored, it is saved there.";
            }
        }
        String what = was.line() == 0 ? "a new case" : was.id() != null ? "case " + was.id() : "line " + was.line();
        return "An unsaved edit of " + what + " of " + file + " was kept when the workbench was stopped at " + kept.stoppedAt()
                + " without asking. Restore it under the table (still unsaved), or discard it." + where;
    }

    /** The offered edit opens under the table, unsaved, as it was typed, on its case's line now; it is no longer kept. */
    @Override
    public void restoreKept() {
        KeptEdits.Kept kept = offer.offeredProperty().get();
        Found now = keptFound;
        if (kept == null || now == null || busy.get()) return;
        if (dirty()) {
            saved.set("Save or cancel the edit of " + subject + " first: the kept edit stays offered.");
            return;
        }
        String id = kept.caseAt().id();
        offer.restore(typedText -> {
            int at = now.lineNow();
            if (at > 0 && id != null) {
                show(at, now.textNow(), "Case " + id + " · " + file + ", line " + at, "case " + id,
                        CaseLines.indented(now.textNow()));
            } else if (at > 0) {
                show(at, now.textNow(), "Line " + at + " of " + file, "line " + at, CaseLines.indented(now.textNow()));
            } else {
                show(0, null, "New case · after the last line of " + file, "the new case", "");
            }
            text.set(typedText);
            error.set("");
            errorLine.set(0);
            saved.set("");
            editing.set(true);
            if (at > 0 && id != null) {
                restoredId.set(null);
                restoredId.set(id);
            }
        }, saved::set);
    }

    @Override
    public void discardKept() {
        offer.discard(saved::set);
    }

    @Override
    public javafx.beans.property.ReadOnlyObjectProperty<KeptEdits.Kept> offeredProperty() {
        return offer.offeredProperty();
    }

    public BooleanProperty editingProperty() { return editing; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public StringProperty textProperty() { return text; }
    public ReadOnlyStringProperty headingProperty() { return heading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty errorLineProperty() { return errorLine.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty errorColumnProperty() { return errorColumn.getReadOnlyProperty(); }
    public ReadOnlyStringProperty savedProperty() { return saved.getReadOnlyProperty(); }
    public ReadOnlyStringProperty savedIdProperty() { return savedId.getReadOnlyProperty(); }
    public ReadOnlyStringProperty restoredIdProperty() { return restoredId.getReadOnlyProperty(); }

}
