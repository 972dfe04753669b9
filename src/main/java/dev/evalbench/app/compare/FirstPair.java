package dev.evalbench.app.compare;

import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.service.VerdictPairs;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.util.Optional;

/**
 * The two runs the compare dialog offers before the reviewer chooses: the newest run, against the run it is
 * read with. A shadow run against the traffic it replayed and a canary against its control ({@link VerdictPairs}),
 * else an eval run against the run before it of its own kind ({@link ReviewService#previous}): an imported
 * capture between two eval runs is no baseline for the second. Immutable.
 *
 * @param first  the baseline side's run id
 * @param second the other side's run id
 */
record FirstPair(String first, String second) {
    /** Reads {@code store}'s headers (and a record of each traffic run); blocking, task bodies only. Null when {@code newest} pairs with nothing. */
    static FirstPair of(RunStore store, String newest, int limit) throws StoreException {
        Optional<VerdictPairs.Pair> verdict = VerdictPairs.of(store, newest, limit);
        if (verdict.isPresent()) return new FirstPair(verdict.get().first(), verdict.get().second());
        return ReviewService.previous(store, newest, limit).map(earlier -> new FirstPair(earlier, newest)).orElse(null);
    }
}
