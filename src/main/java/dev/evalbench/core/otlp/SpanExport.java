package dev.evalbench.core.otlp;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.traffic.TrafficRecords;
import dev.evalbench.core.traffic.TrafficRequest;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a stored run's cases as spans ({@link CaseSpans}) to a target: an {@code http://} or {@code https://} URL
 * is an OTLP/HTTP collector (the SDK's {@link OtlpHttpSpanExporter}, protobuf; a URL without a path gets the
 * standard {@code /v1/traces}); anything else is a file written as OTLP JSON Lines ({@link OtlpFileExporter}).
 * A collector that cannot be reached or refuses the spans is a {@link Result} that failed, with the reason, not an
 * exception: the run itself is stored whatever happens to its telemetry. Blocking; stateless.
 */
public final class SpanExport {
    /** Spans per OTLP request to a collector. */
    static final int BATCH = 512;
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    // The SDK logs each failed export through java.util.logging; the Result says it once, in our words.
    private static final Logger SDK_EXPORT_LOG = Logger.getLogger("io.opentelemetry.exporter.otlp.internal.HttpExporter");

    static {
        SDK_EXPORT_LOG.setLevel(Level.OFF);
    }

    /**
     * The SDK's backoff (5 attempts, 1 s to 5 s apart) for what may pass: a timeout, a reset connection, HTTP 429 and
     * 5xx; not for a TLS failure, as the SDK's own rule has it. Nor for a collector that is not there: a refused
     * connection or an unknown host was retried for 10 s after every run (`run --otlp` to a collector not started
     * yet), to the same "connection refused".
     */
    static final io.opentelemetry.sdk.common.export.RetryPolicy RETRY = io.opentelemetry.sdk.common.export.RetryPolicy
            .getDefault().toBuilder()
            .setRetryExceptionPredicate(e -> !notThere(e) && !(e instanceof javax.net.ssl.SSLException)).build();

    /** {@code failure} is null when every span was accepted. */
    public record Result(int spans, String target, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private SpanExport() {}

    /** The run's cases as captured requests, in stored order, without template variables. */
    public static List<TrafficRequest> requests(StoredRun run) {
        return requests(run, java.util.Map.of());
    }

    /** The run's cases as captured requests, in stored order, with {@code vars} by request id where known. */
    public static List<TrafficRequest> requests(StoredRun run, java.util.Map<String, com.fasterxml.jackson.databind.node.ObjectNode> vars) {
        List<TrafficRequest> out = new ArrayList<>();
        for (CaseRecord c : run.cases()) {
            String id = TrafficRecords.SUITE.equals(c.key().suite()) ? c.key().caseId() : null;
            out.add(TrafficRecords.request(c, id == null ? null : vars.get(id)));
        }
        return out;
    }

    /**
     * Sends {@code run}'s cases; {@code vars} are the captured template variables by request id (a traffic run's,
     * from {@link Captures#vars}; masked by the caller like the run), empty for an eval run.
     */
    public static Result send(StoredRun run, java.util.Map<String, com.fasterxml.jackson.databind.node.ObjectNode> vars, String target) {
        List<SpanData> spans = new CaseSpans().of(run.header(), requests(run, vars));
        boolean http = target.startsWith("http://") || target.startsWith("https://");
        SpanExporter exporter = http
                ? OtlpHttpSpanExporter.builder().setEndpoint(endpoint(target)).setTimeout(TIMEOUT)
                        .setRetryPolicy(RETRY).build()
                : new OtlpFileExporter(Path.of(target));
        String failure = null;
        try {
            for (int i = 0; i < spans.size() && failure == null; i += BATCH) {
                failure = outcome(exporter.export(spans.subList(i, Math.min(spans.size(), i + BATCH))), target);
            }
            if (failure == null) failure = outcome(exporter.flush(), target);
        } finally {
            exporter.shutdown().join(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        return new Result(spans.size(), target, failure);
    }

    /** A collector's base URL gets the traces path; a URL naming a path is used as it is. */
    static String endpoint(String url) {
        String path = URI.create(url).getPath();
        if (path == null || path.isEmpty() || path.equals("/")) return url.replaceAll("/$", "") + "/v1/traces";
        return url;
    }

    private static String outcome(CompletableResultCode code, String target) {
        code.join(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        if (code.isSuccess()) return null;
        Throwable why = code.getFailureThrowable();
        return "the spans were not delivered to " + target + (why == null ? "" : ": " + inWords(why));
    }

    /**
     * Why an export failed, in words: "connection refused (nothing listens at that address)" for a collector that is
     * not there, else the first message along the causes. The SDK's own message for a refused connection was the bare
     * class name, "java.net.ConnectException".
     */
    static String inWords(Throwable why) {
        // The JDK's client says an unknown host as a ConnectException caused by an UnresolvedAddressException.
        for (Throwable t = why; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException) return "unknown host " + t.getMessage();
            if (t instanceof java.nio.channels.UnresolvedAddressException) return "unknown host (no address for its name)";
        }
        for (Throwable t = why; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) return "connection refused (nothing listens at that address)";
        }
        return firstMessage(why);
    }

    /** Whether {@code why} says the collector is not there: a refused connection or a host with no address. */
    static boolean notThere(Throwable why) {
        for (Throwable t = why; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException && !(t instanceof java.net.http.HttpConnectTimeoutException)) {
                return true;
            }
            if (t instanceof java.net.UnknownHostException) return true;
        }
        return false;
    }

    private static String firstMessage(Throwable why) {
        for (Throwable t = why; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && !m.equals(t.getClass().getName()) && !m.startsWith("java.")) return m;
        }
        return why.getClass().getSimpleName();
    }
}
