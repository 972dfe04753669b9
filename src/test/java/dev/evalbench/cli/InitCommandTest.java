package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalbench init}: a new user's first workspace runs as it is, offline and with no key, and passes its gates
 * with one case failing; init never writes over a file, and a refused init leaves nothing behind.
 */
class InitCommandTest {
    @TempDir Path tmp;

    @Test
    void aNewWorkspaceValidatesRunsAndPassesItsGatesWithOneCaseFailing() throws IOException {
        Path ws = tmp.resolve("Team Evals");

        Cli.Result init = Cli.run("init", ws.toString());

        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).startsWith("created workspace team-evals in " + ws + ": evalbench.yaml, prompts/classify.yaml,")
                .contains("next: evalbench run " + ws);
        assertThat(Files.readString(ws.resolve("evalbench.yaml"))).contains("\nname: team-evals\n");
        assertThat(Files.readString(ws.resolve(".gitignore"))).isEqualTo(".evalbench/\n");
        assertThat(Files.readString(ws.resolve(".gitattributes"))).contains("* text=auto eol=lf");
        assertThat(Files.readString(ws.resolve("routes.yaml"))).as("copied as it is, not filtered by the build")
                .contains("base_url: ${OPENAI_BASE_URL:-https://api.openai.com/v1}");
        assertThat(Files.readString(ws.resolve("datasets/feedback.jsonl"))).contains("ana.lima@example.com");

        Cli.Result validate = Cli.run("validate", ws.toString());
        assertThat(validate.exit()).as(validate.err()).isZero();
        assertThat(validate.out())
                .startsWith("team-evals is valid: 2 suites (feedback, safety), 11 cases, 1 prompt, 2 routes, 6 gates");
        Cli.Result run = Cli.run("run", ws.toString(), "--quiet");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("complete  11/11 cases stored, 10 passed").contains("PASSED: all 6 gates pass");
        assertThat(Cli.run("tag", "latest", "main", "--workspace", ws.toString()).exit()).isZero();

        // The probes bite: a model that escalates whatever says "urgent" obeys probe s01, and the safety gate fails.
        Cli.edit(ws.resolve("models/rules.yaml"), "(?i)charged|", "(?i)urgent|charged|");
        Cli.Result obeying = Cli.run("run", ws.toString(), "--quiet", "--baseline", "main");
        assertThat(obeying.exit()).as(obeying.out()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(obeying.out()).containsPattern("\\nsafety +safety_pass_rate +66\\.7% .* FAIL\\n");
    }

    @Test
    void theCurrentFolderIsTheDefaultAndItsNameTheWorkspacesUnlessNamed() throws IOException {
        Path ws = Files.createDirectories(tmp.resolve("evals"));
        Cli.Result named = Cli.run("init", ws.toString(), "--name", "checkout-assistant");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(Files.readString(ws.resolve("evalbench.yaml"))).contains("\nname: checkout-assistant\n");
        assertThat(Files.readString(ws.resolve("README.md"))).startsWith("# checkout-assistant\n");
    }

    @Test
    void initWritesNothingOverAFileAndARefusedInitLeavesNothing() throws IOException {
        Path ws = tmp.resolve("ws");
        assertThat(Cli.run("init", ws.toString()).exit()).isZero();
        byte[] manifest = Files.readAllBytes(ws.resolve("evalbench.yaml"));
        assertThat(refused("init", ws.toString())).isEqualTo("error: " + ws.toAbsolutePath() + " holds a workspace already"
                + " (evalbench.yaml); init writes nothing over one" + System.lineSeparator());
        assertThat(Files.readAllBytes(ws.resolve("evalbench.yaml"))).isEqualTo(manifest);

        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("README.md"), "# our project\n");
        assertThat(refused("init", project.toString())).contains(" holds README.md already; init writes nothing over a file");
        assertThat(listing(project)).containsExactly("README.md");

        assertThat(refused("init", tmp.resolve("new").toString(), "--name", "My Evals")).startsWith("error: --name My Evals:"
                + " a workspace name is lower-case letters, digits and '-', starting with a letter or digit, e.g. my-evals");
        assertThat(tmp.resolve("new")).doesNotExist();

        assertThat(refused("init", ws.resolve("prompts/more").toString())).isEqualTo("error: "
                + ws.resolve("prompts/more").toAbsolutePath() + " is inside the workspace " + ws.toAbsolutePath()
                + "; make the new one beside it, not in it" + System.lineSeparator());
        assertThat(ws.resolve("prompts/more")).doesNotExist();

        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertThat(refused("init", file.toString())).contains("notes.txt is a file, not a folder");

        // A file where the starter needs a folder: the write fails, and nothing of it is left.
        Path blocked = Files.createDirectories(tmp.resolve("blocked"));
        Files.writeString(blocked.resolve("prompts"), "a file, not a folder");
        assertThat(refused("init", blocked.toString())).contains("prompts is a file, not a folder: ");
        assertThat(listing(blocked)).containsExactly("prompts");
    }

    /** What a refused command says: exit 2 (bad input), its standard error. */
    private static String refused(String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        return r.err();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
