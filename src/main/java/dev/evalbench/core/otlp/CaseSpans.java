package dev.evalbench.core.otlp;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.AppInfo;
import dev.evalbench.core.traffic.TrafficRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Turns captured requests (a run's cases, see {@code TrafficRecords.request}) into OpenTelemetry spans with the
 * SDK's own tracer: one CLIENT span per logical call, named {@code chat <model>}, from the request's start for its
 * latency, with the GenAI attributes and Evalbench's (see {@link GenAiAttributes}); each provider call (the first
 * try and every retry) is an {@code evalbench.attempt} event on it. The trace id is the request's own, so the span
 * joins the trace it was part of; the span id is derived from the run and the request, so exporting a run twice
 * gives the same spans. Not thread-safe: one export at a time per instance (the id generator hands out the ids of
 * the span being built).
 */
public final class CaseSpans {
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    private String nextTraceId;
    private String nextSpanId;

    /** Spans for {@code requests} of run {@code header}, in order. */
    public List<SpanData> of(RunHeader header, List<TrafficRequest> requests) {
        Collector collected = new Collector();
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
                .put(GenAiAttributes.SERVICE_NAME, "evalbench")
                .put("evalbench.workspace", header.workspace())
                .put("evalbench.run.id", header.id())
                .put("evalbench.run.kind", header.kind().name().toLowerCase(Locale.ROOT)).build()));
        IdGenerator ids = new IdGenerator() {
            @Override
            public String generateSpanId() {
                return nextSpanId;
            }

            @Override
            public String generateTraceId() {
                return nextTraceId;
            }
        };
        try (SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource).setIdGenerator(ids)
                .setSpanLimits(SpanLimits.builder().setMaxNumberOfAttributes(256).setMaxNumberOfEvents(4096).build())
                .addSpanProcessor(SimpleSpanProcessor.create(collected)).build()) {
            var tracer = provider.get(GenAiAttributes.SCOPE, AppInfo.appVersion());
            for (TrafficRequest r : requests) {
                nextTraceId = traceId(r);
                nextSpanId = Digests.sha256((header.id() + "\n" + r.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
                Instant start = r.timestamp() == null ? header.startedAt() : r.timestamp();
                SpanBuilder b = tracer.spanBuilder("chat " + r.model()).setNoParent().setSpanKind(SpanKind.CLIENT)
                        .setStartTimestamp(start);
                attributes(b, r);
                Span span = b.startSpan();
                long at = nanos(start);
                for (Attempt a : r.attempts()) {
                    AttributesBuilder e = Attributes.builder()
                            .put(GenAiAttributes.ATTEMPT_NUMBER, (long) a.number())
                            .put(GenAiAttributes.ATTEMPT_OUTCOME, a.outcome())
                            .put(GenAiAttributes.ATTEMPT_LATENCY_MS, a.latencyMs());
                    if (a.route() != null) e.put(GenAiAttributes.ATTEMPT_ROUTE, a.route());
                    if (a.httpStatus() != null) e.put(GenAiAttributes.ATTEMPT_HTTP_STATUS, (long) a.httpStatus());
                    if (a.message() != null) e.put(GenAiAttributes.ATTEMPT_MESSAGE, a.message());
                    span.addEvent(GenAiAttributes.ATTEMPT_EVENT, e.build(), at, TimeUnit.NANOSECONDS);
                    at += a.latencyMs() * 1_000_000;
                }
                if (r.errorKind() != null) span.setStatus(StatusCode.ERROR, r.errorMessage() == null ? r.errorKind() : r.errorMessage());
                span.end(nanos(start) + r.latencyMs() * 1_000_000, TimeUnit.NANOSECONDS);
            }
        }
        return List.copyOf(collected.spans);
    }

    private static void attributes(SpanBuilder b, TrafficRequest r) {
        b.setAttribute(GenAiAttributes.OPERATION, "chat");
        set(b, GenAiAttributes.PROVIDER, r.provider());
        set(b, GenAiAttributes.REQUEST_MODEL, r.model());
        set(b, GenAiAttributes.RESPONSE_MODEL, r.output() == null ? null : r.model());
        b.setAttribute(GenAiAttributes.INPUT_TOKENS, (long) r.tokensIn());
        b.setAttribute(GenAiAttributes.OUTPUT_TOKENS, (long) r.tokensOut());
        set(b, GenAiAttributes.SYSTEM_INSTRUCTIONS, GenAiMessages.systemInstructions(r.messages()));
        set(b, GenAiAttributes.INPUT_MESSAGES, GenAiMessages.inputMessages(r.messages()));
        if (r.output() != null) b.setAttribute(GenAiAttributes.OUTPUT_MESSAGES, GenAiMessages.outputMessages(r.output(), "stop"));
        set(b, GenAiAttributes.ERROR_TYPE, r.errorKind());
        set(b, GenAiAttributes.FAILURE_MESSAGE, r.errorMessage());
        set(b, GenAiAttributes.REQUEST_ID, r.id());
        set(b, GenAiAttributes.ROUTE, r.route());
        set(b, GenAiAttributes.ROUTE_USED, r.routeUsed());
        set(b, GenAiAttributes.PROMPT_ID, r.promptId());
        b.setAttribute(GenAiAttributes.PROMPT_REVISION, (long) r.promptRevision());
        set(b, GenAiAttributes.PROMPT_HASH, r.promptHash());
        b.setAttribute(GenAiAttributes.POLICY_REVISION, (long) r.policyRevision());
        set(b, GenAiAttributes.POLICY_HASH, r.policyHash());
        set(b, GenAiAttributes.VARS, r.vars() == null ? null : r.vars().toString());
        b.setAttribute(GenAiAttributes.LATENCY_MS, r.latencyMs());
        b.setAttribute(GenAiAttributes.COST_USD, r.costUsd());
        b.setAttribute(GenAiAttributes.RETRIES, (long) r.retries());
        set(b, GenAiAttributes.VALIDATION, r.validation());
        if (!r.validationErrors().isEmpty()) b.setAttribute(AttributeKey.stringArrayKey(GenAiAttributes.VALIDATION_ERRORS), r.validationErrors());
        Decision d = r.decision();
        if (d != null) {
            set(b, GenAiAttributes.DECISION_ACTION, d.finalAction());
            b.setAttribute(GenAiAttributes.DECISION_ACCEPTED, d.accepted());
            set(b, GenAiAttributes.DECISION_PROPOSED, d.proposedAction());
            set(b, GenAiAttributes.DECISION_RULE, d.rule());
            set(b, GenAiAttributes.DECISION_REASON, d.reason());
        }
    }

    private static void set(SpanBuilder b, String key, String value) {
        if (value != null) b.setAttribute(key, value);
    }

    /** The request's W3C trace id, or (for ids from elsewhere that are not one) an id derived from it. */
    static String traceId(TrafficRequest r) {
        String id = r.traceId();
        if (id != null && TRACE_ID.matcher(id).matches() && !id.chars().allMatch(c -> c == '0')) return id;
        return Digests.sha256(String.valueOf(id == null ? r.id() : id).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static long nanos(Instant t) {
        return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }

    /** Keeps the spans the provider ends, in order. */
    private static final class Collector implements SpanExporter {
        final List<SpanData> spans = new ArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
