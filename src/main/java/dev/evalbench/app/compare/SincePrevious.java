package dev.evalbench.app.compare;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.compare.VerdictFlips;
import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.store.RunStore;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The line above a results tab's "Previous" button that answers the author's first question after Ctrl+R
 * without another click: "Since the previous run: 2 cases now pass, 1 now fails" ({@link VerdictFlips}), the
 * previous run named in its tooltip; "Previous" opens the whole comparison. Read once, off the FX thread, from
 * the two runs' summaries; hidden when there is no earlier run to pair with. FX thread only.
 */
public final class SincePrevious {
    private static final int HISTORY_LIMIT = 1000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private SincePrevious() {}

    public static Label of(TaskRunner runner, String runId, BackgroundTask.ThrowingSupplier<RunStore> store, ZoneId zone) {
        Label line = new Label();
        line.setId("results-since-previous");
        line.getStyleClass().add("text-muted");
        line.setStyle("-fx-padding: 2 6 0 6;");
        line.setVisible(false);
        line.setManaged(false);
        BackgroundTask.of(() -> ReviewService.sincePrevious(store.get(), runId, HISTORY_LIMIT))
                .onSuccess(found -> found.ifPresent(flips -> {
                    // Against a run that stopped early (cancelled, an outage), "now pass" may only mean "answered now".
                    boolean partial = flips.earlier().status() != dev.evalbench.core.record.RunStatus.COMPLETE;
                    line.setText("Since the previous run" + (partial ? " (incomplete)" : "") + ": " + flips.inWords());
                    line.setTooltip(new Tooltip(line.getText() + "\nThe previous run: " + flips.earlier().id() + ", started "
                            + WHEN.format(flips.earlier().startedAt().atZone(zone)) + ". \"Previous\" compares the two."));
                    line.setVisible(true);
                    line.setManaged(true);
                }))
                // Only a hint beside the button, which says what is wrong when pressed: nothing to show here.
                .onFailure(e -> { })
                .executeWith(runner);
        return line;
    }
}
