package dev.evalbench.app.compare;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.text.RunTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A run someone can pick for a comparison: from the local history or opened from a file, with where it lives
 * ({@code store}, called in task bodies only). {@code label} is what pickers and tab titles show. Immutable.
 */
public record RunChoice(String runId, String label, BackgroundTask.ThrowingSupplier<RunStore> store) {
    /** How the label of a run read from a file ends. */
    static final String READ_ONLY = " (read-only)";
    /**
     * A run of the local history: "run ID [tags] · date", then what sets it apart from the runs beside it in a
     * picker, as the history's row says it: its kind when it is no eval run, its status when it is not complete.
     */
    public static RunChoice ofHistory(RunHeader h, ZoneId zone, BackgroundTask.ThrowingSupplier<RunStore> store) {
        return ofHistory(h, zone, store, null);
    }

    /** A history run with its gate summary ("FAIL 2", as the runs list says it) at the end; none when null. */
    public static RunChoice ofHistory(RunHeader h, ZoneId zone, BackgroundTask.ThrowingSupplier<RunStore> store,
                                      String gates) {
        String tags = h.tags().isEmpty() ? "" : " [" + String.join(", ", h.tags()) + "]";
        // Its kind, or "slice" for an eval run of chosen cases, as the runs list marks it: Run case's one-case run
        // read like a run of the suites.
        String kind = h.kind() != dev.evalbench.core.record.RunKind.EVAL ? " · " + h.kind().name().toLowerCase(Locale.ROOT)
                : h.config() != null && !h.config().coversAll() ? " · slice" : "";
        String status = h.status() == dev.evalbench.core.record.RunStatus.COMPLETE ? ""
                : " · " + h.status().name().toLowerCase(Locale.ROOT);
        return new RunChoice(h.id(), "run " + h.id() + tags + " · " + RunTime.of(h.startedAt(), zone) + kind + status
                + (gates == null ? "" : " · " + gates), store);
    }

    /** A run opened from a file; {@code source} names the file. */
    public static RunChoice ofFile(String runId, String source, BackgroundTask.ThrowingSupplier<RunStore> store) {
        return new RunChoice(runId, source + READ_ONLY, store);
    }

    @Override
    public String toString() {
        return label;
    }
}
