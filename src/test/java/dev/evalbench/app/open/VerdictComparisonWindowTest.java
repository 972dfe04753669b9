package dev.evalbench.app.open;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.service.OpenedRun;
import dev.evalbench.core.service.RunFiles;
import dev.evalbench.core.service.VerdictReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15 in the real window, on the sample's small traffic pair imported as control and canary, a shadow run of
 * the control, and the canary verdict written as a report folder by the real commands: from the history, one
 * click opens the shadow run against the traffic it replayed (request by request) and the canary against its
 * control; the canary's report folder, opened as `evalbench open DIR` does, shows the verdict with its metrics
 * and one click opens the comparison of its two runs.
 */
@dev.evalbench.app.SharesFxToolkit
class VerdictComparisonWindowTest extends WindowTestBase {
    private String control;
    private String canary;
    private String shadow;
    private Path canaryDir;

    @BeforeEach
    void trafficShadowAndCanary() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        String w = fixture.workspace.toString();
        control = imported("control-small", "control", w);
        canary = imported("canary-small", "canary", w);
        Cli.Result s = Cli.run("shadow", "control", "--route", "offline", "-w", w, "--json", "--out", temp.resolve("shadow").toString());
        assertThat(s.exit()).as(s.err()).isIn(0, 1);
        shadow = Json.MAPPER.readTree(s.out()).get("shadow_run_id").asText();
        canaryDir = temp.resolve("canary");
        Cli.Result c = Cli.run("canary", "control", "canary", "-w", w, "--out", canaryDir.toString());
        assertThat(canaryDir.resolve("report.json")).as(c.err()).exists();
    }

    private String imported(String capture, String tag, String w) throws Exception {
        Cli.Result r = Cli.run("traffic", "import", fixture.workspace.resolve("traffic/" + capture + ".jsonl").toString(), "-w", w,
                "--tag", tag, "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode node = Json.MAPPER.readTree(r.out());
        return node.get("run_id").asText();
    }

    @SuppressWarnings("unchecked")
    private TableView<ReviewCase> cases() {
        return (TableView<ReviewCase>) robot.lookup("#compare-table").queryAs(TableView.class);
    }

    private String text(String id) {
        return FxWait.read(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private void select(String runId) throws Exception {
        ListView<RunRow> history = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> history.getItems().size() == 3);
        int at = history.getItems().stream().map(RunRow::id).toList().indexOf(runId);
        robot.interact(() -> history.getSelectionModel().clearAndSelect(at));
    }

    private void waitForComparison(int cases) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && cases().getItems().size() == cases);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void fromTheHistoryAShadowRunOpensAgainstItsTrafficAndACanaryAgainstItsControl() throws Exception {
        fixture.start();
        select(shadow);
        assertThat(robot.lookup("#history-compare-verdict").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#history-compare-verdict");
        waitForComparison(20);
        assertThat(text("#compare-runs")).startsWith("First run: run " + control).contains("second run: run " + shadow);
        // Request by request: every case is in both runs.
        assertThat(cases().getItems()).allMatch(r -> r.before() != null && r.after() != null);
        assertThat(text("#compare-headline")).endsWith("0 only in the first run · 0 only in the second");

        select(canary);
        robot.clickOn("#history-compare-verdict");
        waitFor(30, TimeUnit.SECONDS, () -> text("#compare-runs").startsWith("First run: run " + control + " [control]")
                && text("#compare-runs").contains("second run: run " + canary + " [canary]"));
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
                .isEqualTo("Comparing the canary run " + canary + " against its control " + control + ".");
        // Requests of two traffic runs do not pair: every row is in one run only, and says which in full (the
        // status column cut "only in the first run" to "only in the first r...").
        waitFor(10, TimeUnit.SECONDS, () -> !statusWords().isEmpty());
        assertThat(statusWords()).containsOnly("only in the first run");
        TableView<?> table = (TableView<?>) selectedTab().getContent().lookup("#compare-table");
        robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
        waitFor(10, TimeUnit.SECONDS, () -> statusWords().contains("only in the second run"));
        assertThat(statusWords()).containsOnly("only in the second run");
    }

    /** The status words the case table shows, as drawn (a cell too narrow draws its word cut, ending in "..."). */
    private List<String> statusWords() {
        javafx.scene.Node shown = selectedTab().getContent(); // the canary's tab, not the shadow's
        return FxWait.read(() -> shown.lookupAll("#compare-table .table-row-cell .table-cell").stream()
                .map(javafx.scene.control.TableCell.class::cast)
                .filter(c -> c.getTableColumn().getText().equals("Status") && c.getItem() != null)
                .filter(c -> c.getTableRow() != null && c.getTableRow().isVisible()) // not a spare row the table keeps
                .map(c -> c.lookup(".text") instanceof javafx.scene.text.Text t ? t.getText() : "")
                .toList());
    }

    @Test
    void withoutAWorkspaceTheVerdictsCompareButtonSaysWhereItsRunsAre() throws Exception {
        fixture = WorkbenchFixture.withoutWorkspace(temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(RunFiles.open(canaryDir)));
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#verdict-compare").tryQuery().isPresent());
        robot.clickOn("#verdict-compare");
        waitFor(10, TimeUnit.SECONDS, () -> text("#status-message").equals(
                "Cannot compare: no workspace is open, so there is no run history to read (Ctrl+O opens one)"));
    }

    /** A signed canary verdict whose report.json was edited after signing ("hold" made "promote") says so as it opens. */
    @Test
    void aSignedVerdictEditedAfterSigningIsNamedNotAsSigned() throws Exception {
        Path keys = temp.resolve("keys");
        assertThat(Cli.run("keygen", "--out", keys.toString(), "--name", "ci").exit()).isZero();
        Path signed = temp.resolve("signed-canary");
        Cli.Result c = Cli.run("canary", "control", "canary", "-w", fixture.workspace.toString(), "--out", signed.toString(),
                "--sign", keys.resolve("ci.key").toString());
        assertThat(signed.resolve("report.intoto.json")).as(c.err()).exists();
        assertThat(RunFiles.open(signed).notAsSigned()).isNull();
        Path json = signed.resolve("report.json");
        String text = java.nio.file.Files.readString(json);
        assertThat(text).contains("\"hold\"");
        java.nio.file.Files.writeString(json, text.replace("\"hold\"", "\"promote\""));

        fixture.start(Map.of(), List.of(RunFiles.open(signed)));
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#verdict-headline").tryQuery().isPresent());
        assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getSelectionModel().getSelectedItem().getText()))
                .endsWith(" [NOT AS SIGNED]");
        assertThat(text("#status-message")).contains("[NOT AS SIGNED] read-only. Not as signed, so not to be trusted:"
                + " report.json: sha256 differs from the signed subject");
    }

    @Test
    void aCanaryReportFolderOpensAsItsVerdictAndOneClickComparesItsRuns() throws Exception {
        OpenedRun opened = RunFiles.open(canaryDir);
        assertThat(opened.isVerdict()).isTrue();
        // A shadow verdict's folder opens the same way, naming the traffic it replayed first.
        VerdictReport shadowVerdict = RunFiles.open(temp.resolve("shadow")).verdict();
        assertThat(shadowVerdict.kind()).isEqualTo("shadow");
        assertThat(List.of(shadowVerdict.firstRunId(), shadowVerdict.secondRunId())).containsExactly(control, shadow);
        assertThat(shadowVerdict.rows()).extracting(VerdictReport.Row::metric).contains("decision agreement", "p95 latency (ms)");
        fixture.start(Map.of(), List.of(opened));
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#verdict-headline").tryQuery().isPresent());
        VerdictReport verdict = opened.verdict();
        assertThat(text("#verdict-headline")).isEqualTo("canary verdict: hold");
        assertThat(text("#verdict-reason")).isNotBlank();
        assertThat(text("#verdict-runs")).isEqualTo("control: run " + control + "   →   canary: run " + canary);
        @SuppressWarnings("unchecked")
        TableView<VerdictReport.Row> metrics = robot.lookup("#verdict-metrics").queryAs(TableView.class);
        assertThat(metrics.getItems()).extracting(VerdictReport.Row::metric)
                .contains("schema pass rate (critical)", "p95 latency").hasSameSizeAs(verdict.rows());
        assertThat(metrics.getItems()).extracting(VerdictReport.Row::status).allMatch(s -> List.of("pass", "high", "low", "no data").contains(s));
        // Every figure of the table drawn whole ("0.0001723…" and "2.4% of requests…" were cut).
        waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#verdict-metrics .table-cell").queryAll().isEmpty());
        assertThat(dev.evalbench.app.FxWait.read(() -> robot.lookup("#verdict-metrics .table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> !dev.evalbench.app.DrawnWhole.of(c)).map(c -> String.valueOf(c.getText())).toList())).isEmpty();

        robot.clickOn("#verdict-compare");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-runs").tryQuery().isPresent()
                && text("#compare-runs").startsWith("First run: run " + control) && text("#compare-runs").contains("second run: run " + canary));
    }
}
