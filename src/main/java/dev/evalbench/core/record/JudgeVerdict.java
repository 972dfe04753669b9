package dev.evalbench.core.record;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one model-graded judge said about one case, as stored with it. {@code outcome} is one of
 * {@link #PASS} (the judge's answer met the judge's {@code pass} expression), {@link #FAIL} (it did not),
 * {@link #ERROR} (no usable answer: the provider failed, or the answer did not parse against the judge's
 * schema; {@code error} says which) or {@link #NO_OUTPUT} (the case had no valid output to judge, so the
 * judge was not called). {@code score} and {@code reason} are the judge's answer (null without one);
 * {@code label} is the human's score for the same rubric, copied from the case's {@code labels} so agreement
 * is computed from stored records alone (null when the case carries none), and {@code labelPassed} whether
 * that label meets the judge's {@code pass} expression (evaluated with {@code score} = the label and an empty
 * {@code reason}), so pass/fail agreement needs no workspace either. {@code cacheHit} says the answer came
 * from the response cache. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JudgeVerdict(
        String name,
        String outcome,
        Integer score,
        String reason,
        String error,
        Integer label,
        Boolean labelPassed,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean cacheHit) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String ERROR = "ERROR";
    public static final String NO_OUTPUT = "NO_OUTPUT";
    /** How the error of a verdict begins when the judge's route failed on this case; the failure kind's name follows. */
    public static final String ROUTE_FAILED = "the judge's route failed: ";

    public boolean passed() {
        return PASS.equals(outcome);
    }

    /** The judge gave a verdict (pass or fail), as opposed to an error or nothing to judge. */
    public boolean judged() {
        return PASS.equals(outcome) || FAIL.equals(outcome);
    }

    public boolean errored() {
        return ERROR.equals(outcome);
    }

    /** An error because the judge's route failed on the case ({@link #ROUTE_FAILED}), not because of its answer. */
    public boolean routeFailed() {
        return errored() && error != null && error.startsWith(ROUTE_FAILED);
    }
}
