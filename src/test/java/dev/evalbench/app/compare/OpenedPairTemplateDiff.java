package dev.evalbench.app.compare;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.fx.UnifiedDiffView;
import dev.evalbench.core.compare.DiffSegment;
import dev.evalbench.core.compare.UnifiedLine;
import dev.evalbench.core.service.RunFiles;
import dev.evalbench.core.store.HistoryLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the tests of files CI wrote (exported runs, report folders) share: a reviewer with no history starts the
 * real app on the two files, the comparison lists the sample's 159 cases, the tuple diff names prompt revision 4
 * and never says "not in this run history", and the triage prompt's template diff, opened from its link in a window, shows the
 * revision-4 line {@code * {{ order.id }}} against revision 5's {@code - {{ order.id }}}, the changed character marked.
 */
final class OpenedPairTemplateDiff {
    private OpenedPairTemplateDiff() {}

    /** Starts {@code fixture} (not yet started, no history) on {@code before} and {@code after}; returns the diff's lines. */
    @SuppressWarnings("unchecked")
    static List<UnifiedLine> open(FxRobot robot, WorkbenchFixture fixture, Path before, Path after) throws Exception {
        assertThat(HistoryLocation.defaultDb(fixture.workspace)).doesNotExist();
        fixture.start(Map.of(), List.of(RunFiles.open(before), RunFiles.open(after)));

        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && robot.lookup("#compare-table").queryAs(TableView.class).getItems().size() == 159);
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#compare-versions .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("prompt triage: revision 4")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#compare-versions .label").queryAllAs(Label.class)).extracting(Label::getText)
                .noneMatch(t -> t.contains("not in this run history"));
        // The column beside the gates is narrow: a link says how much changed and opens the diff in a window.
        Hyperlink link = robot.lookup("#compare-template-triage").queryAs(Hyperlink.class);
        assertThat(link.getText()).isEqualTo("diff of triage: 2 lines changed");
        assertThat(link.getTooltip().getText())
                .isEqualTo("template diff of prompt triage (prompts/triage.yaml): open it in a window");
        robot.clickOn(link);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-diff-window").tryQuery().isPresent());
        UnifiedDiffView view = robot.lookup("#template-diff-window").queryAs(UnifiedDiffView.class);
        assertThat(FxWait.read(() -> ((Stage) view.getScene().getWindow()).getTitle()))
                .isEqualTo("Prompt triage: prompts/triage.yaml, first run → second run");
        List<UnifiedLine> lines = FxWait.read(view::lines);
        // The order-history line, removed and added, the one character that changed marked on each side.
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(UnifiedLine.Kind.REMOVED);
            assertThat(l.text()).contains("* {{ order.id }}");
            assertThat(l.segments()).filteredOn(DiffSegment::changed).extracting(DiffSegment::text).containsExactly("*");
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(UnifiedLine.Kind.ADDED);
            assertThat(l.text()).contains("- {{ order.id }}");
            assertThat(l.segments()).filteredOn(DiffSegment::changed).extracting(DiffSegment::text).containsExactly("-");
        });
        assertThat(lines).anySatisfy(l -> assertThat(l.kind().sign() + l.text()).isEqualTo("+revision: 5"));
        // Escape closes it, and the comparison is where it was.
        robot.interact(() -> view.getScene().getWindow().requestFocus());
        robot.push(KeyCode.ESCAPE);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#template-diff-window").tryQuery().isEmpty());
        return lines;
    }
}
