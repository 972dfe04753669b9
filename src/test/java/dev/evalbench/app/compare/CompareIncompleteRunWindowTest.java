package dev.evalbench.app.compare;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.compare.GateDelta;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * A reviewer compares main with a run whose second route had nothing listening at its address: the breaker kept
 * every one of that route's cases from the model, and the run stands incomplete. The comparison said nothing of it,
 * and its gate table read that route's gates "FAIL" and "not run". Now the overview says the run is incomplete and
 * why, and the route's gates read "no answer", as the run's own gate table does; main's gates (of one route) are
 * paired with the offline route's.
 */
@dev.evalbench.app.SharesFxToolkit
class CompareIncompleteRunWindowTest extends WindowTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewSaysTheRunIsIncompleteAndTheDeadRoutesGatesReadNoAnswer() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        String ws = fixture.workspace.toString();
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", "http://127.0.0.1:" + closed + "/v1");
        // More attempts than the breaker's 5 calls: the first case's fifth failed attempt opens it, before any is stored.
        Cli.edit(fixture.workspace.resolve("routes.yaml"),
                "retries: {max_attempts: 3, base_delay_ms: 500, max_delay_ms: 8000, budget: 100}",
                "retries: {max_attempts: 6, base_delay_ms: 1, max_delay_ms: 1, budget: 100}");
        assertThat(Cli.run(env, "run", ws, "--route", "offline", "--suite", "safety", "--quiet").exit())
                .as("its cost gate has no baseline").isEqualTo(1);
        assertThat(Cli.run(env, "tag", "latest", "main", "--workspace", ws).exit()).isZero();
        Cli.Result down = Cli.run(env, "run", ws, "--route", "offline,openai", "--suite", "safety", "--concurrency", "1",
                "--quiet");
        assertThat(down.exit()).as(down.err()).isEqualTo(3);

        fixture.start(env);
        ListView<?> runs = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(20, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        FxWait.waitUntilShown(robot, "#history-list .list-cell", 10, TimeUnit.SECONDS);
        robot.clickOn(robot.lookup("#history-list .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#history-compare-baseline");

        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-gates").tryQuery().isPresent()
                && !robot.lookup("#compare-gates").queryAs(TableView.class).getItems().isEmpty());
        TableView<GateDelta> gates = robot.lookup("#compare-gates").queryAs(TableView.class);
        String secondRun = FxWait.read(() -> gates.getItems().stream().filter(g -> g.id().equals("schema@openai"))
                .map(g -> String.valueOf(gates.getColumns().get(3).getCellData(g))).findFirst().orElseThrow());
        assertThat(secondRun).isEqualTo("no answer");
        // main's gates, of its one route, paired with that route's: not "schema … not gated" beside "schema@offline".
        assertThat(FxWait.read(() -> gates.getItems().stream().map(GateDelta::id).toList())).doesNotContain("schema")
                .contains("schema@offline");
        String firstRun = FxWait.read(() -> gates.getItems().stream().filter(g -> g.id().equals("safety@offline"))
                .map(g -> String.valueOf(gates.getColumns().get(1).getCellData(g))).findFirst().orElseThrow());
        assertThat(firstRun).isEqualTo("pass");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".compare-incomplete").tryQuery().isPresent());
        String incomplete = FxWait.read(() -> robot.lookup(".compare-incomplete").queryAs(Label.class).getText());
        assertThat(incomplete).startsWith("Incomplete: run ").contains(": unsent: 32 cases not sent: the breaker of route"
                + " openai was open; the run is incomplete and resume sends them");
    }
}
