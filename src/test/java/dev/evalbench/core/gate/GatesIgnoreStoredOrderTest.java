package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.cli.Cli;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs with the very same outputs get the very same gates, whatever order their workers finished the cases
 * in: the bootstrap draws cases by position, and the sample's tokens gate got [189,857, 192,205] from one run
 * and [189,859, 192,177] from the next.
 */
class GatesIgnoreStoredOrderTest {
    @TempDir
    Path tmp;

    @Test
    void theSameCasesStoredInAnotherOrderGetTheSameVerdictsAndIntervals() throws Exception {
        Workspace ws = Components.loadChecked(Cli.SAMPLE, Map.of());
        try (SqliteRunStore store = SqliteRunStore.open(tmp.resolve("history.db"))) {
            RunHeader header = SampleRuns.run(ws, store, new RunConfig(List.of("offline"), List.of(), 1, 1, "off"));
            List<CaseSummary> stored = store.summaries(header.id());
            List<CaseSummary> reversed = new ArrayList<>(stored);
            Collections.reverse(reversed);
            List<CaseSummary> interleaved = new ArrayList<>();
            for (int i = 0; i < stored.size(); i += 2) interleaved.add(stored.get(i));
            for (int i = 1; i < stored.size(); i += 2) interleaved.add(stored.get(i));

            GateReport asStored = gate(ws, RunCases.ofSummaries(header, stored, List.of()));
            assertThat(asStored.verdicts()).isNotEmpty().anySatisfy(v -> assertThat(v.id()).isEqualTo("tokens"));
            assertThat(gate(ws, RunCases.ofSummaries(header, reversed, List.of()))).isEqualTo(asStored);
            assertThat(gate(ws, RunCases.ofSummaries(header, interleaved, List.of()))).isEqualTo(asStored);
        }
    }

    private static GateReport gate(Workspace ws, RunCases run) {
        return new GateEvaluator(ws.suites()).evaluate(ws.gates(), run, null);
    }
}
