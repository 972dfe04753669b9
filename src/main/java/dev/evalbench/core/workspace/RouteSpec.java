package dev.evalbench.core.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A named path to a model, with environment references already resolved. Optional parts are null when the
 * route leaves them out. {@code apiKeyEnv} is the name of the variable holding the key: the key itself is
 * read from the environment at call time and never stored in this record. {@code maxResponseBytes} caps the
 * provider's answer body (null: {@link #DEFAULT_MAX_RESPONSE_BYTES}).
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
        Price price,
        // Left out of the JSON form when unset, so a route's definition hash does not change with this field.
        @JsonInclude(JsonInclude.Include.NON_NULL) Long maxResponseBytes) {

    /** 1 MiB: far above any real chat answer, far below what fills a disk when a server misbehaves. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1L << 20;

    /** A route without a response cap of its own (the default applies). */
    public RouteSpec(String name, String provider, String model, String baseUrl, String apiKeyEnv, String script,
                     ObjectNode params, Integer timeoutMs, Retry retries, List<String> fallbacks, Breaker breaker,
                     Limits limits, Price price) {
        this(name, provider, model, baseUrl, apiKeyEnv, script, params, timeoutMs, retries, fallbacks, breaker,
                limits, price, null);
    }

    /** The cap on the answer body in bytes. */
    public long responseLimit() {
        return maxResponseBytes == null ? DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
    }

    public record Retry(int maxAttempts, long baseDelayMs, long maxDelayMs, int budget) {}

    public record Breaker(int window, int minCalls, double errorRate, Long slaMs, long openMs, int halfOpenProbes) {}

    public record Limits(Integer concurrency, Integer requestsPerMinute, Integer tokensPerMinute) {}

    public record Price(double inputPerMtok, double outputPerMtok) {}
}
