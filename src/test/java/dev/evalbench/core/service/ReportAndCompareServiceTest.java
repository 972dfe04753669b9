package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comparing two real runs and writing (and signing) their report, without the CLI. */
class ReportAndCompareServiceTest {
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

    private RunHeader run(RunStore store, String route) throws Exception {
        return fixture.runService().run(ws, fixture.dir, new RunConfig(List.of(route), List.of(), 1, 2, "off"),
                store, RunListener.NONE, new Cancellation());
    }

    @Test
    void comparingTwoRunsGivesGateDeltasFromTheAfterRunsSnapshot() throws Exception {
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader before = run(store, "offline");
            RunHeader after = run(store, "fake");

            CompareService.Result result = new CompareService(store, gates).compare(before.id(), after.id(), fixture.dir);

            RunComparison comparison = result.comparison();
            assertThat(comparison.before().id()).isEqualTo(before.id());
            assertThat(comparison.after().id()).isEqualTo(after.id());
            assertThat(result.gates()).get().extracting(RunGates::source).isEqualTo("the stored snapshot of run " + after.id());
            assertThat(comparison.gates()).isNotEmpty();
        }
    }

    /** {@code report RUN --baseline B} of a run of one suite: the baseline's cases of that suite, as the gates read. */
    @Test
    void aPartialRunIsReportedAgainstTheBaselinesCasesOfWhatItRan() throws Exception {
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader base = run(store, "offline");
            RunHeader triage = fixture.runService().run(ws, fixture.dir, new RunConfig(List.of("offline"),
                    List.of("triage"), 1, 2, "off"), store, RunListener.NONE, new Cancellation());
            assertThat(store.cases(base.id())).hasSize(5);

            ReportService.Result report = new ReportService(store, gates).write(triage.id(), base.id(), fixture.dir,
                    tmp.resolve("report"), null);

            assertThat(report.baseline().cases()).hasSize(3)
                    .allSatisfy(c -> assertThat(c.key().suite()).isEqualTo("triage"));
            // The report says what of the baseline it left out, in each of its files.
            String leftOut = "ompared within what both runs ran; left out: 2 cases of " + base.id() + " outside what "
                    + triage.id() + " ran (suite triage)";
            assertThat(java.nio.file.Files.readString(tmp.resolve("report/report.md"))).contains(leftOut);
            assertThat(java.nio.file.Files.readString(tmp.resolve("report/report.html"))).contains(leftOut);
            assertThat(java.nio.file.Files.readString(tmp.resolve("report/report.json")))
                    .contains("\"before_left_out\":2");
        }
    }

    @Test
    void aReportIsWrittenAndSignedAndAnUnsignedRewriteFlagsTheOldEnvelope() throws Exception {
        Path out = tmp.resolve("report");
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader base = run(store, "offline");
            RunHeader head = run(store, "fake");
            ReportService reports = new ReportService(store, gates);

            ReportService.Result signed = reports.write(head.id(), base.id(), fixture.dir, out,
                    new ReportService.Signer(keys.getPrivate(), keys.getPublic()));
            ReportService.Result unsigned = reports.write(head.id(), null, fixture.dir, out, null);

            assertThat(signed.files().json()).isRegularFile();
            assertThat(signed.files().markdown()).isRegularFile();
            assertThat(signed.files().html()).isRegularFile();
            assertThat(signed.envelope()).isRegularFile();
            assertThat(signed.baseline().id()).isEqualTo(base.id());
            assertThat(signed.verdicts().baselineRunId()).isEqualTo(base.id());
            assertThat(unsigned.envelope()).isNull();
            assertThat(unsigned.staleEnvelope()).isEqualTo(signed.envelope());
        }
    }

    @Test
    void aReportOfAnUnknownRunIsARequestErrorAndNothingIsWritten() throws Exception {
        Path out = tmp.resolve("report");
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            run(store, "fake");
            RequestException e = catchThrowableOfType(() -> new ReportService(store, gates)
                    .write("nope", null, fixture.dir, out, null), RequestException.class);
            assertThat(e.field()).isEqualTo("run");
            assertThat(e.value()).isEqualTo("nope");
        }
        assertThat(out).doesNotExist();
    }
}
