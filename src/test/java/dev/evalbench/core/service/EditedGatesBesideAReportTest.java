package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.cli.Cli;
import dev.evalbench.core.compare.ChangeOverview;
import dev.evalbench.core.compare.GateDelta;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.store.LoadedRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed report compared beside a workspace folder whose gates were edited since (a reviewer's checkout, an
 * author who loosened a threshold): the report's runs are shown with the gates the report recorded, not gated again
 * with the folder's, which turned the sample's failing schema gate (98.7% against min 0.99) into "pass". A folder
 * holding the same gates still gates them (the window then also lists each gate's cases).
 */
class EditedGatesBesideAReportTest {
    @TempDir Path tmp;
    Path report;
    Path checkout;

    @BeforeEach
    void aReportWithItsBaselineAndACheckoutOfTheSameWorkspace() throws Exception {
        Path ws = Cli.copySample(tmp.resolve("ci"));
        report = tmp.resolve("report");
        assertThat(Cli.run("run", "--cache", "off", "--quiet", "--workspace", ws.toString()).exit()).isEqualTo(1);
        assertThat(Cli.run("run", "--cache", "off", "--quiet", "--workspace", ws.toString()).exit()).isEqualTo(1);
        assertThat(Cli.run("report", "latest", "--baseline", "latest~1", "--out", report.toString(), "--workspace",
                ws.toString()).exit()).isZero();
        checkout = Cli.copySample(tmp.resolve("reviewer"));
    }

    @Test
    void theTerminalsComparisonKeepsTheReportsGatesWhenTheFolderJudgesOtherwise() throws Exception {
        Cli.Result same = Cli.run("compare", report.toString(), "--workspace", checkout.toString());
        loosenTheSchemaGate();
        Cli.Result edited = Cli.run("compare", report.toString(), "--workspace", checkout.toString());

        assertThat(same.out()).containsPattern("\\n  schema +FAIL 98\\.7% +-> FAIL 98\\.7%")
                .contains("\ngates from the workspace folder " + checkout + "\n");
        assertThat(edited.exit()).isZero();
        assertThat(edited.out()).containsPattern("\\n  schema +FAIL 98\\.7% +-> FAIL 98\\.7%")
                .contains("\ngates from the report " + report.resolve("report.json") + ", as it recorded them; not computed"
                        + " again here: the workspace folder " + checkout + " judges them otherwise (gate schema: pass there,"
                        + " FAIL in the report)\n");
    }

    @Test
    void theWindowsComparisonKeepsTheReportsGatesWhenTheFolderJudgesOtherwise() throws Exception {
        OpenedRun opened = RunFiles.open(report);
        LoadedRunStore files = new LoadedRunStore();
        String head = files.add(opened.run());
        String base = files.add(opened.baseline());
        Map<String, GateReport> recorded = Map.of(head, opened.reportGates(), base, opened.baselineGates());
        ReviewService review = new ReviewService(Map.of());
        ReviewService.Side before = new ReviewService.Side(files, base);
        ReviewService.Side after = new ReviewService.Side(files, head);
        ReviewService.Cases cases = review.cases(before, after);

        ReviewService.GatedOverview same = review.gatedOverview(before, after, cases, checkout, recorded::get);
        loosenTheSchemaGate();
        ReviewService.GatedOverview edited = review.gatedOverview(before, after, cases, checkout, recorded::get);

        assertThat(same.overview().gatesFrom()).isEqualTo("gates from the workspace folder " + checkout);
        assertThat(same.gatedWith()).isNotNull();
        assertThat(schema(same.overview()).after().passed()).isFalse();
        assertThat(edited.overview().gatesFrom()).isEqualTo("gates as the report recorded them (run " + head + " against "
                + base + "); not computed again here: the workspace folder " + checkout
                + " judges them otherwise (gate schema: pass there, FAIL in the report)");
        assertThat(schema(edited.overview()).before().passed()).isFalse();
        assertThat(schema(edited.overview()).after().passed()).isFalse();
        assertThat(edited.overview().gates()).hasSameSizeAs(same.overview().gates());
    }

    private void loosenTheSchemaGate() throws Exception {
        Path gates = checkout.resolve("gates.yaml");
        String text = Files.readString(gates);
        assertThat(text).contains("{id: schema, kind: schema_pass_rate, min: 0.99}");
        Files.writeString(gates, text.replace("{id: schema, kind: schema_pass_rate, min: 0.99}",
                "{id: schema, kind: schema_pass_rate, min: 0.90}"));
    }

    private static GateDelta schema(ChangeOverview overview) {
        return overview.gates().stream().filter(g -> g.id().equals("schema")).findFirst().orElseThrow();
    }
}
