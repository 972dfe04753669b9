package dev.evalbench.core.service;

import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The two runs a shadow or canary verdict is about, found in a history from one of them, so the workbench opens
 * their comparison in one click. A SHADOW run pairs with the traffic run it replayed: the one whose captured
 * requests it ran (the same capture SHA-256 as the eval-set hash of their records); a calibration run of a
 * shadow pairs the same way. A TRAFFIC run is the canary of a pair with a control: the traffic run tagged
 * {@value #CONTROL} (as {@code traffic import --tag control} marks it), else the traffic run imported just
 * before it; a run tagged {@value #CONTROL} itself is the control, paired with the traffic run tagged
 * {@value #CANARY}, else the one imported just after it. Reads headers and one record per run; blocking.
 */
public final class VerdictPairs {
    public static final String CONTROL = "control";
    public static final String CANARY = "canary";

    /** {@code first} is the baseline side (the traffic shadowed, or the control); {@code what} says so in words. */
    public record Pair(String first, String second, String what) {}

    private VerdictPairs() {}

    /** @return empty for an eval run, or when the history holds no run to pair it with */
    public static Optional<Pair> of(RunStore store, String runId, int limit) throws StoreException {
        Optional<RunHeader> found = store.run(runId);
        if (found.isEmpty()) return Optional.empty();
        RunHeader run = found.get();
        List<RunHeader> traffic = store.runs(limit).stream().filter(h -> h.kind() == RunKind.TRAFFIC && !h.id().equals(run.id())).toList();
        if (run.kind() == RunKind.SHADOW) {
            String capture = evalSetHash(store, run);
            if (capture == null) return Optional.empty();
            for (RunHeader t : traffic) {
                if (capture.equals(evalSetHash(store, t))) {
                    return Optional.of(new Pair(t.id(), run.id(), "shadow run " + run.id() + " against the traffic run " + t.id() + " it replayed"));
                }
            }
            return Optional.empty();
        }
        if (run.kind() != RunKind.TRAFFIC) return Optional.empty();
        // Newest first: "before" is later in the list, "after" earlier.
        if (run.tags().contains(CONTROL)) {
            Optional<RunHeader> canary = tagged(traffic, CANARY)
                    .or(() -> traffic.stream().filter(t -> t.startedAt().isAfter(run.startedAt())).reduce((a, b) -> b));
            return canary.map(c -> new Pair(run.id(), c.id(), "canary run " + c.id() + " against its control " + run.id()));
        }
        Optional<RunHeader> control = tagged(traffic, CONTROL)
                .or(() -> traffic.stream().filter(t -> t.startedAt().isBefore(run.startedAt())).findFirst());
        return control.map(c -> new Pair(c.id(), run.id(), "canary run " + run.id() + " against its control " + c.id()));
    }

    private static Optional<RunHeader> tagged(List<RunHeader> runs, String tag) {
        return runs.stream().filter(h -> h.tags().contains(tag)).findFirst();
    }

    /** The eval-set hash of a run's first record: a traffic run's capture, which its shadow runs replay too. */
    private static String evalSetHash(RunStore store, RunHeader run) throws StoreException {
        List<CaseSummary> summaries = store.summaries(run.id());
        if (summaries.isEmpty()) return null;
        return store.caseRecord(run.id(), summaries.get(0).key())
                .map(r -> r.versions() == null ? null : r.versions().evalSetHash()).filter(Objects::nonNull).orElse(null);
    }
}
