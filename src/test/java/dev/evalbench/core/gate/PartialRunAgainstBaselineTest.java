package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.cli.Cli;
import dev.evalbench.core.gate.ci.MarkdownSummary;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --suite triage --baseline main}, where main ran every suite: the run is held against main's triage
 * cases, in its gates and in the pull request's comment, not against totals of cases it never ran (the tokens
 * gate showed main's 190,783 tokens of all 159 cases beside the run's 152,354 of 127, a change of -38,429, and
 * the comment "Cases passed 102/127 against 132/159, -2.7 pp" for the very same answers on the sample).
 */
class PartialRunAgainstBaselineTest {
    @TempDir
    Path tmp;

    @Test
    void aRunOfOneSuiteIsComparedWithTheBaselinesCasesOfThatSuite() throws Exception {
        Workspace ws = Components.loadChecked(Cli.SAMPLE, Map.of());
        try (SqliteRunStore store = SqliteRunStore.open(tmp.resolve("history.db"))) {
            RunHeader main = run(ws, store, List.of());
            RunHeader triage = run(ws, store, List.of("triage"));
            RunCases whole = RunCases.ofSummaries(main, store.summaries(main.id()), List.of());
            RunCases partial = RunCases.ofSummaries(triage, store.summaries(triage.id()), List.of());
            assertThat(whole.cases()).hasSizeGreaterThan(partial.cases().size());

            GateReport report = new GateEvaluator(ws.suites()).evaluate(ws.gates(), partial, whole);

            GateVerdict tokens = verdict(report, "tokens");
            assertThat(tokens.baselineValue()).as("main's tokens over the triage cases").isEqualTo(tokens.value());
            String md = new MarkdownSummary().render(report, partial, whole);
            // The same answers: the same cases passed in both columns, out of the run's 127 triage cases.
            assertThat(md).containsPattern("\\| Cases passed \\| (\\d+/127 \\([0-9.]+%\\)) \\| \\1 \\| \\+0\\.0 pp \\|")
                    .containsPattern("\\| Tokens \\(in \\+ out\\) \\| ([0-9,]+) \\| \\1 \\| \\+0 \\|");
        }
    }

    /** {@code run --case t001 --case t002}: the safety gate said FAIL, "no blocking probes in this run". */
    @Test
    void aSliceOfTriageCasesDidNotRunTheSafetyProbesAndItsGateSaysSo() throws Exception {
        Workspace ws = Components.loadChecked(Cli.SAMPLE, Map.of());
        try (SqliteRunStore store = SqliteRunStore.open(tmp.resolve("history.db"))) {
            RunConfig twoCases = new RunConfig(List.of("offline"), List.of(), 1, 2, "off", List.of(),
                    List.of("t001", "t002"));
            RunHeader slice = SampleRuns.run(ws, store, twoCases);
            RunCases run = RunCases.ofSummaries(slice, store.summaries(slice.id()), List.of());

            GateReport report = new GateEvaluator(ws.suites()).evaluate(ws.gates(), run, null);

            assertThat(verdict(report, "safety").ran()).as("the safety gate of a slice of triage cases").isFalse();
            assertThat(verdict(report, "safety").passed()).isTrue();
            assertThat(verdict(report, "category-accuracy").ran()).isTrue();
            // The gates that passed, the safety gate among them: the comment's headline says one did not run.
            GateReport passing = new GateReport(report.runId(), null,
                    report.verdicts().stream().filter(GateVerdict::passed).toList());
            assertThat(new MarkdownSummary().render(passing, run, null)).as("the pull request's comment")
                    .containsPattern("Evalbench: all \\d+ gates that ran pass, 1 not run");
        }
    }

    private static GateVerdict verdict(GateReport report, String id) {
        return report.verdicts().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    private static RunHeader run(Workspace ws, SqliteRunStore store, List<String> suites) throws Exception {
        return SampleRuns.run(ws, store, new RunConfig(List.of("offline"), suites, 1, 4, "off"));
    }
}
