package dev.evalbench.core.eval;

import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.text.Counted;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says why an answer fails when the model was cut off at its output token limit. Without it, an answer cut off
 * mid-JSON reads "not valid JSON at line 1, column 1,612: unexpected end of input", and a reasoning model that spent
 * the whole limit reasoning reads "the output is empty": both send the author looking at the prompt when the fix
 * is the route's limit. Stateless.
 */
public final class CutOffAnswer {
    private CutOffAnswer() {}

    /**
     * {@code validation} with the cut-off's explanation as its first error when {@code response} was cut off and the
     * output fails; otherwise {@code validation} itself (a cut-off answer that still validates needs no excuse).
     */
    public static Validation explained(Validation validation, ModelResponse response) {
        if (response == null || !response.truncated() || validation == null || validation.valid()) return validation;
        List<String> errors = new ArrayList<>();
        errors.add(why(response));
        if (validation.errors() != null) errors.addAll(validation.errors());
        return new Validation(validation.parsed(), false, errors);
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
        return "the model stopped at its output token limit" + after
                + ", so the answer is cut off: raise the limit in the route's params";
    }
}
