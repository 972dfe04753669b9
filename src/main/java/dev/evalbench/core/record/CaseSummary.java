package dev.evalbench.core.record;

import java.util.List;

/**
 * The compact form of one stored case: everything a results table, a filter, a gate or a count needs, and
 * none of the big texts (messages, raw output, parsed output), which readers fetch one case at a time with
 * {@code RunStore.caseRecord}. Immutable.
 *
 * <p>{@code failureKind} is null when the provider answered; {@code finalAction} is null when there was no
 * decision (no answer, or no parsable output). {@code failures} are the evaluation's failure sentences, in the
 * evaluator's words. {@code tags} are the case's dataset tags (empty when the record predates them).
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
        List<String> tags) {

    public CaseSummary {
        failures = List.copyOf(failures);
        tags = List.copyOf(tags);
    }

    /** The summary of a full record; the one derivation every store shares. */
    public static CaseSummary of(CaseRecord r, List<String> tags) {
        Decision d = r.decision();
        CaseEvaluation e = r.evaluation();
        return new CaseSummary(r.key(), r.traceId(), r.passed(), r.schemaValid(), r.failureKind(),
                d != null && d.accepted(), d == null ? null : d.finalAction(),
                e == null ? List.of() : e.failures(), r.blocking(), r.routeUsed(), r.modelUsed(), r.latencyMs(),
                r.tokensIn(), r.tokensOut(), r.costUsd(), r.attempts().size(), r.fallbacks().size(), r.cacheHit(),
                tags);
    }

    /** A provider failure (no answer), as opposed to an answer that failed its checks. */
    public boolean errored() {
        return failureKind != null;
    }
}
