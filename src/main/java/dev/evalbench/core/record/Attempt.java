package dev.evalbench.core.record;

/**
 * One call to one provider. {@code outcome} is "ok" or a {@link dev.evalbench.core.record.FailureKind}
 * name; {@code httpStatus} may be null.
 */
public record Attempt(String route, int number, String outcome, Integer httpStatus, long latencyMs, String message) {

    /**
     * Retries among a call's attempts: attempts after a route's first that reached the provider. A refusal by
     * an open breaker sends no request, so it is not a retry; a fallback's first attempt is numbered 1 and is
     * not one either.
     */
    public static int retries(java.util.List<Attempt> attempts) {
        int retries = 0;
        for (Attempt a : attempts) {
            if (a.number() > 1 && !"CIRCUIT_OPEN".equals(a.outcome())) {
                retries++;
            }
        }
        return retries;
    }
}
