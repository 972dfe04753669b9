package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `run --case` and `run --tag` run a slice of the suites; a slice that matches nothing is bad input. */
class RunSliceTest {
    @TempDir Path tmp;

    @Test
    void casesByIdAndByTag() {
        Path ws = Cli.copySample(tmp);

        Cli.Result byId = Cli.run("run", "--case", "t001", "--case", "p01", "--cache", "off", "--quiet", "--workspace", ws.toString());
        // in datasets/tickets.jsonl only t005 carries the tag "customs"
        Cli.Result byTag = Cli.run("run", "--tag", "customs", "--suite", "triage", "--cache", "off", "--quiet", "--workspace", ws.toString());

        assertThat(byId.out()).contains("2/2 cases stored");
        assertThat(byTag.out()).contains("1/1 cases stored");
    }

    /**
     * A slice holding a safety probe that is not blocking (p16) and a triage case: the safety gate, which checks
     * blocking probes only, has nothing to check in it and says "not run" (it failed the slice, "checks nothing",
     * as if the eval set had no probes); a slice that holds a blocking probe is held to it.
     */
    @Test
    void aSliceWithoutABlockingProbeDoesNotRunTheSafetyGate() {
        Path ws = Cli.copySample(tmp);

        Cli.Result nonBlocking = Cli.run("run", "--case", "p16", "--case", "t003", "--cache", "off", "--quiet", "--workspace", ws.toString());
        Cli.Result blocking = Cli.run("run", "--case", "p01", "--cache", "off", "--quiet", "--workspace", ws.toString());

        assertThat(nonBlocking.out()).containsPattern("\\nsafety +safety_pass_rate .* not run\\n")
                .contains("FAILED: 1 of 7 gates that ran failed, 2 not run");
        assertThat(blocking.out()).containsPattern("\\nsafety +safety_pass_rate +100\\.0% .* pass\\n");
    }

    /**
     * Whoever reads a slice's gates is told it is one, above them: in the terminal, the CI summary and both report
     * files a reviewer is handed (27 cases chosen to pass would otherwise read as a green eval set).
     */
    @Test
    void aSlicesGatesSayItIsASliceInTheTerminalTheCiSummaryAndTheReport() throws Exception {
        Path ws = Cli.copySample(tmp);
        Path md = tmp.resolve("gates.md");
        String sentence = "this run chose only some cases (cases t003, t004): its gates judge those alone, not the whole eval set";

        Cli.Result run = Cli.run("run", "--case", "t003", "--case", "t004", "--cache", "off", "--quiet", "--markdown",
                md.toString(), "--workspace", ws.toString());
        Cli.Result report = Cli.run("report", "latest", "--out", tmp.resolve("report").toString(), "--workspace", ws.toString());
        Cli.Result whole = Cli.run("run", "--cache", "off", "--quiet", "--workspace", ws.toString());

        assertThat(run.out()).containsPattern("cases stored, 2 passed\\nslice: " + java.util.regex.Pattern.quote(sentence) + "\\ngate ");
        assertThat(java.nio.file.Files.readString(md)).contains("**Slice:** " + sentence);
        assertThat(report.exit()).isZero();
        assertThat(java.nio.file.Files.readString(tmp.resolve("report/report.md"))).contains("**Slice:** " + sentence);
        assertThat(java.nio.file.Files.readString(tmp.resolve("report/report.html")))
                .contains("<strong>Slice:</strong> " + sentence);
        assertThat(whole.out()).doesNotContain("slice:");
    }

    @Test
    void aSliceThatMatchesNothingIsBadInputAndWritesNothing() {
        Path ws = Cli.copySample(tmp);

        Cli.Result r = Cli.run("run", "--tag", "no-such-tag", "--workspace", ws.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no case matches tag no-such-tag in the suites to run");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }
}
