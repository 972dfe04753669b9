package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A named path to a model, with environment references already resolved. Optional parts are null when the
 * route leaves them out. {@code apiKeyEnv} is the name of the variable holding the key: the key itself is
 * read from the environment at call time and never stored in this record.
 */
public record RouteSpec(
        String name,
        String provider,
        String model,
        String baseUrl,
        String apiKeyEnv,
        String script,
        ObjectNode params,
        Integer timeoutMs,
        Retry retries,
        List<String> fallbacks,
        Breaker breaker,
        Limits limits,
        Price price) {

    public record Retry(int maxAttempts, long baseDelayMs, long maxDelayMs, int budget) {}

    public record Breaker(int window, int minCalls, double errorRate, Long slaMs, long openMs, int halfOpenProbes) {}

    public record Limits(Integer concurrency, Integer requestsPerMinute, Integer tokensPerMinute) {}

    public record Price(double inputPerMtok, double outputPerMtok) {}
}
