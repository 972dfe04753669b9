package dev.evalbench.app.compare;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.results.ResultsViewModel;
import dev.evalbench.core.compare.VerdictFlips;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.text.RunTime;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.Label;

/**
 * The line above a results tab's "Previous" button that answers the author's first question after Ctrl+R
 * without another click: "Since the previous run: 2 cases now pass, 1 now fails" ({@link VerdictFlips}), the
 * previous run named in its tooltip; "Previous" opens the whole comparison. Read once, off the FX thread, from
 * the summaries the tab has read and the earlier run's; hidden when there is no earlier run to pair with. FX
 * thread only.
 */
public final class SincePrevious {
    private static final int HISTORY_LIMIT = 1000;

    private SincePrevious() {}

    /** @param results the tab's run, whose summaries it reads once; the line reads only the earlier run's */
    public static Label of(TaskRunner runner, ResultsViewModel results, BackgroundTask.ThrowingSupplier<RunStore> store,
                           ZoneId zone) {
        Label line = dev.evalbench.app.results.NoteLine.hidden("results-since-previous");
        results.loadedProperty().addListener((o, was, loaded) -> {
            if (!loaded || line.isVisible()) return;
            List<CaseSummary> summaries = results.all();
            BackgroundTask.of(() -> ReviewService.sincePrevious(store.get(), results.runId(), summaries, HISTORY_LIMIT))
                    .onSuccess(found -> found.ifPresent(flips -> {
                        // Against a run that stopped early (cancelled, an outage), "now pass" may only mean "answered now".
                        boolean partial = flips.earlier().status() != dev.evalbench.core.record.RunStatus.COMPLETE;
                        dev.evalbench.app.results.NoteLine.show(line,
                                "Since the previous run" + (partial ? " (incomplete)" : "")
                                        + (flips.ranSome() ? " (" + flips.scope() + ")" : "") + ": " + flips.inWords(),
                                "The previous run: " + flips.earlier().id() + ", started "
                                        + RunTime.of(flips.earlier().startedAt(), zone) + ". \"Previous\" compares the two.");
                    }))
                    // Only a hint beside the button, which says what is wrong when pressed: nothing to show here.
                    .onFailure(e -> { })
                    .executeWith(runner);
        });
        return line;
    }
}
