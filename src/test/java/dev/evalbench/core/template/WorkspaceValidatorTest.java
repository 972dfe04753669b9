package dev.evalbench.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceValidatorTest {
    @TempDir Path dir;

    private Path fixture() throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/fixtures/minimal-workspace").toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return dir;
    }

    private static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            assertThat(text).contains(from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyCaseOfTheFixtureRenders() throws Exception {
        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(fixture()), Map.of());

        assertThat(WorkspaceValidator.check(ws, new PebblePromptRenderer())).isEmpty();
    }

    @Test
    void aCaseMissingAVariableIsReportedAtItsDatasetLine() throws Exception {
        Path root = fixture();
        edit(root.resolve("datasets/tickets.jsonl"), "\"customer\": {\"name\": \"Caro\", \"email\": \"caro@example.com\", \"vip\": false}",
                "\"client\": {\"name\": \"Caro\"}");
        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        List<InputError> errors = WorkspaceValidator.check(ws, new PebblePromptRenderer());

        assertThat(errors).extracting(InputError::toString).containsExactly(
                "datasets/tickets.jsonl:4: case \"t003\": prompts/triage.yaml:9: body line 1: variable \"customer\" is not defined");
    }

    @Test
    void aProblemSharedByManyCasesIsListedThriceThenCounted() throws Exception {
        Path root = fixture();
        edit(root.resolve("prompts/triage.yaml"), "{{ ticket }}", "{{ ticket }} {{ locale }}");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            many.append("{\"id\": \"x").append(i).append("\", \"vars\": {\"ticket\": \"t\", \"customer\": {\"name\": \"n\", \"vip\": false}}}\n");
        }
        many.append("{\"id\": \"x6\", \"vars\": {\"ticket\": \"t\", \"locale\": \"de\", "
                + "\"customer\": {\"name\": \"n\", \"vip\": false}}}\n");
        Files.writeString(root.resolve("datasets/probes.jsonl"), many.toString());
        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        List<InputError> errors = WorkspaceValidator.check(ws, new PebblePromptRenderer());

        List<InputError> safety = errors.stream().filter(e -> e.file().equals("datasets/probes.jsonl")).toList();
        assertThat(safety).extracting(InputError::toString).containsExactly(
                "datasets/probes.jsonl:1: case \"x0\": prompts/triage.yaml:10: body line 2: variable \"locale\" is not defined",
                "datasets/probes.jsonl:2: case \"x1\": prompts/triage.yaml:10: body line 2: variable \"locale\" is not defined",
                "datasets/probes.jsonl:3: case \"x2\": prompts/triage.yaml:10: body line 2: variable \"locale\" is not defined",
                "datasets/probes.jsonl: 3 more cases of suite \"safety\" fail the same way: prompts/triage.yaml:10: body line 2: "
                        + "variable \"locale\" is not defined");
    }

    /**
     * A problem every case of a suite has is the template's: named once, at the template's line, with the suite and
     * its count. It was listed at three cases' dataset lines and counted, and the workspace tree marked the dataset.
     */
    @Test
    void aVariableNoCaseDefinesIsNamedOnceAtTheTemplatesLine() throws Exception {
        Path root = fixture();
        edit(root.resolve("prompts/triage.yaml"), "{{ ticket }}", "{{ ticket }} {{ locale }}");
        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        List<InputError> errors = WorkspaceValidator.check(ws, new PebblePromptRenderer());

        // Once for the two suites that share the template.
        assertThat(errors).extracting(InputError::toString).containsExactly(
                "prompts/triage.yaml:10: body line 2: variable \"locale\" is not defined (all 3 cases of suite \"triage\" in "
                        + "datasets/tickets.jsonl and all 2 of suite \"safety\" in datasets/probes.jsonl fail the same way)");
    }

    /**
     * A syntax error is the template's: named once, at the line of the file the author edits (it was named once per
     * case, at each case's dataset line, with the part's own line number: 8 lines for one mistake in the sample).
     */
    @Test
    void aSyntaxErrorIsNamedOnceAtTheFileLine() throws Exception {
        assertThat(errorsWhen("  {{ ticket }}", "  {{ ticket }"))
                .containsExactly("prompts/triage.yaml:10: body line 2: template syntax error: Unexpected \"}\"");
    }

    /** A folded body joins its lines, so a part line is no file line: the part's line alone is named. */
    @Test
    void aSyntaxErrorInAFoldedPartNamesThePartsLine() throws Exception {
        assertThat(errorsWhen("body: |\n  Ticket from {{ customer.name }}:\n  {{ ticket }}",
                "body: >\n  Ticket from {{ customer.name }}:\n\n  {{ ticket }"))
                .containsExactly("prompts/triage.yaml: body line 2: template syntax error: Unexpected \"}\"");
    }

    /** A body on the key's own line: its line 1 is that line. */
    @Test
    void aSyntaxErrorInAOneLineBodyIsAtItsLine() throws Exception {
        assertThat(errorsWhen("body: |\n  Ticket from {{ customer.name }}:\n  {{ ticket }}\n"
                + "  {% if customer.vip %}This customer is a VIP.{% endif %}", "body: \"Ticket {{ ticket }\""))
                .containsExactly("prompts/triage.yaml:8: body line 1: template syntax error: Unexpected \"}\"");
    }

    /** The validator's errors, as printed, after {@code from} is replaced by {@code to} in the fixture's prompt. */
    private List<String> errorsWhen(String from, String to) throws Exception {
        Path root = fixture();
        edit(root.resolve("prompts/triage.yaml"), from, to);
        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());
        return WorkspaceValidator.check(ws, new PebblePromptRenderer()).stream().map(InputError::toString).toList();
    }
}
