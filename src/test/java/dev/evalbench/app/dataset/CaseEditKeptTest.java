package dev.evalbench.app.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.editor.KeptEdits;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case typed in when the workbench stopped without asking, on a copy of the sample and a real config folder: kept as
 * typed, offered when the dataset's tab opens again with what changed since, restored under the table and saved.
 */
class CaseEditKeptTest {
    private static final String FILE = "datasets/tickets.jsonl";
    private static final Instant STOPPED = Instant.parse("2026-12-08T01:10:00Z");
    @TempDir Path temp;
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private Path ws;
    private Path dataset;
    private KeptEdits kept;

    @BeforeEach
    void sample() {
        ws = dev.evalbench.cli.Cli.copySample(temp.resolve("ws"));
        dataset = ws.resolve(FILE).toAbsolutePath();
        kept = new KeptEdits(temp.resolve("config"));
    }

    private CaseEditModel model() {
        return new CaseEditModel(runner, ws, FILE, Map.of(), () -> { }, kept);
    }

    /** t002 opened to edit, its ticket text typed over, and kept as the stop keeps it. */
    private String t002TypedAndKept() {
        DatasetModel table = new DatasetModel(runner, ws, FILE, Map.of());
        table.load();
        CaseEditModel before = model();
        before.edit(table.rows().stream().filter(r -> r.id().equals("t002")).findFirst().orElseThrow());
        assertThat(before.typed()).as("nothing typed, nothing to keep").isNull();
        String typed = before.textProperty().get().replaceFirst("\"ticket\": \"[^\"]*\"", "\"ticket\": \"Kept at a stop\"");
        before.textProperty().set(typed);
        CaseEditModel.Typed edit = before.typed();
        assertThat(edit.at()).isEqualTo(new KeptEdits.CaseAt(2, "t002"));
        try {
            kept.keepCase(dataset, edit.at(), edit.text(), edit.lineRead(), STOPPED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return typed;
    }

    @Test
    void aCaseKeptAtAStopIsOfferedRestoredUnsavedAndThenSaved() throws Exception {
        String typed = t002TypedAndKept();
        List<String> was = Files.readAllLines(dataset);

        CaseEditModel after = model();
        after.lookForKept();
        KeptEdits.Kept offered = after.offeredProperty().get();
        assertThat(offered).isNotNull();
        assertThat(after.offeredSentence(offered))
                .startsWith("An unsaved edit of case t002 of datasets/tickets.jsonl was kept when the workbench was stopped at ")
                .endsWith(" without asking. Restore it under the table (still unsaved), or discard it.");

        after.restoreKept();
        assertThat(after.editingProperty().get()).isTrue();
        assertThat(after.textProperty().get()).isEqualTo(typed);
        assertThat(after.headingProperty().get()).isEqualTo("Case t002 · datasets/tickets.jsonl, line 2");
        assertThat(after.dirty()).as("restored unsaved").isTrue();
        assertThat(after.offeredProperty().get()).isNull();
        assertThat(kept.find(dataset)).as("no longer kept").isEmpty();
        assertThat(Files.readAllLines(dataset)).isEqualTo(was);

        after.save();
        assertThat(after.savedProperty().get()).startsWith("Saved t002 as line 2 of datasets/tickets.jsonl.");
        List<String> now = Files.readAllLines(dataset);
        assertThat(now.get(1)).contains("\"ticket\": \"Kept at a stop\"");
        assertThat(now.subList(2, now.size())).isEqualTo(was.subList(2, was.size()));
    }

    /**
     * What changed in the file while the app was down is said before the choice: the case's line changed, the case
     * moved (a case deleted above it: found by its id, and restored on its line now, not over the case that took its
     * place), or the case is gone (restored as a new case).
     */
    @Test
    void theOfferSaysWhenTheCaseChangedMovedOrIsGoneSince() throws Exception {
        String typed = t002TypedAndKept();
        List<String> lines = Files.readAllLines(dataset);
        Files.write(dataset, List.of(lines.get(0), lines.get(1).replace("\"t002\"", "\"t002\" "), lines.get(2)));
        CaseEditModel changed = model();
        changed.lookForKept();
        assertThat(changed.offeredSentence(changed.offeredProperty().get()))
                .endsWith(" Case t002 has changed since: saving the restored edit writes over its new text.");

        Files.write(dataset, List.of(lines.get(1), lines.get(2)));
        CaseEditModel moved = model();
        moved.lookForKept();
        assertThat(moved.offeredSentence(moved.offeredProperty().get()))
                .endsWith(" Case t002 is line 1 now: restored, it is saved there.");
        moved.restoreKept();
        assertThat(moved.headingProperty().get()).isEqualTo("Case t002 · datasets/tickets.jsonl, line 1");
        assertThat(moved.textProperty().get()).isEqualTo(typed);
        kept.keepCase(dataset, new KeptEdits.CaseAt(2, "t002"), typed, lines.get(1), Instant.EPOCH);

        Files.write(dataset, List.of(lines.get(0), lines.get(2)));
        CaseEditModel gone = model();
        gone.lookForKept();
        assertThat(gone.offeredSentence(gone.offeredProperty().get()))
                .endsWith(" Case t002 is no longer in the file: restored, it is saved as a new case after the last line.");
        gone.restoreKept();
        assertThat(gone.headingProperty().get()).isEqualTo("New case · after the last line of datasets/tickets.jsonl");
        assertThat(gone.textProperty().get()).contains("Kept at a stop");
        gone.save();
        assertThat(Files.readAllLines(dataset)).hasSize(3).last().asString().contains("\"id\": \"t002\"", "Kept at a stop");
    }

    @Test
    void aNewCaseIsKeptAsOneAndDiscardingForgetsIt() throws Exception {
        CaseEditModel before = model();
        before.add();
        before.textProperty().set(before.textProperty().get().replace("\"ticket\": \"\"", "\"ticket\": \"Where is it?\""));
        CaseEditModel.Typed edit = before.typed();
        assertThat(edit.at().line()).isZero();
        assertThat(edit.lineRead()).isNull();
        kept.keepCase(dataset, edit.at(), edit.text(), edit.lineRead(), STOPPED);

        CaseEditModel after = model();
        after.lookForKept();
        assertThat(after.offeredSentence(after.offeredProperty().get()))
                .startsWith("An unsaved edit of a new case of datasets/tickets.jsonl was kept when")
                .endsWith("or discard it.");
        after.discardKept();
        assertThat(after.offeredProperty().get()).isNull();
        assertThat(after.editingProperty().get()).isFalse();
        assertThat(kept.find(dataset)).isEmpty();
        CaseEditModel later = model();
        later.lookForKept();
        assertThat(later.offeredProperty().get()).as("discarded: offered no more").isNull();
    }

    @Test
    void aRestoreWaitsForTheCaseTypedInNow() throws Exception {
        t002TypedAndKept();
        CaseEditModel after = model();
        after.lookForKept();
        after.add();
        after.textProperty().set(after.textProperty().get() + " ");

        after.restoreKept();
        assertThat(after.savedProperty().get())
                .isEqualTo("Save or cancel the edit of the new case first: the kept edit stays offered.");
        assertThat(after.offeredProperty().get()).isNotNull();
        assertThat(after.headingProperty().get()).startsWith("New case");
    }
}
