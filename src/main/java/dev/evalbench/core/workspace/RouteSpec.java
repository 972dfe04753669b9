package dev.evalbench.core.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

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
        @JsonInclude(JsonInclude.Include.NON_NULL) Long maxResponseBytes,
        // Left out of the JSON form when the route sets none of it, so route definition hashes of routes
        // without HTTP settings stay what they were before these settings existed.
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Http.NoneFilter.class) Http http) {

    /** 1 MiB: far above any real chat answer, far below what fills a disk when a server misbehaves. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1L << 20;

    /** A route without a response cap of its own (the default applies) and without HTTP settings. */
    public RouteSpec(String name, String provider, String model, String baseUrl, String apiKeyEnv, String script,
                     ObjectNode params, Integer timeoutMs, Retry retries, List<String> fallbacks, Breaker breaker,
                     Limits limits, Price price) {
        this(name, provider, model, baseUrl, apiKeyEnv, script, params, timeoutMs, retries, fallbacks, breaker,
                limits, price, null, Http.NONE);
    }

    public RouteSpec {
        http = http == null ? Http.NONE : http;
    }

    /** This route with other HTTP settings. */
    public RouteSpec withHttp(Http other) {
        return new RouteSpec(name, provider, model, baseUrl, apiKeyEnv, script, params, timeoutMs, retries, fallbacks,
                breaker, limits, price, maxResponseBytes, other);
    }

    /** The cap on the answer body in bytes. */
    public long responseLimit() {
        return maxResponseBytes == null ? DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
    }

    public record Retry(int maxAttempts, long baseDelayMs, long maxDelayMs, int budget) {}

    public record Breaker(int window, int minCalls, double errorRate, Long slaMs, long openMs, int halfOpenProbes) {}

    public record Limits(Integer concurrency, Integer requestsPerMinute, Integer tokensPerMinute) {}

    public record Price(double inputPerMtok, double outputPerMtok) {}

    /**
     * How an HTTP route reaches its server beyond the base URL. {@code headers} are sent as written (values
     * already interpolated); {@code secretHeaders} maps a header name to the NAME of the environment variable
     * holding its value, read at call time like the API key and scrubbed from messages like it, never stored
     * here. {@code apiVersion} is Azure's {@code api-version} query parameter (null: the provider's default).
     * {@code caFile} is a PEM file of extra CA certificates to trust (null: the JDK's, or
     * {@code EVALBENCH_CA_FILE}). Maps are never null.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Http(Map<String, String> headers, Map<String, String> secretHeaders, String apiVersion, String caFile) {
        public static final Http NONE = new Http(Map.of(), Map.of(), null, null);

        /** Jackson's CUSTOM inclusion filter: "equal" means left out. */
        static final class NoneFilter {
            @Override
            public boolean equals(Object value) {
                return value == null || NONE.equals(value);
            }

            @Override
            public int hashCode() {
                return 0;
            }
        }

        public Http {
            headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
            secretHeaders = secretHeaders == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secretHeaders));
        }
    }
}
