package dev.evalbench.core.compare;

import dev.evalbench.core.run.StoredRun;
import java.util.List;

/** Placeholder until the statistics package lands on main. */
final class MetricDeltas {
    private MetricDeltas() {}

    static List<MetricDelta> between(StoredRun before, StoredRun after) {
        return List.of();
    }
}
