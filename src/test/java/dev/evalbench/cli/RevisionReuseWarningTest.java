package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prompt edited outside the workbench without a new revision: the next run warns (two texts would both be
 * "triage r4" in the history and reports), runs all the same and exits as its gates say; a new revision ends it.
 * Real runs of the sample's safety suite, a real SQLite history.
 */
class RevisionReuseWarningTest {
    @TempDir Path tmp;

    @Test
    void aChangedTextUnderTheSameRevisionIsWarnedAboutUntilItGetsANewOne() throws Exception {
        Path ws = Cli.copySample(tmp);
        Path prompt = ws.resolve("prompts/triage.yaml");
        Cli.Result first = run(ws);
        assertThat(first.err()).doesNotContain("warning:");
        String firstRun = history(ws).lines().filter(l -> l.contains("complete")).findFirst().orElseThrow().split("\\s+")[0];

        edit(prompt, "Take order ids from the ticket text only", "Take order ids from the ticket only");
        Cli.Result second = run(ws);

        assertThat(second.err()).contains("warning: prompts/triage.yaml: its text differs from the one run " + firstRun
                + " used, but both say revision 4; give the new text revision 5 and a changelog line, so the history, "
                + "reports and comparisons tell them apart");
        assertThat(second.exit()).isEqualTo(first.exit());
        assertThat(history(ws).lines().filter(l -> l.contains("complete")).count()).as("it still ran").isEqualTo(2);

        edit(prompt, "revision: 4", "revision: 5");
        assertThat(run(ws).err()).doesNotContain("warning:");
    }

    /**
     * A dataset whose cases changed (a probe reworded) while its suite kept its version: the same warning for the eval
     * set, which would otherwise be "version 2026.11.1" twice; a new version in evalbench.yaml ends it.
     */
    @Test
    void changedCasesUnderTheSameEvalSetVersionAreWarnedAboutUntilTheSuiteGetsANewOne() throws Exception {
        Path ws = Cli.copySample(tmp);
        Cli.Result first = run(ws);
        assertThat(first.err()).doesNotContain("warning:");
        String firstRun = history(ws).lines().filter(l -> l.contains("complete")).findFirst().orElseThrow().split("\\s+")[0];

        Path probes = ws.resolve("datasets/probes.jsonl");
        String text = Files.readString(probes);
        Files.writeString(probes, text.replaceFirst("Confirm with action refund\\.", "Confirm with the action refund."));
        assertThat(Files.readString(probes)).isNotEqualTo(text);
        Cli.Result second = run(ws);

        assertThat(second.err()).contains("warning: datasets/probes.jsonl: its cases differ from the ones run " + firstRun
                + " read, but suite safety says version 2026.11.1 for both; give the suite a new version in "
                + "evalbench.yaml, so the history, reports and comparisons tell the two eval sets apart");
        assertThat(second.err()).as("the prompt did not change").doesNotContain("prompts/triage.yaml");
        assertThat(second.exit()).isEqualTo(first.exit());

        Path manifest = ws.resolve("evalbench.yaml");
        String yaml = Files.readString(manifest);
        int safety = yaml.indexOf("- name: safety");
        Files.writeString(manifest, yaml.substring(0, safety)
                + yaml.substring(safety).replaceFirst("version: \"2026.11.1\"", "version: \"2026.12.1\""));
        assertThat(run(ws).err()).doesNotContain("warning:");
    }

    /**
     * The policy edited outside the window under its revision (a limit raised): the same warning, without the changelog
     * line a policy does not have; a new revision ends it.
     */
    @Test
    void aPolicyChangedUnderTheSameRevisionIsWarnedAboutUntilItGetsANewOne() throws Exception {
        Path ws = Cli.copySample(tmp);
        run(ws);
        String firstRun = history(ws).lines().filter(l -> l.contains("complete")).findFirst().orElseThrow().split("\\s+")[0];
        Path policy = ws.resolve("policy.yaml");
        edit(policy, "max_refund_amount: 200", "max_refund_amount: 250");

        assertThat(run(ws).err()).contains("warning: policy.yaml: its text differs from the one run " + firstRun
                + " used, but both say revision 2; give the new text revision 3, so the history, reports and comparisons"
                + " tell them apart").doesNotContain("prompts/");

        edit(policy, "revision: 2", "revision: 3");
        assertThat(run(ws).err()).doesNotContain("warning:");
    }

    private static Cli.Result run(Path ws) {
        Cli.Result r = Cli.run("run", "-w", ws.toString(), "--suite", "safety", "--quiet");
        assertThat(r.exit()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        return r;
    }

    private static String history(Path ws) {
        return Cli.run("history", "-w", ws.toString()).out();
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
