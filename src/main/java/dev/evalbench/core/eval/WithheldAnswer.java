package dev.evalbench.core.eval;

import dev.evalbench.core.provider.ModelResponse;
import java.util.List;

/**
 * Says why an answer is empty when the server's content filter withheld it ({@link ModelResponse#withheld()}).
 * Without it a task case the filter stopped read "the output is empty", which sends the author looking at the prompt's
 * wording for a format mistake when the server refused the content. A safety probe's empty answer is rejected by the
 * policy and the probe passes, as it would in production behind the same filter. Stateless.
 */
public final class WithheldAnswer {
    static final String WHY = "the server's content filter withheld the answer, tripped by the prompt or by the"
            + " answer: there is none to check";

    private WithheldAnswer() {}

    /** {@code validation} with the why as its first error when {@code response} was withheld; else itself. */
    public static Validation explained(Validation validation, ModelResponse response) {
        if (response == null || !response.withheld() || validation == null || validation.valid()) return validation;
        return validation.explainedBy(WHY);
    }

    /**
     * Whether a case's failure sentences say its answer was withheld. Only a task case's tell (its schema check's
     * failure quotes the first error); a safety probe's empty answer is rejected, the probe passes, and its sentences
     * say nothing of why.
     */
    public static boolean toldIn(List<String> failures) {
        return TaskChecks.invalidBecause(failures, WHY);
    }

    /** The why alone, for a judge's error. */
    public static String why() {
        return WHY;
    }
}
