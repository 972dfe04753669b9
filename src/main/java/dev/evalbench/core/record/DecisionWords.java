package dev.evalbench.core.record;

/**
 * How a decision reads, in the same words in the terminal, the CI summary, the reports and the window: the final
 * action, then whether the model's proposal was accepted or, rejected, by which rule: "refund (accepted)",
 * "escalate (rejected: refund_limit)"; "escalate (rejected)" where the rule is not at hand (a case's summary
 * keeps the outcome, not the rule). The action comes first, so an allowed action named "accept" reads
 * "accept (accepted)", not "accept accept". Pure.
 */
public final class DecisionWords {
    /** What a case without a decision (no parsable output) shows. */
    public static final String NONE = "no decision";

    private DecisionWords() {}

    /** @param rule the rule that rejected the proposal, or null (accepted, or not at hand) */
    public static String of(String finalAction, boolean accepted, String rule) {
        if (accepted) return finalAction + " (accepted)";
        return finalAction + (rule == null ? " (rejected)" : " (rejected: " + rule + ")");
    }

    /** A stored decision in words; {@link #NONE} for none. */
    public static String of(Decision decision) {
        return decision == null ? NONE : of(decision.finalAction(), decision.accepted(), decision.rule());
    }
}
