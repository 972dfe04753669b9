package dev.evalbench.app.compare;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.core.compare.DiffRow;
import dev.evalbench.core.service.RunFiles;
import dev.evalbench.core.store.HistoryLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the tests of files CI wrote (exported runs, report folders) share: a reviewer with no history starts the
 * real app on the two files, the comparison lists the sample's 159 cases, the tuple diff names prompt revision 4
 * and never says "not in this run history", and the triage prompt's template diff shows the revision-4 line
 * {@code * {{ order.id }}} against revision 5's {@code - {{ order.id }}}.
 */
final class OpenedPairTemplateDiff {
    private OpenedPairTemplateDiff() {}

    /** Starts {@code fixture} (not yet started, no history) on {@code before} and {@code after}; returns the rows. */
    @SuppressWarnings("unchecked")
    static ListView<DiffRow> open(FxRobot robot, WorkbenchFixture fixture, Path before, Path after) throws Exception {
        assertThat(HistoryLocation.defaultDb(fixture.workspace)).doesNotExist();
        fixture.start(Map.of(), List.of(RunFiles.open(before), RunFiles.open(after)));

        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && robot.lookup("#compare-table").queryAs(TableView.class).getItems().size() == 159);
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-versions .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("prompt triage: revision 4")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#compare-versions .label").queryAllAs(Label.class)).extracting(Label::getText)
                .noneMatch(t -> t.contains("not in this run history"));
        TitledPane pane = robot.lookup("#compare-template-triage").queryAs(TitledPane.class);
        assertThat(pane.getText()).isEqualTo("diff of triage");
        assertThat(pane.getTooltip().getText()).isEqualTo("template diff of prompt triage (prompts/triage.yaml)");
        ListView<DiffRow> rows = (ListView<DiffRow>) pane.getContent();
        assertThat(rows.getItems()).anySatisfy(r -> {
            assertThat(r.beforeText()).contains("* {{ order.id }}");
            assertThat(r.afterText()).contains("- {{ order.id }}");
        });
        assertThat(rows.getItems()).anySatisfy(r -> assertThat(r.afterText()).contains("revision: 5"));
        return rows;
    }
}
