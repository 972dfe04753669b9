package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case edited or added one line at a time, in the starter workspace {@code init} writes, read back by the loader. */
class CaseLinesTest {
    private static final String FILE = "datasets/feedback.jsonl";
    @TempDir Path temp;
    private Path ws;

    @BeforeEach
    void starter() throws Exception {
        ws = StarterWorkspace.create(temp.resolve("demo"), "demo").folder();
    }

    @Test
    void anEditedCaseReplacesItsLineAloneAndTheWorkspaceReadsIt() throws Exception {
        List<String> was = Files.readAllLines(ws.resolve(FILE));
        String opened = CaseLines.line(ws, FILE, 8);
        String edit = CaseLines.indented(opened);
        assertThat(edit).as("indented to edit").contains("\n  \"vars\": {");
        var saved = CaseLines.save(ws, FILE, 8, opened, edit.replace("\"question\"", "\"feature\""), Map.of());

        assertThat(saved.line()).isEqualTo(8);
        assertThat(saved.versions()).as("the eval set version its author raises").isEqualTo(Map.of("feedback", "1"));
        List<String> now = Files.readAllLines(ws.resolve(FILE));
        assertThat(now).hasSameSizeAs(was);
        for (int i = 0; i < was.size(); i++) if (i != 7) assertThat(now.get(i)).as("line " + (i + 1)).isEqualTo(was.get(i));
        assertThat(now.get(7)).isEqualTo(saved.text()).startsWith("{\"id\": \"f08\", \"vars\": {\"message\": ")
                .contains("\"expected\": {\"category\": \"feature\", \"action\": \"reply\"}");
        assertThat(caseOf("f08").expected().get("category").asText()).isEqualTo("feature");
    }

    @Test
    void aNewCaseStartsFromTheFirstCasesShapeEmptiedAndIsAppended() throws Exception {
        String blank = NewCaseText.of(ws, FILE);
        assertThat(blank).contains("\"id\": \"f09\"", "\"message\": \"\"", "\"category\": \"\"", "\"action\": \"\"",
                "\"tags\": [ ]");
        // Left empty, the label is refused as the loader words it, and nothing is written.
        byte[] before = Files.readAllBytes(ws.resolve(FILE));
        assertThatThrownBy(() -> CaseLines.save(ws, FILE, 0, null, blank, Map.of()))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageContaining("case \"f09\": expected \"category\" is \"\", which no output can match")
                .hasMessageNotContaining(FILE + ":");
        assertThat(Files.readAllBytes(ws.resolve(FILE))).isEqualTo(before);

        String filled = blank.replace("\"message\": \"\"", "\"message\": \"Where is the invoice from March?\"")
                .replace("\"category\": \"\"", "\"category\": \"question\"")
                .replace("\"action\": \"\"", "\"action\": \"reply\"");
        var saved = CaseLines.save(ws, FILE, 0, null, filled, Map.of());
        assertThat(saved.line()).isEqualTo(9);
        assertThat(Files.readString(ws.resolve(FILE))).startsWith(new String(before, StandardCharsets.UTF_8))
                .endsWith("{\"id\": \"f09\", \"vars\": {\"message\": \"Where is the invoice from March?\"}, \"expected\": "
                        + "{\"category\": \"question\", \"action\": \"reply\"}, \"tags\": []}\n");
        assertThat(caseOf("f09").line()).isEqualTo(9);
    }

    @Test
    void anIdAnotherCaseHasIsRefused() throws Exception {
        String opened = CaseLines.line(ws, FILE, 3);
        assertThatThrownBy(() -> CaseLines.save(ws, FILE, 3, opened, CaseLines.indented(opened).replace("\"f03\"", "\"f01\""),
                Map.of())).isInstanceOf(EditRefusedException.class).hasMessageContaining("f01");
        assertThat(CaseLines.line(ws, FILE, 3)).isEqualTo(opened);
    }

    @Test
    void textThatIsNoJsonObjectSaysWhereInTheEdit() throws Exception {
        String opened = CaseLines.line(ws, FILE, 2);
        String broken = CaseLines.indented(opened).replace("\"vars\": {", "\"vars\": {,");
        assertThatThrownBy(() -> CaseLines.save(ws, FILE, 2, opened, broken, Map.of()))
                .isInstanceOfSatisfying(EditRefusedException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith("line 3, column ");
                });
        assertThatThrownBy(() -> CaseLines.save(ws, FILE, 2, opened, "[1, 2]", Map.of()))
                .hasMessageStartingWith("a case is one JSON object");
        assertThatThrownBy(() -> CaseLines.save(ws, FILE, 2, opened, "{\"id\": \"f02\", \"id\": \"f2\"}", Map.of()))
                .hasMessageContaining("duplicate key \"id\"");
    }

    @Test
    void aLineChangedOnDiskSinceItWasOpenedIsNotOverwritten() throws Exception {
        String opened = CaseLines.line(ws, FILE, 5);
        String outside = Files.readString(ws.resolve(FILE)).replace("\"f05\"", "\"f05b\"");
        Files.writeString(ws.resolve(FILE), outside);
        assertThatThrownBy(() -> CaseLines.save(ws, FILE, 5, opened, CaseLines.indented(opened), Map.of()))
                .hasMessageContaining("changed since this case was opened: line 5");
        assertThat(Files.readString(ws.resolve(FILE))).isEqualTo(outside);
    }

    @Test
    void aFileWithWindowsLineEndsAndNoLastLineEndKeepsThem() throws Exception {
        String crlf = Files.readString(ws.resolve(FILE)).strip().replace("\n", "\r\n");
        Files.writeString(ws.resolve(FILE), crlf);
        String opened = CaseLines.line(ws, FILE, 1);
        CaseLines.save(ws, FILE, 1, opened, CaseLines.indented(opened).replace("\"bug\"", "\"question\""), Map.of());
        String edited = Files.readString(ws.resolve(FILE));
        assertThat(edited).doesNotEndWith("\n").doesNotContain("\r\r");
        assertThat(edited.split("\r\n")).hasSize(8);
        assertThat(edited.replace("\r\n", "")).doesNotContain("\n");

        CaseLines.save(ws, FILE, 0, null, NewCaseText.of(ws, FILE).replace("\"\"", "\"x\"")
                .replace("\"category\": \"x\"", "\"category\": \"bug\"").replace("\"action\": \"x\"", "\"action\": \"reply\"")
                .replace("\"id\": \"x\"", "\"id\": \"f09\""), Map.of());
        assertThat(Files.readString(ws.resolve(FILE))).endsWith("}\r\n").contains("}\r\n{\"id\": \"f09\"");
        assertThat(caseOf("f09").line()).isEqualTo(9);
    }

    @Test
    void mixedLineEndsStayAsTheyWere() throws Exception {
        List<String> lines = Files.readAllLines(ws.resolve(FILE));
        String mixed = lines.get(0) + "\r\n" + lines.get(1) + "\n" + lines.get(2) + "\r\n"
                + String.join("\n", lines.subList(3, 8)) + "\n";
        Files.writeString(ws.resolve(FILE), mixed);
        String opened = CaseLines.line(ws, FILE, 2);
        String relabelled = CaseLines.indented(opened).replace("\"feature\"", "\"question\"");
        var saved = CaseLines.save(ws, FILE, 2, opened, relabelled, Map.of());
        assertThat(Files.readString(ws.resolve(FILE))).isEqualTo(mixed.replace(lines.get(1), saved.text()));
    }

    @Test
    void aDeletedCaseTakesItsLineAndLineEndAlone() throws Exception {
        String was = Files.readString(ws.resolve(FILE));
        String third = CaseLines.line(ws, FILE, 3);
        var deleted = CaseLines.delete(ws, FILE, 3, "f03", Map.of());
        assertThat(deleted.text()).isEqualTo(third);
        assertThat(deleted.versions()).isEqualTo(Map.of("feedback", "1"));
        assertThat(Files.readString(ws.resolve(FILE))).isEqualTo(was.replace(third + "\n", ""));
        // Line 3 is f04 now: a table that still reads f03 there deletes nothing.
        String now = Files.readString(ws.resolve(FILE));
        assertThatThrownBy(() -> CaseLines.delete(ws, FILE, 3, "f03", Map.of()))
                .hasMessageContaining("line 3 is no longer case f03");
        assertThat(Files.readString(ws.resolve(FILE))).isEqualTo(now);
    }

    @Test
    void aCaseDeletedAboveABrokenLineIsDeleted() throws Exception {
        // The last case's label is one no output can match: a problem the file has already, on line 8. Deleting line 3
        // moves it to line 7; it is the same problem, not one the delete made.
        String last = CaseLines.line(ws, FILE, 8);
        String broken = last.replaceFirst("\"category\": \"[a-z]+\"", "\"category\": \"compliment\"");
        Files.writeString(ws.resolve(FILE), Files.readString(ws.resolve(FILE)).replace(last, broken));

        CaseLines.delete(ws, FILE, 3, "f03", Map.of());

        assertThat(Files.readAllLines(ws.resolve(FILE))).hasSize(7).last().isEqualTo(broken);
    }

    @Test
    void aNumberKeepsHowItWasWritten() throws Exception {
        assertThat(CaseLines.oneLine("{\"id\": \"a\", \"vars\": {\"price\": 0.10, \"n\": 3, \"big\": 12345678901234567890}}"))
                .isEqualTo("{\"id\": \"a\", \"vars\": {\"price\": 0.10, \"n\": 3, \"big\": 12345678901234567890}}");
    }

    @Test
    void aCopyOfACaseTakesTheNextIdAndKeepsEveryOtherValue() throws Exception {
        String copy = NewCaseText.copyOf(ws, FILE, 4);
        assertThat(copy).isEqualTo(CaseLines.indented(CaseLines.line(ws, FILE, 4)).replace("\"f04\"", "\"f09\""));
        assertThatThrownBy(() -> NewCaseText.copyOf(ws, FILE, 40)).hasMessage(FILE + ": line 40 is no case to copy");
    }

    @Test
    void theNextIdFollowsTheLastOneAndSkipsTakenOnes() {
        assertThat(NewCaseText.nextId("t008", Set.of("t008"))).isEqualTo("t009");
        assertThat(NewCaseText.nextId("t099", Set.of("t099", "t100"))).isEqualTo("t101");
        assertThat(NewCaseText.nextId("intro", Set.of("intro", "case-2"))).isEqualTo("case-3");
        assertThat(NewCaseText.nextId(null, Set.of())).isEqualTo("case-1");
    }

    private EvalCase caseOf(String id) throws Exception {
        return WorkspaceLoader.load(new DiskWorkspaceFiles(ws), Map.of()).suites().stream()
                .flatMap(s -> s.cases().stream()).filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
