package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CEL checks are type-checked when the workspace loads; a problem names evalbench.yaml, line and column. */
class CelCheckLoadTest {
    @TempDir Path dir;

    private Path withCheck(String expr) {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "evalbench.yaml", "    routing: action\n",
                "    routing: action\n    checks:\n      - {name: short-reply, expr: " + expr + "}\n");
        return root;
    }

    @Test
    void aWellTypedCheckLoads() throws Exception {
        Path root = withCheck("'size(output.reply) < 600 && (decision.accepted || output.action != \"refund\")'");

        SuiteSpec triage = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).suite("triage");

        assertThat(triage.checks()).containsExactly(new CheckSpec("short-reply",
                "size(output.reply) < 600 && (decision.accepted || output.action != \"refund\")"));
    }

    @Test
    void anUnknownOutputFieldIsAnErrorAtItsColumn() {
        // the quote opens at column 35; "size(output" is 11 characters, so the '.' before replly is column 47
        WorkspaceException e = FixtureWorkspace.loadFailure(withCheck("'size(output.replly) < 600'"));

        assertThat(e.getMessage()).isEqualTo(
                "evalbench.yaml:19:47: check \"short-reply\" of suite \"triage\": undefined field 'replly'");
    }

    @Test
    void aTypeErrorIsAnErrorAtTheOperator() {
        // plain scalar from column 35: "output.reply + 1" puts '+' at offset 13, column 48
        WorkspaceException e = FixtureWorkspace.loadFailure(withCheck("output.reply + 1 == \"x\""));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.file()).isEqualTo("evalbench.yaml");
            assertThat(err.line()).isEqualTo(19);
            assertThat(err.column()).isEqualTo(48);
            assertThat(err.message()).startsWith("check \"short-reply\" of suite \"triage\": found no matching overload for '_+_' applied to '(string, int)'");
        });
    }

    @Test
    void aSyntaxErrorOnTheSecondLineOfABlockIsPlacedOnThatLine() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "evalbench.yaml", "    routing: action\n",
                "    routing: action\n    checks:\n      - name: short-reply\n        expr: |\n          size(output.reply) < 600 &&\n            output.action ==\n");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(23);
            assertThat(err.message()).contains("mismatched input '<EOF>'");
        });
    }

    @Test
    void aCheckThatIsNotBooleanIsAnError() {
        WorkspaceException e = FixtureWorkspace.loadFailure(withCheck("'size(output.reply)'"));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(19);
            assertThat(err.message()).contains("short-reply").containsIgnoringCase("bool");
        });
    }
}
