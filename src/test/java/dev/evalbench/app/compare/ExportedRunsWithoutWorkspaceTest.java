package dev.evalbench.app.compare;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.service.RunFiles;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * A reviewer with nothing but CI's two exported runs (no workspace, no history): the comparison lists each status's
 * cases by suite and case id (t001, t002, …), not in the order four workers happened to finish them, and the empty
 * gate table says why it is empty and how to fill it. One exported run opened alone lists its cases the same way.
 */
@dev.evalbench.app.SharesFxToolkit
class ExportedRunsWithoutWorkspaceTest extends WindowTestBase {

    @Test
    void twoExportedRunsListCasesByIdAndSayHowToGetTheirGates() throws Exception {
        List<Path> files = ReviewRuns.exported(temp);

        fixture = WorkbenchFixture.withoutWorkspace(temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(RunFiles.open(files.get(0)), RunFiles.open(files.get(1))));
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && table("#compare-table").getItems().size() == 159);

        List<ReviewCase> rows = FxWait.read(() -> List.copyOf(this.<ReviewCase>table("#compare-table").getItems()));
        assertThat(rows.get(0).regressed()).isTrue();
        assertThat(rows).isSortedAccordingTo(Comparator.<ReviewCase, Integer>comparing(r -> r.status().ordinal())
                .thenComparing(r -> (r.before() != null ? r.before() : r.after()).key(), CaseKey.ORDER));
        // The unchanged triage cases, as a reader counts them.
        assertThat(rows.stream().filter(r -> r.status() == dev.evalbench.core.compare.ReviewStatus.UNCHANGED
                && r.before().key().suite().equals("triage")).map(r -> r.before().key().caseId()).limit(3).toList())
                .allMatch(id -> id.matches("t0\\d\\d")).isSorted();

        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-no-gates").tryQuery().isPresent());
        Label noGates = robot.lookup("#compare-no-gates").queryAs(Label.class);
        assertThat(FxWait.read(noGates::getText))
                .isEqualTo("No gates to compare: neither run carries its workspace's files and no workspace is open. "
                        + "Open the workspace these runs came from (Ctrl+O) to compare their gates.");
        waitFor(5, TimeUnit.SECONDS, () -> noGates.isVisible() && dev.evalbench.app.DrawnWhole.of(noGates));
    }

    @Test
    void oneExportedRunOpenedAloneListsItsCasesByIdToo() throws Exception {
        Path ci = temp.resolve("ci/support-triage");
        Cli.copyTree(Path.of("workspaces/support-triage"), ci);
        // Eight workers finish cases out of order; the file keeps them as stored.
        assertThat(Cli.run("run", ci.toString(), "--concurrency", "8", "--quiet").exit()).isEqualTo(1);
        Path file = temp.resolve("run.json");
        assertThat(Cli.run("export", "latest", "--out", file.toString(), "-w", ci.toString()).exit()).isZero();

        fixture = WorkbenchFixture.withoutWorkspace(temp.resolve("reviewer"));
        fixture.start(Map.of(), List.of(RunFiles.open(file)));
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#results-table").tryQuery().isPresent()
                && table("#results-table").getItems().size() == 159);

        List<CaseSummary> rows = FxWait.read(() -> List.copyOf(this.<CaseSummary>table("#results-table").getItems()));
        assertThat(rows).extracting(CaseSummary::key).isSortedAccordingTo(CaseKey.ORDER);
        assertThat(rows.stream().filter(s -> s.key().suite().equals("triage")).map(s -> s.key().caseId()).limit(3))
                .containsExactly("t001", "t002", "t003");
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }
}
