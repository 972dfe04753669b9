package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of the sample with two runs made by the command line: the first tagged {@code main}, then the triage
 * prompt edited (revision 5, order lines as "-" instead of "*", which makes the scripted model take order ids it
 * should not: cases flip pass → fail), then the second. What a pull request's comparison looks like.
 */
public final class EditedPromptRuns {
    private EditedPromptRuns() {}

    /** The workspace, under {@code tmp}. */
    public static Path make(Path tmp) throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", ws.toString(), "--quiet").exit()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(Cli.run("tag", "latest", "main", "--workspace", ws.toString()).exit()).isZero();
        Path prompt = ws.resolve("prompts/triage.yaml");
        String text = Files.readString(prompt, StandardCharsets.UTF_8);
        String edited = text.replace("revision: 4", "revision: 5").replace("  * {{ order.id }}", "  - {{ order.id }}");
        assertThat(edited).as("the sample's prompt changed: update EditedPromptRuns").isNotEqualTo(text);
        Files.writeString(prompt, edited, StandardCharsets.UTF_8);
        assertThat(Cli.run("run", ws.toString(), "--quiet").exit()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        return ws;
    }

    /** `evalbench report latest --baseline main` of {@code ws} into {@code out}, which must succeed; {@code out}. */
    public static Path report(Path ws, Path out) {
        Cli.Result r = Cli.run("report", "latest", "--baseline", "main", "--out", out.toString(),
                "--workspace", ws.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return out;
    }
}
