package dev.evalbench.core.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The stored record of one case of one run: the product. Everything after the run (gates, comparison,
 * reports, the workbench) reads these and nothing else. Immutable.
 *
 * <p>{@code failureKind} is null when the provider answered; otherwise a
 * {@link dev.evalbench.core.record.FailureKind} name and {@code rawOutput} is null. {@code parsed} is null
 * when the answer was not JSON. {@code tags} are the case's dataset tags, for filtering. {@code expected} and {@code blocking} are copied from the case so metrics
 * never need the dataset again. Costs are in US dollars.
 *
 * <p>{@code tokensOut} counts every output token billed, reasoning included; {@code reasoningTokens} is the
 * part spent reasoning (0 when the provider does not say). {@code tokensEstimated} is true when the provider
 * reported no usage and the token counts, and the cost built on them, are estimates (characters / 4). Both are
 * left out of the JSON form at their defaults, so records written before they existed read as "reported, no
 * reasoning tokens", which is what those records were.
 *
 * <p>A null {@code parsed} is left out of the JSON form: Jackson reads an explicit JSON {@code null} into a
 * JsonNode field as {@code NullNode}, which would turn "not JSON" into "the model answered {@code null}".
 */
public record CaseRecord(
        String runId,
        CaseKey key,
        String traceId,
        List<Message> messages,
        String rawOutput,
        String failureKind,
        String failureMessage,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode parsed,
        boolean schemaValid,
        List<String> schemaErrors,
        Decision decision,
        CaseEvaluation evaluation,
        ObjectNode expected,
        boolean blocking,
        String routeUsed,
        String provider,
        String modelUsed,
        String requestId,
        long latencyMs,
        int tokensIn,
        int tokensOut,
        double costUsd,
        List<Attempt> attempts,
        List<FallbackTaken> fallbacks,
        boolean cacheHit,
        VersionTuple versions,
        Instant startedAt,
        Instant finishedAt,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int reasoningTokens,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean tokensEstimated,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<JudgeVerdict> judgements) implements ScoredCase {

    public CaseRecord {
        // Records stored before tags (or judges) were kept read back with none.
        tags = tags == null ? List.of() : List.copyOf(tags);
        judgements = judgements == null ? List.of() : List.copyOf(judgements);
    }

    /** A record without judge verdicts (a suite without judges, and every record made before judges existed). */
    public CaseRecord(String runId, CaseKey key, String traceId, List<Message> messages, String rawOutput,
                      String failureKind, String failureMessage, JsonNode parsed, boolean schemaValid,
                      List<String> schemaErrors, Decision decision, CaseEvaluation evaluation, ObjectNode expected,
                      boolean blocking, String routeUsed, String provider, String modelUsed, String requestId,
                      long latencyMs, int tokensIn, int tokensOut, double costUsd, List<Attempt> attempts,
                      List<FallbackTaken> fallbacks, boolean cacheHit, VersionTuple versions, Instant startedAt,
                      Instant finishedAt, int reasoningTokens, boolean tokensEstimated, List<String> tags) {
        this(runId, key, traceId, messages, rawOutput, failureKind, failureMessage, parsed, schemaValid, schemaErrors,
                decision, evaluation, expected, blocking, routeUsed, provider, modelUsed, requestId, latencyMs, tokensIn,
                tokensOut, costUsd, attempts, fallbacks, cacheHit, versions, startedAt, finishedAt, reasoningTokens,
                tokensEstimated, tags, List.of());
    }

    /** This record with the verdicts of its suite's judges. */
    public CaseRecord withJudgements(List<JudgeVerdict> verdicts) {
        return new CaseRecord(runId, key, traceId, messages, rawOutput, failureKind, failureMessage, parsed, schemaValid,
                schemaErrors, decision, evaluation, expected, blocking, routeUsed, provider, modelUsed, requestId,
                latencyMs, tokensIn, tokensOut, costUsd, attempts, fallbacks, cacheHit, versions, startedAt, finishedAt,
                reasoningTokens, tokensEstimated, tags, verdicts);
    }

    /**
     * A record with reported token counts and no reasoning tokens, for records made before those fields (tests,
     * fixtures). Code that copies a record must use the canonical constructor, or it drops them.
     */
    public CaseRecord(String runId, CaseKey key, String traceId, List<Message> messages, String rawOutput,
                      String failureKind, String failureMessage, JsonNode parsed, boolean schemaValid,
                      List<String> schemaErrors, Decision decision, CaseEvaluation evaluation, ObjectNode expected,
                      boolean blocking, String routeUsed, String provider, String modelUsed, String requestId,
                      long latencyMs, int tokensIn, int tokensOut, double costUsd, List<Attempt> attempts,
                      List<FallbackTaken> fallbacks, boolean cacheHit, VersionTuple versions, Instant startedAt,
                      Instant finishedAt, List<String> tags) {
        this(runId, key, traceId, messages, rawOutput, failureKind, failureMessage, parsed, schemaValid, schemaErrors,
                decision, evaluation, expected, blocking, routeUsed, provider, modelUsed, requestId, latencyMs, tokensIn,
                tokensOut, costUsd, attempts, fallbacks, cacheHit, versions, startedAt, finishedAt, 0, false, tags);
    }

    /** How tokens are estimated when a provider reports none, in the words reports and gates use. */
    public static final String TOKEN_ESTIMATE_METHOD = "characters / 4";

    public boolean passed() {
        return evaluation != null && evaluation.passed();
    }

    /** The parsed output when the provider answered and the output is schema-valid; otherwise null. */
    @Override
    public JsonNode validOutput() {
        return failureKind != null || !schemaValid ? null : parsed;
    }

    @Override
    public String finalAction() {
        return decision == null ? null : decision.finalAction();
    }

    @Override
    public List<String> failures() {
        return evaluation == null ? List.of() : evaluation.failures();
    }

    @Override
    public boolean accepted() {
        return decision != null && decision.accepted();
    }

    @Override
    public String rule() {
        return decision == null ? null : decision.rule();
    }

    @Override
    public List<String> failedChecks() {
        if (evaluation == null || evaluation.checks() == null) return List.of();
        return evaluation.checks().entrySet().stream().filter(e -> !e.getValue()).map(java.util.Map.Entry::getKey).toList();
    }

    @Override
    public List<String> fallbackSteps() {
        return fallbacks.stream().map(f -> f.from() + " -> " + f.to() + " (" + f.reason() + ")").toList();
    }

    /** Second and later requests to a route within this call: a call an open breaker refused sent nothing. */
    @Override
    public int retries() {
        return Attempt.retries(attempts);
    }
}
