package dev.evalbench.core.record;

/**
 * One call to one provider. {@code outcome} is "ok" or a {@link dev.evalbench.core.record.FailureKind}
 * name; {@code httpStatus} may be null.
 */
public record Attempt(String route, int number, String outcome, Integer httpStatus, long latencyMs, String message) {}
