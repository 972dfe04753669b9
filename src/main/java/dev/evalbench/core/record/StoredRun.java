package dev.evalbench.core.record;

import java.util.List;

/**
 * A run as read back: from the history, from an exported file, or from a report. Immutable; {@code cases}
 * are in stored order.
 */
public record StoredRun(RunHeader header, List<CaseRecord> cases, List<RunEvent> events) {
    public String id() {
        return header.id();
    }

    /** This run's records within what {@code scope} chose, as {@link RunCases#within} (a baseline of a partial run). */
    public StoredRun within(RunConfig scope) {
        if (scope == null || scope.coversAll()) return this;
        return new StoredRun(header, scope.chosen(cases), events);
    }
}
