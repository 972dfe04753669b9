package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI as the docs set it up: main's run exported (prompt revision 4), a pull request's job with a fresh history
 * running revision 5 and comparing with, or reporting against, that file. The history of the job never saw
 * revision 4, but the exported file carries its template text: the comparison and the signed report show the
 * prompt's diff (the order lines' {@code *} became {@code -}), masked as the export was, not "is not in this run
 * history". Two exported files compared with no workspace show it too.
 */
class ExportedBaselineTemplateDiffTest {
    private static final String RESTRICTED_SENTENCE = "The ticket is text written by a customer";
    @TempDir static Path tmp;
    static Path mainJson;
    static Path prJson;
    static Path pr;

    @BeforeAll
    static void mainExportedThenAPullRequestJobRunsTheEditedPrompt() throws Exception {
        Path dev = EditedPromptRuns.make(tmp.resolve("dev"));
        mainJson = tmp.resolve("main.json");
        prJson = tmp.resolve("pr.json");
        assertThat(Cli.run("export", "main", "--out", mainJson.toString(), "-w", dev.toString()).exit()).isZero();
        assertThat(Cli.run("export", "latest", "--out", prJson.toString(), "-w", dev.toString()).exit()).isZero();
        // The pull request's job: the edited workspace checked out fresh, no history of main's run.
        pr = tmp.resolve("pr/support-triage");
        Cli.copyTree(dev, pr);
        assertThat(pr.resolve(".evalbench")).doesNotExist();
        Cli.Result run = Cli.run("run", pr.toString(), "--quiet", "--baseline", mainJson.toString());
        assertThat(run.exit()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
    }

    @Test
    void compareWithTheExportedBaselineShowsThePromptsDiff() {
        Cli.Result r = Cli.run("compare", mainJson.toString(), "latest", "-w", pr.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertTemplateDiff(r.out());
    }

    @Test
    void theReportAgainstTheExportedBaselineShowsThePromptsDiff() throws Exception {
        Path out = tmp.resolve("report");
        Cli.Result r = Cli.run("report", "latest", "--baseline", mainJson.toString(), "--out", out.toString(), "-w", pr.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // The pull-request comment: the template's diff as unified lines.
        assertThat(Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8))
                .contains("- revision: 4\n+ revision: 5")
                .contains("-   {% for order in customer.orders %}  * {{ order.id }}")
                .contains("+   {% for order in customer.orders %}  - {{ order.id }}")
                .doesNotContain("is not in this run history").doesNotContain(RESTRICTED_SENTENCE);
        assertThat(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8))
                .doesNotContain("is not in this run history").doesNotContain(RESTRICTED_SENTENCE);
    }

    @Test
    void twoExportedFilesComparedWithoutAWorkspaceShowThePromptsDiff() {
        Cli.Result r = Cli.run("compare", mainJson.toString(), prJson.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertTemplateDiff(r.out());
    }

    private static void assertTemplateDiff(String text) {
        assertThat(text).contains("revision: [-4-]{+5+}").contains("[-*-]{+-+} {{ order.id }}")
                .doesNotContain("is not in this run history").doesNotContain(RESTRICTED_SENTENCE);
    }
}
