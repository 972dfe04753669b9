package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.compare.DiffSegment;
import dev.evalbench.core.compare.UnifiedLine;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.service.PromptParts;
import dev.evalbench.core.service.PromptVersion;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revisions from a real run history, a diff between two, and a rollback that adds a revision. */
class RevisionHistoryModelTest {
    static final String FILE = TemplateEditorModelTest.FILE;
    @TempDir Path temp;
    private TemplateEditorModel editor;

    /** The triage prompt of {@code ws} open in {@link #editor}; its revision history. */
    private RevisionHistoryModel open(Path ws) {
        editor = new TemplateEditorModel(new SameThreadTaskRunner(), ws, FILE, Map.of());
        RevisionHistoryModel history = new RevisionHistoryModel(editor);
        editor.open();
        return history;
    }

    @Test
    void savedRevisionsAppearAndRollbackWritesANewRevisionWithTheOldBody() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        byte[] r4 = Files.readAllBytes(ws.resolve(FILE));
        try (SqliteRunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            String sha = store.putSnapshot(r4);
            store.createRun(new RunHeader("run-1", "support-triage", ws.toString(), new RunConfig(List.of("offline"),
                    List.of(), 1, 1, "off"), RunStatus.COMPLETE, Instant.parse("2026-11-29T10:00:00Z"), null, "t", null,
                    Map.of(FILE, sha), 0, 1, List.of()));
        }
        RevisionHistoryModel history = open(ws);
        assertThat(history.versions()).extracting(PromptVersion::revision).containsExactly(4);

        editor.textProperty().set(editor.textProperty().get().replace("The customer wrote:", "Ticket text:"));
        editor.changelogProperty().set("Label the ticket text");
        editor.save();
        assertThat(history.versions()).extracting(PromptVersion::revision).containsExactly(5, 4);
        assertThat(history.versions().get(0).changelog()).isEqualTo("Label the ticket text");
        assertThat(history.versions().get(1).origin()).isEqualTo("run run-1");

        history.diff(history.versions().get(1), history.versions().get(0));
        assertThat(patch(history.diffLines())).contains("-  The customer wrote:", "+  Ticket text:", "+revision: 5");
        // In a changed line, the words that changed are marked: the revision's number, not "revision:".
        assertThat(history.diffLines()).filteredOn(l -> l.text().equals("revision: 5")).singleElement()
                .satisfies(l -> assertThat(l.segments()).filteredOn(DiffSegment::changed).extracting(DiffSegment::text)
                        .containsExactly("5"));

        history.rollback(history.versions().get(1));
        String disk = Files.readString(ws.resolve(FILE));
        PromptParts parts = PromptParts.parse(FILE, disk);
        assertThat(parts.revision()).isEqualTo(6);
        assertThat(parts.changelog()).isEqualTo("Roll back to revision 4");
        assertThat(parts.body()).isEqualTo(PromptParts.parse(FILE, new String(r4, java.nio.charset.StandardCharsets.UTF_8)).body());
        assertThat(disk).contains("# Lines end in text, not in a tag:");
        assertThat(editor.textProperty().get()).isEqualTo(disk);
        assertThat(editor.isDirty()).isFalse();
        assertThat(history.versions()).extracting(PromptVersion::revision).containsExactly(6, 5, 4);
        // The diff shown was r4 against "the file now" r5; r5 is not the file now any more.
        assertThat(history.diffLines()).isEmpty();
        assertThat(history.diffTitleProperty().get()).isEmpty();
        assertThat(editor.noticeProperty().get())
                .isEqualTo("Rolled back to revision 4: saved as revision 6 of prompts/triage.yaml.");
    }

    @Test
    void rollbackIsRefusedWhileTheEditorHasUnsavedEdits() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        RevisionHistoryModel history = open(ws);
        editor.textProperty().set(editor.textProperty().get() + "# edit\n");
        history.rollback(history.versions().get(0));
        assertThat(history.diffTitleProperty().get()).contains("Save or discard your edits");
        assertThat(Files.readString(ws.resolve(FILE))).contains("revision: 4\n");
    }

    @Test
    void aRevisionWhoseTemplateDoesNotParseIsNotRolledBackTo() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        // Edited outside the workbench into a template that does not parse, then mended and saved here: the broken
        // text is kept as revision 5 in the history, where it can be chosen.
        String broken = Files.readString(ws.resolve(FILE)).replace("revision: 4", "revision: 5")
                .replace("The customer wrote:", "The customer wrote: {{ ticket");
        Files.writeString(ws.resolve(FILE), broken);
        RevisionHistoryModel history = open(ws);
        editor.textProperty().set(editor.textProperty().get().replace("The customer wrote: {{ ticket", "The customer wrote:"));
        editor.changelogProperty().set("Close the tag");
        editor.save();
        assertThat(history.versions()).extracting(PromptVersion::revision).startsWith(6, 5);
        String mended = Files.readString(ws.resolve(FILE));
        // Said in the list where it is chosen, before anyone tries: the line and what is wrong there.
        int line = (int) broken.substring(0, broken.indexOf("{{ ticket")).lines().count();
        assertThat(history.problemOf(history.versions().get(1))).startsWith("line " + line + ": ")
                .contains("\"{{\" is not closed");
        assertThat(history.problemOf(history.versions().get(0))).isEmpty();

        history.rollback(history.versions().get(1));
        assertThat(history.diffTitleProperty().get()).startsWith("Not rolled back: " + FILE + ":")
                .contains("\"{{\" is not closed");
        assertThat(Files.readString(ws.resolve(FILE))).as("nothing written").isEqualTo(mended);
        assertThat(history.versions()).extracting(PromptVersion::revision).startsWith(6, 5);
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void unsavedChangesAreShownAgainstTheFileAsSaved() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        RevisionHistoryModel history = open(ws);
        history.diffUnsaved();
        assertThat(history.diffTitleProperty().get()).isEqualTo("No unsaved edits: the editor holds the file as saved.");
        assertThat(history.diffLines()).isEmpty();

        editor.textProperty().set(editor.textProperty().get().replace("The customer wrote:", "Ticket text:"));
        history.diffUnsaved();
        assertThat(history.diffTitleProperty().get()).isEqualTo("The file as saved  →  your unsaved edits");
        assertThat(patch(history.diffLines())).contains("-  The customer wrote:", "+  Ticket text:");
        assertThat(history.diffLines()).filteredOn(l -> l.kind() != UnifiedLine.Kind.SAME).hasSize(2);
        assertThat(Files.readString(ws.resolve(FILE))).as("nothing written").contains("The customer wrote:");
    }

    /** Each line as a patch writes it: its sign, then its text. */
    private static List<String> patch(List<UnifiedLine> lines) {
        return lines.stream().map(l -> l.kind().sign() + l.text()).toList();
    }
}
