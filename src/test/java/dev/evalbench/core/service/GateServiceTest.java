package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.store.RunExport;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which gates hold a stored run, and its verdicts, over real runs in a real SQLite history. */
class GateServiceTest {
    @TempDir
    Path tmp;

    ServiceWorkspace fixture;
    Workspace ws;
    final GateService gates = new GateService(Map.of());

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ServiceWorkspace(tmp.resolve("ws"));
        ws = Components.loadChecked(fixture.dir, Map.of());
    }

    private RunHeader run(RunStore store) throws Exception {
        return fixture.runService().run(ws, fixture.dir, new RunConfig(List.of("fake"), List.of(), 1, 2, "off"),
                store, RunListener.NONE, new Cancellation());
    }

    @Test
    void aStoredRunIsGatedByTheWorkspaceItsSnapshotsRebuildEvenAfterTheFolderChanged() throws Exception {
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader header = run(store);
            // Loosen the schema gate on disk: the run must still be held to the gates it ran with.
            Path gatesYaml = fixture.dir.resolve("gates.yaml");
            Files.writeString(gatesYaml, Files.readString(gatesYaml).replace("min: 0.99", "min: 0.0"));

            GateService.Gated gated = gates.gateStored(store, header.id(), gates.gatesOf(
                    RunLookup.run(store, header.id()), store, fixture.dir).orElseThrow().workspace(), null);
            Optional<RunGates> found = gates.gatesOf(gated.run(), store, fixture.dir);

            assertThat(found).get().extracting(RunGates::source).isEqualTo("the stored snapshot of run " + header.id());
            GateReport report = gated.report();
            assertThat(report.verdicts()).extracting(GateVerdict::id)
                    .containsExactly("schema", "category-accuracy", "action-vs-baseline", "safety", "latency", "tokens", "cost");
            // Every answer is schema-valid; only t001 is right, so category accuracy fails its 0.90.
            assertThat(verdict(report, "schema").passed()).isTrue();
            assertThat(verdict(report, "category-accuracy").passed()).isFalse();
            assertThat(verdict(report, "cost").passed()).as("no baseline").isFalse();
            assertThat(verdict(report, "cost").detail()).doesNotContain("--");
        }
    }

    @Test
    void anExportedRunFallsBackToTheWorkspaceFolderOrToNothing() throws Exception {
        Path exported = tmp.resolve("run.json");
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunExport.write(RunLookup.run(store, run(store).id()), exported);
        }
        StoredRun fromFile = RunExport.read(exported);
        try (RunStore empty = HistoryService.openForWriting(tmp.resolve("other"), null)) {
            assertThat(gates.gatesOf(fromFile, empty, fixture.dir)).get().extracting(RunGates::source)
                    .isEqualTo("the workspace folder " + fixture.dir);
            assertThat(gates.gatesOf(fromFile, empty, tmp.resolve("other"))).isEmpty();
        }
    }

    private static GateVerdict verdict(GateReport report, String id) {
        return report.verdicts().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }
}
