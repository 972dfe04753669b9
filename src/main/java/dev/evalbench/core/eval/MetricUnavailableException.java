package dev.evalbench.core.eval;

/**
 * A metric that has no value on the given records: no cases, a field the suite does not score, a label no
 * case expects or predicts, or a case without the expected value. The message is one plain sentence; a gate
 * that meets it fails with that sentence as its detail.
 */
public final class MetricUnavailableException extends Exception {
    public MetricUnavailableException(String message) {
        super(message);
    }
}
