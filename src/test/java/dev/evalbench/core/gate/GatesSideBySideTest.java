package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.cli.Cli;
import dev.evalbench.core.gate.stats.Bootstrap;
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
 * A large run's gates, evaluated side by side, give the report that evaluating them one after another gives: the
 * same verdicts, intervals and p-values, in the gates' order, with and without a baseline. The sample's nine gates
 * over its 159 cases, made to count as large; twenty times over, so that gates reading one suite's selection at
 * the same moment get their turn.
 */
class GatesSideBySideTest {
    @TempDir
    Path tmp;

    @Test
    void sideBySideGivesTheReportOfOneGateAfterAnother() throws Exception {
        Workspace ws = Components.loadChecked(Cli.SAMPLE, Map.of());
        try (SqliteRunStore store = SqliteRunStore.open(tmp.resolve("history.db"))) {
            RunHeader first = SampleRuns.run(ws, store, new RunConfig(List.of("offline"), List.of(), 1, 1, "off"));
            RunHeader second = SampleRuns.run(ws, store, new RunConfig(List.of("offline"), List.of(), 1, 1, "off"));
            RunCases run = RunCases.ofSummaries(second, store.summaries(second.id()), List.of());
            RunCases baseline = RunCases.ofSummaries(first, store.summaries(first.id()), List.of());
            GateEvaluator inTurn = new GateEvaluator(ws.suites(), Bootstrap.standard(), Integer.MAX_VALUE);
            GateEvaluator sideBySide = new GateEvaluator(ws.suites(), Bootstrap.standard(), 1);
            GateReport alone = inTurn.evaluate(ws.gates(), run, null);
            GateReport against = inTurn.evaluate(ws.gates(), run, baseline);
            assertThat(against.verdicts()).extracting(GateVerdict::id)
                    .containsExactlyElementsOf(ws.gates().stream().map(g -> g.id()).toList()).hasSizeGreaterThan(5);
            assertThat(against.verdicts()).anySatisfy(v -> assertThat(v.baselineValue()).isNotNull());

            for (int i = 0; i < 20; i++) {
                assertThat(sideBySide.evaluate(ws.gates(), run, null)).isEqualTo(alone);
                assertThat(sideBySide.evaluate(ws.gates(), run, baseline)).isEqualTo(against);
            }
        }
    }
}
