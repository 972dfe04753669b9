package dev.evalbench.core.traffic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.record.Message;
import java.time.Instant;
import java.util.List;

/**
 * One production request as the seed says every LLM service should emit it: route and model used, prompt and
 * policy versions, latency, tokens, retries, validation outcome, action decision and a trace id, with the input
 * (template variables, or the messages sent) and the raw output. The common form of both import formats (the
 * JSON Lines shape and OTLP spans) and of the spans Evalbench exports. Immutable.
 *
 * <p>{@code id} is unique within one capture. {@code route} is the route asked for, {@code routeUsed} the one
 * that answered (they differ after a fallback). {@code vars} is null when only {@code messages} were captured;
 * {@code output} is null when no answer came back ({@code errorKind} then says why). {@code validation} is one
 * of {@link #VALID}, {@link #INVALID}, {@link #NO_OUTPUT}. {@code attempts} always holds at least one call: the
 * first try and every retry. {@code decision} is null when there was no valid output to decide on. Revisions
 * are 0 when the capture did not say.
 */
public record TrafficRequest(
        String id,
        Instant timestamp,
        String traceId,
        String route,
        String routeUsed,
        String provider,
        String model,
        String promptId,
        int promptRevision,
        String promptHash,
        int policyRevision,
        String policyHash,
        ObjectNode vars,
        List<Message> messages,
        String output,
        long latencyMs,
        int tokensIn,
        int tokensOut,
        double costUsd,
        List<Attempt> attempts,
        String validation,
        List<String> validationErrors,
        Decision decision,
        String errorKind,
        String errorMessage) {

    public static final String VALID = "valid";
    public static final String INVALID = "invalid";
    public static final String NO_OUTPUT = "no_output";
    public static final List<String> VALIDATIONS = List.of(VALID, INVALID, NO_OUTPUT);

    public TrafficRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
    }

    /** Calls retried on the route: the attempts after the first that reached the provider. */
    public int retries() {
        return Attempt.retries(attempts);
    }
}
