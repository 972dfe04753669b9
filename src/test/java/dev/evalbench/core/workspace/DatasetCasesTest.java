package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite holds its cases as the dataset's bytes and where each line lies: every read builds the case from its
 * line, so a large plan holds no case's tree, and what a reader builds is the case the line says, preprocessed once.
 */
class DatasetCasesTest {
    private static final String EXPECTED = "\"expected\": {\"category\": \"billing\", \"priority\": \"high\", \"action\": \"refund\", \"order_id\": null}";

    @TempDir Path dir;

    @Test
    void everyReadBuildsTheCaseAgainFromItsLine() throws Exception {
        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(FixtureWorkspace.copyTo(dir)), Map.of());
        List<EvalCase> cases = ws.suite("triage").cases();

        EvalCase first = cases.get(0);
        EvalCase again = cases.get(0);

        assertThat(again).isEqualTo(first);
        assertThat(again.vars()).isNotSameAs(first.vars());
        assertThat(again.expected()).isNotSameAs(first.expected());
        // A reader owns what it got: its changes reach no other reader, and no read preprocesses a case twice.
        first.vars().put("ticket", "changed by one reader");
        ((ObjectNode) first.vars().get("customer")).put("name", "changed too");
        EvalCase third = cases.get(0);
        assertThat(third.vars().get("ticket").asText()).isEqualTo("I was charged twice for ORD-10421");
        assertThat(third.vars().get("customer").get("name").asText()).isEqualTo("Ana");
        assertThat(third.restricted()).containsExactly("ana@example.com");
        assertThat(third.tags()).containsExactly("refund");
    }

    /** Multi-byte text before a line, a byte-order mark, CRLF endings and blank lines: each case is its own line. */
    @Test
    void eachCaseIsBuiltFromItsOwnLineWhateverTheBytesBeforeIt() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.write(root, "datasets/tickets.jsonl", "\uFEFF"
                + line("t1", "Grüße 😀 über ORD-1", "[\"a\"]") + "\r\n"
                + "\r\n"
                + line("t2", "日本語のチケット", "[\"b\", \"a\"]") + "\r\n"
                + "   \n"
                + line("t3", "  plain   text  ", "[\"a\"]"));

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());
        List<EvalCase> cases = ws.suite("triage").cases();

        assertThat(cases).extracting(EvalCase::id).containsExactly("t1", "t2", "t3");
        assertThat(cases).extracting(EvalCase::line).containsExactly(1, 3, 5);
        assertThat(cases).extracting(c -> c.vars().get("ticket").asText())
                .containsExactly("Grüße 😀 über ORD-1", "日本語のチケット", "plain text");
        assertThat(cases).extracting(EvalCase::file).containsOnly("datasets/tickets.jsonl");
        for (int i = 0; i < cases.size(); i++) {
            assertThat(DatasetCases.idOf(cases, i)).isEqualTo(cases.get(i).id());
            assertThat(DatasetCases.tagsOf(cases, i)).isEqualTo(cases.get(i).tags());
        }
        assertThat(cases.get(1).tags()).containsExactly("b", "a");
    }

    @Test
    void aBadLineAfterMultiByteTextIsNamedByItsLineAndColumn() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.write(root, "datasets/tickets.jsonl", "\uFEFF"
                + line("t1", "Grüße 😀 über", "[]") + "\r\n"
                + line("t2", "日本語", "[]") + "\r\n"
                + line("t3", "Grüße", "7") + "\n");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).extracting(InputError::file, InputError::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("datasets/tickets.jsonl", 3));
        String third = line("t3", "Grüße", "7");
        assertThat(e.errors().get(0).column()).isEqualTo(third.indexOf("\"tags\": 7") + "\"tags\": ".length() + 1);
    }

    private static String line(String id, String ticket, String tags) {
        return "{\"id\": \"" + id + "\", \"vars\": {\"ticket\": \"" + ticket + "\", \"customer\": {\"name\": \"N\", \"email\": \"n@example.com\", \"vip\": false}}, "
                + EXPECTED + ", \"tags\": " + tags + "}";
    }
}
