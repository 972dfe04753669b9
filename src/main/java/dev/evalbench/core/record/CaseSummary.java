package dev.evalbench.core.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;

/**
 * The compact form of one stored case: everything a results table, a filter, a gate or a count needs, and
 * none of the big texts (messages, raw output, parsed output), which readers fetch one case at a time with
 * {@code RunStore.caseRecord}. Immutable.
 *
 * <p>{@code failureKind} is null when the provider answered; {@code finalAction} is null when there was no
 * decision (no answer, or no parsable output). {@code failures} are the evaluation's failure sentences, in the
 * evaluator's words. {@code tags} are the case's dataset tags (empty when the record predates them).
 * {@code expected} is the case's expected values (null for safety probes) and {@code scoredOutput} the valid
 * output's fields that {@code expected} names (null when the output was missing or invalid): the inputs of
 * every metric, so gates need nothing else. {@code failureMessage}, {@code rule} (the policy rule that rejected
 * the output) and {@code failedChecks} (names of the failed checks) word a failing case in CI outputs;
 * {@code fallbackSteps} are the fallbacks taken, as "from -> to (reason)". {@code judgements} are the verdicts
 * of the suite's model-graded judges (score, outcome, the human label), which judge metrics and agreement read.
 * {@code outputFingerprint} is the {@link OutputFingerprint} of the output, or null when the store holds none
 * (a reader then reads the record).
 */
public record CaseSummary(
        CaseKey key,
        String traceId,
        boolean passed,
        boolean schemaValid,
        String failureKind,
        boolean accepted,
        String finalAction,
        List<String> failures,
        boolean blocking,
        String routeUsed,
        String modelUsed,
        long latencyMs,
        int tokensIn,
        int tokensOut,
        double costUsd,
        int attempts,
        int fallbacks,
        boolean cacheHit,
        List<String> tags,
        ObjectNode expected,
        JsonNode scoredOutput,
        String failureMessage,
        String rule,
        List<String> failedChecks,
        List<String> fallbackSteps,
        boolean tokensEstimated,
        List<JudgeVerdict> judgements,
        Long outputFingerprint) implements ScoredCase {

    public CaseSummary {
        judgements = judgements == null ? List.of() : List.copyOf(judgements);
        failures = List.copyOf(failures);
        tags = List.copyOf(tags);
        failedChecks = List.copyOf(failedChecks);
        fallbackSteps = List.copyOf(fallbackSteps);
    }

    /** A summary without judge verdicts (a suite without judges, and summaries made before judges existed). */
    public CaseSummary(CaseKey key, String traceId, boolean passed, boolean schemaValid, String failureKind,
                       boolean accepted, String finalAction, List<String> failures, boolean blocking, String routeUsed,
                       String modelUsed, long latencyMs, int tokensIn, int tokensOut, double costUsd, int attempts,
                       int fallbacks, boolean cacheHit, List<String> tags, ObjectNode expected, JsonNode scoredOutput,
                       String failureMessage, String rule, List<String> failedChecks, List<String> fallbackSteps,
                       boolean tokensEstimated) {
        this(key, traceId, passed, schemaValid, failureKind, accepted, finalAction, failures, blocking, routeUsed,
                modelUsed, latencyMs, tokensIn, tokensOut, costUsd, attempts, fallbacks, cacheHit, tags, expected,
                scoredOutput, failureMessage, rule, failedChecks, fallbackSteps, tokensEstimated, List.of(), null);
    }

    /** A summary without an output fingerprint (as stores that predate it give). */
    public CaseSummary(CaseKey key, String traceId, boolean passed, boolean schemaValid, String failureKind,
                       boolean accepted, String finalAction, List<String> failures, boolean blocking, String routeUsed,
                       String modelUsed, long latencyMs, int tokensIn, int tokensOut, double costUsd, int attempts,
                       int fallbacks, boolean cacheHit, List<String> tags, ObjectNode expected, JsonNode scoredOutput,
                       String failureMessage, String rule, List<String> failedChecks, List<String> fallbackSteps,
                       boolean tokensEstimated, List<JudgeVerdict> judgements) {
        this(key, traceId, passed, schemaValid, failureKind, accepted, finalAction, failures, blocking, routeUsed,
                modelUsed, latencyMs, tokensIn, tokensOut, costUsd, attempts, fallbacks, cacheHit, tags, expected,
                scoredOutput, failureMessage, rule, failedChecks, fallbackSteps, tokensEstimated, judgements, null);
    }

    /** The summary of a full record; the one derivation every store shares. */
    public static CaseSummary of(CaseRecord r) {
        return of(r, r.tags());
    }

    /** The summary of a full record with {@code tags} in place of the record's own (a caller that looks them up). */
    public static CaseSummary of(CaseRecord r, List<String> tags) {
        Decision d = r.decision();
        return new CaseSummary(r.key(), r.traceId(), r.passed(), r.schemaValid(), r.failureKind(),
                d != null && d.accepted(), d == null ? null : d.finalAction(), r.failures(), r.blocking(),
                r.routeUsed(), r.modelUsed(), r.latencyMs(), r.tokensIn(), r.tokensOut(), r.costUsd(),
                r.attempts().size(), r.fallbacks().size(), r.cacheHit(), tags, r.expected(),
                scored(r.validOutput(), r.expected()), r.failureMessage(), r.rule(), r.failedChecks(),
                r.fallbackSteps(), r.tokensEstimated(), r.judgements(), OutputFingerprint.of(r));
    }

    /**
     * The fields of a valid output that metrics can read: those the expected values name (a metric over a
     * field without an expected value is unavailable anyway). A non-object output is kept whole.
     */
    public static JsonNode scored(JsonNode validOutput, JsonNode expected) {
        if (validOutput == null || !validOutput.isObject()) {
            return validOutput;
        }
        ObjectNode kept = ((ObjectNode) validOutput).objectNode();
        if (expected != null) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (validOutput.has(name)) kept.set(name, validOutput.get(name));
            }
        }
        return kept;
    }

    @Override
    public JsonNode validOutput() {
        return schemaValid && failureKind == null ? scoredOutput : null;
    }

    /** Calls retried on the same route: every attempt beyond the first that was not a fallback. */
    @Override
    public int retries() {
        return Math.max(0, attempts - 1 - fallbacks);
    }

    /** This summary with other tags (for a reader that looks up the tags of records that predate them). */
    public CaseSummary withTags(List<String> newTags) {
        return new CaseSummary(key, traceId, passed, schemaValid, failureKind, accepted, finalAction, failures, blocking,
                routeUsed, modelUsed, latencyMs, tokensIn, tokensOut, costUsd, attempts, fallbacks, cacheHit, newTags,
                expected, scoredOutput, failureMessage, rule, failedChecks, fallbackSteps, tokensEstimated, judgements,
                outputFingerprint);
    }

    /** This summary with an output fingerprint (a store that reads it from its own column). */
    public CaseSummary withOutputFingerprint(Long fingerprint) {
        return new CaseSummary(key, traceId, passed, schemaValid, failureKind, accepted, finalAction, failures, blocking,
                routeUsed, modelUsed, latencyMs, tokensIn, tokensOut, costUsd, attempts, fallbacks, cacheHit, tags,
                expected, scoredOutput, failureMessage, rule, failedChecks, fallbackSteps, tokensEstimated, judgements,
                fingerprint);
    }

    /** A provider failure (no answer), as opposed to an answer that failed its checks. */
    public boolean errored() {
        return failureKind != null;
    }
}
