package dev.evalbench.app.open;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.EditedPromptRuns;
import dev.evalbench.core.compare.GateDelta;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.compare.ReviewStatus;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.service.RunFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * The reviewer's one artifact: the report folder CI wrote for a pull request against main ({@code report latest
 * --baseline main}, the sample's prompt edited so that cases regress), opened with no workspace and no history, as
 * {@code evalbench open ci-report/} does. It opens on the comparison it reports, the first regression selected,
 * with the gate deltas the report recorded (not "no gates"); its results tab's "Baseline" goes back to it.
 */
@dev.evalbench.app.SharesFxToolkit
class ReportComparisonWindowTest extends WindowTestBase {

    @Test
    void aReportFolderOpensOnTheComparisonItReportsWithTheGateDeltasItRecorded() throws Exception {
        Path ws = EditedPromptRuns.make(temp.resolve("ci"));
        Path folder = EditedPromptRuns.report(ws, temp.resolve("ci-report"));
        JsonNode report = Json.MAPPER.readTree(folder.resolve("report.json").toFile());
        int regressed = report.at("/comparison/counts/pass_to_fail").asInt();
        assertThat(regressed).as("the edited prompt makes cases regress").isPositive();

        fixture = WorkbenchFixture.withoutWorkspace(temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(RunFiles.open(folder)));

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && table("#compare-table").getItems().size() == report.at("/run_cases/count").asInt());
        Tab selected = FxWait.read(() -> fixture.workbench().window().tabs().getSelectionModel().getSelectedItem());
        assertThat(selected.getId()).isEqualTo("compare-tab");
        assertThat(label("#compare-headline")).startsWith(regressed + " regressed · ");
        assertThat(label("#compare-runs")).startsWith("First run: baseline " + report.at("/baseline/run_id").asText()
                + " of the report (ci-report) (read-only)");
        assertThat(label("#status-message")).isEqualTo("Opened report " + report.at("/run/header/id").asText()
                + " (ci-report) with its baseline " + report.at("/baseline/run_id").asText() + " read-only.");
        TableView<ReviewCase> cases = table("#compare-table");
        waitFor(10, TimeUnit.SECONDS, () -> cases.getSelectionModel().getSelectedItem() != null);
        // Each decision is drawn whole ("escalate (reject…" in a column of the old words' width).
        waitFor(10, TimeUnit.SECONDS, () -> {
            List<javafx.scene.control.TableCell> decisions = robot.lookup("#compare-table .table-cell")
                    .queryAllAs(javafx.scene.control.TableCell.class).stream()
                    .filter(c -> c.getText() != null && c.getText().matches("[a-z_]+ \\((accepted|rejected)\\)")).toList();
            return decisions.stream().anyMatch(c -> c.getText().contains("(rejected)"))
                    && decisions.stream().allMatch(dev.evalbench.app.DrawnWhole::of);
        });
        assertThat(FxWait.read(() -> cases.getSelectionModel().getSelectedItem().status())).isEqualTo(ReviewStatus.REGRESSED);

        // The gate deltas, as the report recorded them: each gate's two verdicts.
        TableView<GateDelta> gates = table("#compare-gates");
        waitFor(20, TimeUnit.SECONDS, () -> gates.getItems().size() == report.at("/comparison/gates").size());
        assertThat(label("#compare-overview-state")).isEqualTo("gates as the report recorded them (run "
                + report.at("/run/header/id").asText() + " against " + report.at("/baseline/run_id").asText() + ")");
        for (JsonNode recorded : report.at("/comparison/gates")) {
            GateDelta shown = gates.getItems().stream().filter(g -> g.id().equals(recorded.get("id").asText())).findFirst().orElseThrow();
            assertThat(shown.before().passed()).as(shown.id()).isEqualTo(recorded.at("/before/passed").asBoolean());
            assertThat(shown.after().passed()).as(shown.id()).isEqualTo(recorded.at("/after/passed").asBoolean());
        }
        assertThat(robot.lookup("#compare-no-gates").tryQuery()).isEmpty();
        // The prompt's template diff too: the folder keeps the baseline's template text beside the run's.
        assertThat(robot.lookup("#compare-template-triage").tryQuery()).as("the template diff of prompt triage").isPresent();

        // The report's own results tab is open beside it; its "Baseline" (Ctrl+Shift+B) selects this comparison, not a
        // second one.
        Tab results = FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .filter(t -> t.getId() != null && t.getId().startsWith("opened-tab-")).findFirst().orElseThrow());
        robot.interact(() -> fixture.workbench().window().tabs().getSelectionModel().select(results));
        robot.clickOn("#results-table").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT,
                javafx.scene.input.KeyCode.B);
        waitFor(10, TimeUnit.SECONDS, () -> fixture.workbench().window().tabs().getSelectionModel().getSelectedItem() == selected);
        assertThat(FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .filter(t -> "compare-tab".equals(t.getId())).count())).isEqualTo(1);

        // Two runs read from files are not the history's to report on: no "Export report…", and Ctrl+E says why.
        assertThat(robot.lookup("#compare-export-report").tryQuery()).isEmpty();
        robot.clickOn("#compare-filter").press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.E)
                .release(javafx.scene.input.KeyCode.E, javafx.scene.input.KeyCode.CONTROL);
        waitFor(5, TimeUnit.SECONDS, () -> label("#status-message").startsWith("A report is exported from this workspace's history"));
    }

    /**
     * The reviewer's own workspace is open and mid-edit, with a problem: the report's comparison still shows what
     * changed and the gate deltas the report recorded, saying why they were not computed again here. It used to
     * stay at "Comparing the version tuples…" and "Comparing gates…" for good, the reason cut beside them.
     */
    @Test
    void aReportFolderOpenedOverAWorkspaceWithAProblemShowsTheGatesTheReportRecorded() throws Exception {
        Path ws = EditedPromptRuns.make(temp.resolve("ci"));
        Path folder = EditedPromptRuns.report(ws, temp.resolve("ci-report"));
        JsonNode report = Json.MAPPER.readTree(folder.resolve("report.json").toFile());
        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer"));
        Path gates = fixture.workspace.resolve("gates.yaml");
        java.nio.file.Files.writeString(gates, java.nio.file.Files.readString(gates) + "\n  - [not a gate\n");

        fixture.start(Map.of(), List.of(RunFiles.open(folder)));

        // The report's tab opens once its files are read, off the FX thread: after the window shows (a CI run looked
        // for its table before that, and found none).
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-gates").tryQuery().isPresent());
        TableView<GateDelta> deltas = table("#compare-gates");
        waitFor(20, TimeUnit.SECONDS, () -> deltas.getItems().size() == report.at("/comparison/gates").size());
        assertThat(label("#compare-overview-state")).isEqualTo("gates as the report recorded them (run "
                + report.at("/run/header/id").asText() + " against " + report.at("/baseline/run_id").asText()
                + "); not computed again here: the workspace folder " + fixture.workspace + " has problems ("
                + FxWait.read(() -> fixture.workbench().session().problems().get(0)) + ")");
        assertThat(FxWait.read(() -> robot.lookup("#compare-versions .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList())).noneMatch(t -> t.startsWith("Comparing"));
    }

    /**
     * A report folder that lost its baseline's records (an artifact upload that kept only some files) still opens its
     * run, read-only, and the status line says why the comparison cannot be opened; the launcher refused it before.
     */
    @Test
    void aReportFolderWithoutItsBaselinesRecordsOpensItsRunAndSaysWhy() throws Exception {
        Path ws = EditedPromptRuns.make(temp.resolve("ci"));
        Path folder = EditedPromptRuns.report(ws, temp.resolve("ci-report"));
        java.nio.file.Files.delete(folder.resolve("report-baseline-cases.jsonl.gz"));
        JsonNode report = Json.MAPPER.readTree(folder.resolve("report.json").toFile());

        fixture = WorkbenchFixture.withoutWorkspace(temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(RunFiles.open(folder)));
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#results-table").tryQuery().isPresent()
                && table("#results-table").getItems().size() == report.at("/run_cases/count").asInt());
        assertThat(label("#status-message")).startsWith("Opened report " + report.at("/run/header/id").asText()
                + " (ci-report) alone (its comparison with its baseline cannot be opened: ")
                .contains("report-baseline-cases.jsonl.gz, which cannot be read next to it");
        assertThat(robot.lookup("#compare-table").tryQuery()).isEmpty();
        // Its "Baseline" has no history to fall back on: it says so, and why the report's own baseline is not there.
        robot.interact(() -> robot.lookup("#results-compare-baseline").queryAs(Button.class).fire());
        waitFor(10, TimeUnit.SECONDS, () -> label("#status-message").startsWith("Cannot compare: no workspace is open"));
        assertThat(label("#status-message")).contains("; the report's own baseline cannot be read: ")
                .contains("report-baseline-cases.jsonl.gz, which cannot be read next to it");
    }

    /**
     * The reviewer verifies that report folder with CI's public key and no workspace: INVALID, the reason right
     * under the verdict; with "Input files may be absent" ticked, VALID, saying how many files were not checked.
     * Verified again, each table still shows its rows whole, with no scroll bar of its own.
     */
    @Test
    void theReviewerVerifiesTheReportFolderWithoutTheWorkspace() throws Exception {
        Path ws = EditedPromptRuns.make(temp.resolve("ci"));
        Path xdg = temp.resolve("xdg");
        Path keys = xdg.resolve("evalbench/keys");
        assertThat(dev.evalbench.cli.Cli.run("keygen", "--out", keys.toString(), "--name", "ci").exit()).isZero();
        Path folder = temp.resolve("ci-report");
        var report = dev.evalbench.cli.Cli.run("report", "latest", "--baseline", "main", "--out", folder.toString(),
                "--workspace", ws.toString(), "--sign", keys.resolve("ci.key").toString());
        assertThat(report.exit()).as(report.err()).isZero();
        // CI's checkout, where the run was made, is not on the reviewer's machine: with it there, Verify would read the
        // input files from it (the folder the report names), as for an author verifying their own report.
        java.nio.file.Files.move(ws, temp.resolve("ci-elsewhere"));

        fixture = WorkbenchFixture.withoutWorkspace(temp.resolve("reviewer"));
        fixture.start(Map.of("XDG_CONFIG_HOME", xdg.toString()), List.of(RunFiles.open(folder)));
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent());
        // "Verify report…" verifies the signed report in view, with nothing to type.
        robot.interact(() -> robot.lookup("#verify-report-button").queryAs(Button.class).fire());
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#verify-envelope").tryQuery().isPresent());
        waitFor(30, TimeUnit.SECONDS, () -> label("#verify-verdict").startsWith("INVALID"));
        assertThat(FxWait.read(() -> robot.lookup("#verify-envelope").queryAs(javafx.scene.control.TextField.class).getText()))
                .isEqualTo(folder.resolve("report.intoto.json").toAbsolutePath().toString());
        assertThat(label("#verify-problems")).contains("signed input files not checked: no workspace folder given")
                .contains("tick \"Input files may be absent\"");

        robot.interact(() -> robot.lookup("#verify-inputs-may-be-absent").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        waitFor(30, TimeUnit.SECONDS, () -> label("#verify-verdict").startsWith("VALID"));
        assertThat(label("#verify-verdict")).endsWith(" files not checked, as allowed)");
        robot.interact(() -> robot.lookup("#verify-run").queryAs(Button.class).fire());
        waitFor(30, TimeUnit.SECONDS, () -> label("#verify-verdict").startsWith("VALID"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        for (String table : List.of("#verify-signatures", "#verify-files")) {
            assertThat(FxWait.read(() -> robot.lookup(table + " .scroll-bar").queryAllAs(javafx.scene.control.ScrollBar.class)
                    .stream().filter(javafx.scene.Node::isVisible).map(b -> b.getOrientation().toString()).toList()))
                    .as(table + ": its visible scroll bars").isEmpty();
        }
        TableView<dev.evalbench.app.reports.CheckRow> files = table("#verify-files");
        assertThat(files.getItems()).extracting(dev.evalbench.app.reports.CheckRow::what)
                .contains("report.json", "report-cases.jsonl.gz", "report-baseline-cases.jsonl.gz");

        // The report's results tab has its own "Verify signature…", which comes back here.
        Tab verifyTab = FxWait.read(() -> fixture.workbench().window().tabs().getSelectionModel().getSelectedItem());
        Tab results = FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .filter(t -> t.getId() != null && t.getId().startsWith("opened-tab-")).findFirst().orElseThrow());
        robot.interact(() -> fixture.workbench().window().tabs().getSelectionModel().select(results));
        robot.interact(() -> robot.lookup("#opened-verify").queryAs(Button.class).fire());
        waitFor(10, TimeUnit.SECONDS, () -> fixture.workbench().window().tabs().getSelectionModel().getSelectedItem() == verifyTab);
        waitFor(30, TimeUnit.SECONDS, () -> label("#verify-verdict").startsWith("VALID"));
    }

    private String label(String id) {
        return FxWait.read(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }
}
