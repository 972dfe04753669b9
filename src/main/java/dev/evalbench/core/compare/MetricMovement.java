package dev.evalbench.core.compare;

import java.util.Set;

/**
 * For one metric, the cases (by alignment key) that got better and those that got worse between two runs,
 * over the cases both runs have. {@code id} is "passed", "schema_valid", a check's name ("category",
 * "order_id", "must_reject"...), "latency_ms" or "tokens". Immutable.
 */
public record MetricMovement(String id, String label, Set<String> better, Set<String> worse) {
    public MetricMovement {
        better = Set.copyOf(better);
        worse = Set.copyOf(worse);
    }

    public boolean moved() {
        return !better.isEmpty() || !worse.isEmpty();
    }
}
