package dev.evalbench.core.eval;

import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.text.Counted;
import java.util.List;
import java.util.Locale;

/**
 * Says why an answer fails when the model was cut off at its output token limit. Without it, an answer cut off
 * mid-JSON reads "not valid JSON at line 1, column 1,612: unexpected end of input", and a reasoning model that spent
 * the whole limit reasoning reads "the output is empty": both send the author looking at the prompt when the fix
 * is the route's limit. Stateless.
 */
public final class CutOffAnswer {
    /** How the why begins; a task case's failure sentences carry it when its answer was cut off and failed the schema. */
    private static final String STOPPED = "the model stopped at its output token limit";

    private CutOffAnswer() {}

    /**
     * Whether a case's failure sentences say its answer was cut off at the output token limit. Only a task case's tell
     * (its schema check's failure quotes the first error, {@link #toldWhyInvalid}); a safety probe's invalid output is
     * rejected, the probe passes, and its sentences say nothing of why.
     */
    public static boolean toldIn(List<String> failures) {
        return TaskChecks.invalidBecause(failures, STOPPED);
    }

    /** Whether a case's failure sentences say why its output failed the schema (a task case's do), cut off or not. */
    public static boolean toldWhyInvalid(List<String> failures) {
        return failures != null && failures.stream().anyMatch(f -> f != null && f.startsWith(TaskChecks.INVALID));
    }

    /**
     * {@code validation} with the cut-off's explanation as its first error when {@code response} was cut off and the
     * output fails; otherwise {@code validation} itself (a cut-off answer that still validates needs no excuse).
     */
    public static Validation explained(Validation validation, ModelResponse response) {
        if (response == null || !response.truncated() || validation == null || validation.valid()) return validation;
        return validation.explainedBy(why(response));
    }

    /**
     * "the model stopped at its output token limit after 400 tokens (all of them reasoning), …": the why alone. The
     * count is left out when the provider reported none (an estimate of the cut-off text says nothing of the limit).
     */
    public static String why(ModelResponse response) {
        int out = response.tokensOut();
        int reasoning = response.reasoningTokens();
        String spent = reasoning <= 0 ? "" : reasoning >= out ? " (all of them reasoning)"
                : String.format(Locale.ROOT, " (%,d of them reasoning)", reasoning);
        String after = out > 0 && !response.tokensEstimated() ? " after " + Counted.of(out, "token") + spent : "";
        return STOPPED + after
                + ", so the answer is cut off: raise the limit in the route's params";
    }
}
