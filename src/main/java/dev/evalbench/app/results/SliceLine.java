package dev.evalbench.app.results;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.store.RunStore;
import javafx.scene.control.Label;

/**
 * The line a results tab shows when its run chose only some cases (its failing cases run again, one case, a
 * suite, a tag): its gates judge those cases alone, so "category-accuracy 0.560" over the cases that failed before
 * reads as what it is, not as the eval set's. Read once, off the FX thread, from the run's header; hidden for a
 * run of every case. FX thread only.
 */
public final class SliceLine {
    private SliceLine() {}

    public static Label of(TaskRunner runner, ResultsViewModel vm, BackgroundTask.ThrowingSupplier<RunStore> store) {
        Label line = NoteLine.hidden("results-slice");
        BackgroundTask.of(() -> store.get().run(vm.runId()).map(h -> h.config()))
                .onSuccess(config -> config.filter(c -> !c.coversAll()).ifPresent(c ->
                        NoteLine.show(line, text(c), "")))
                // Only a note: the gates and the table say what they can without it.
                .onFailure(e -> { })
                .executeWith(runner);
        return line;
    }

    /**
     * "The gates judge only the cases this run chose: suite triage; cases t019, t031 and 25 more": what matters
     * first, as a narrow tab cuts the end of the list (its tooltip has it whole).
     */
    static String text(RunConfig config) {
        return "The gates judge only the cases this run chose: " + dev.evalbench.core.record.RunSlice.chose(config);
    }
}
