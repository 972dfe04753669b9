package dev.evalbench.app.open;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.gates.GateRow;
import dev.evalbench.cli.EditedPromptRuns;
import dev.evalbench.core.compare.GateDelta;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.service.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * CI's report folder opened by a reviewer whose workspace loosened the schema gate since (min 0.99 → 0.90): the
 * comparison and the report's results tab show the verdicts the report was signed with (schema FAIL, the cost gate
 * held against the report's baseline), and say how the open workspace judges otherwise. Both read "pass" for the
 * schema gate before, and the results tab failed the cost gate for want of a baseline the report had.
 */
@dev.evalbench.app.SharesFxToolkit
class ReportBesideEditedGatesWindowTest extends WindowTestBase {

    @Test
    void theReportsSignedVerdictsStandOverTheOpenWorkspacesEditedGates() throws Exception {
        Path ci = EditedPromptRuns.make(temp.resolve("ci"));
        Path folder = EditedPromptRuns.report(ci, temp.resolve("ci-report"));
        JsonNode report = Json.MAPPER.readTree(folder.resolve("report.json").toFile());
        String run = report.at("/run/header/id").asText();
        String base = report.at("/baseline/run_id").asText();
        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer"));
        Path gates = fixture.workspace.resolve("gates.yaml");
        String text = Files.readString(gates);
        assertThat(text).contains("{id: schema, kind: schema_pass_rate, min: 0.99}");
        Files.writeString(gates, text.replace("min: 0.99}", "min: 0.90}"));

        fixture.start(Map.of(), List.of(RunFiles.open(folder)));

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-gates").tryQuery().isPresent());
        TableView<GateDelta> deltas = table("#compare-gates");
        waitFor(20, TimeUnit.SECONDS, () -> deltas.getItems().size() == report.at("/comparison/gates").size());
        // Waited for whole: the report may be read before the workspace is, and is compared again once it is.
        String otherwise = "gates as the report recorded them (run " + run + " against " + base + "); not computed again"
                + " here: the workspace folder " + fixture.workspace + " judges them otherwise (gate schema: pass there,"
                + " FAIL in the report)";
        waitFor(20, TimeUnit.SECONDS, () -> label("#compare-overview-state").equals(otherwise));
        GateDelta schema = FxWait.read(() -> deltas.getItems().stream().filter(g -> g.id().equals("schema")).findFirst()
                .orElseThrow());
        assertThat(schema.before().passed()).isFalse();
        assertThat(schema.after().passed()).isFalse();

        Tab results = FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                .filter(t -> t.getId() != null && t.getId().startsWith("opened-tab-")).findFirst().orElseThrow());
        robot.interact(() -> fixture.workbench().window().tabs().getSelectionModel().select(results));
        String recordedLine = "As the report recorded them, against run " + base
                + ": the open workspace's gates judge it otherwise (gate schema: pass there, FAIL in the report).";
        waitFor(20, TimeUnit.SECONDS, () -> label("#gates-baseline").equals(recordedLine));
        TableView<GateRow> rows = table("#gates-table");
        for (JsonNode recorded : report.at("/gates/verdicts")) {
            String id = recorded.get("id").asText();
            GateRow shown = FxWait.read(() -> rows.getItems().stream().filter(r -> r.verdict().id().equals(id)).findFirst()
                    .orElseThrow());
            assertThat(shown.verdict().passed()).as(id).isEqualTo(recorded.get("passed").asBoolean());
        }
        long failed = report.at("/gates/verdicts").findValues("passed").stream().filter(p -> !p.asBoolean()).count();
        assertThat(failed).as("the report fails its schema gate").isPositive();
        assertThat(label("#gates-headline")).isEqualTo("FAILED: " + failed + " of " + report.at("/gates/verdicts").size()
                + " gates failed");

        // The workspace's gates put back as the report's: gated here again, against the baseline the report brought,
        // to the same verdicts (and a gate's cases can be listed again).
        Files.writeString(gates, text);
        waitFor(20, TimeUnit.SECONDS, () -> label("#gates-baseline").equals("Against the baseline the report brought (run "
                + base + "): the verdicts the report recorded."));
    }

    /**
     * A report folder that lost its baseline's records, opened over its workspace: its gates as recorded (against that
     * baseline), saying why they are not gated here; it said "open the workspace (Ctrl+O)" with the workspace open.
     */
    @Test
    void aReportWithoutItsBaselinesRecordsShowsItsRecordedGatesAndSaysWhy() throws Exception {
        Path ci = EditedPromptRuns.make(temp.resolve("ci"));
        Path folder = EditedPromptRuns.report(ci, temp.resolve("ci-report"));
        Files.delete(folder.resolve("report-baseline-cases.jsonl.gz"));
        JsonNode report = Json.MAPPER.readTree(folder.resolve("report.json").toFile());
        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer"));

        fixture.start(Map.of(), List.of(RunFiles.open(folder)));

        String why = "As the report recorded them, against run " + report.at("/baseline/run_id").asText()
                + ": the baseline's records are not beside the report, so it is not gated again here.";
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#gates-baseline").tryQuery().isPresent()
                && label("#gates-baseline").equals(why));
    }

    private String label(String id) {
        return FxWait.read(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }
}
