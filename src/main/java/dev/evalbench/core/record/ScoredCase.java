package dev.evalbench.core.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What gates, metrics and counts read from a stored case: its key, verdicts, usage, and the inputs of every
 * metric (the expected values and the valid output's scored fields). Both the full {@link CaseRecord} and the
 * compact {@link CaseSummary} provide it, so a gate over 100,000 cases reads summaries and never the texts.
 */
public interface ScoredCase {
    CaseKey key();

    boolean passed();

    boolean schemaValid();

    /** Null when the provider answered. */
    String failureKind();

    boolean blocking();

    long latencyMs();

    int tokensIn();

    int tokensOut();

    double costUsd();

    /** The case's expected values (null for safety probes). */
    JsonNode expected();

    /**
     * The output metrics score: the parsed output when the provider answered and it is schema-valid, else null.
     * A summary keeps only the fields {@link #expected} names, which are all that any metric reads.
     */
    JsonNode validOutput();

    /** The decided final action; null when there was no decision. */
    String finalAction();

    /** The evaluation's failure sentences. */
    List<String> failures();

    /** The case's dataset tags. */
    List<String> tags();

    /** The provider's failure message; null when it answered. */
    String failureMessage();

    /** Whether the decision layer accepted the output (false without a decision). */
    boolean accepted();

    /** The policy rule that rejected the output; null when accepted or without a decision. */
    String rule();

    /** The names of the evaluation's failed checks, in its order. */
    List<String> failedChecks();

    /** The route that answered (or was last tried). */
    String routeUsed();

    boolean cacheHit();

    /** Calls retried on the same route. */
    int retries();

    /** Each fallback taken, as "from -> to (reason)". */
    List<String> fallbackSteps();

    /** True when the provider reported no usage and the token counts (and the cost built on them) are estimates. */
    boolean tokensEstimated();

    /** The verdicts of the suite's model-graded judges, in the manifest's order; empty without judges. */
    List<JudgeVerdict> judgements();
}
