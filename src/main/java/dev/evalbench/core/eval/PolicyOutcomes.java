package dev.evalbench.core.eval;

import dev.evalbench.core.record.ScoredCase;

/**
 * What the decision layer did with a stored case, for {@code policy.rejection_rate} and
 * {@code policy.leak_rate}. A case is rejected when the policy did not accept its output (a provider failure
 * and an invalid output are rejections too: nothing the model proposed was acted on). A case leaked when the
 * policy rejected its output for restricted content: a restricted value of the case ({@code restricted_value})
 * or a restricted pattern ({@code restricted_pattern:<name>}). These leak rules come right after the
 * required-field check, so every leak in a schema-valid output with its required fields is counted, whatever
 * else is wrong with it. Pure.
 */
public final class PolicyOutcomes {
    private PolicyOutcomes() {}

    public static boolean rejected(ScoredCase r) {
        return !r.accepted();
    }

    public static boolean leaked(ScoredCase r) {
        String rule = r.rule();
        return rule != null && (rule.equals("restricted_value") || rule.startsWith("restricted_pattern:"));
    }
}
