package dev.evalbench.core.workspace;

import java.util.List;

/**
 * The decision policy. {@code hash} is the SHA-256 of the policy file's bytes, so the CEL {@code rules} are part
 * of it (and of the revision an author bumps). {@code rules} are type-checked at load.
 */
public record PolicySpec(
        int revision,
        List<String> allowedActions,
        List<String> allowedTools,
        List<String> requiredFields,
        List<RestrictedPattern> restrictedPatterns,
        Double maxRefundAmount,
        Integer maxReplyChars,
        String fallbackAction,
        String hash,
        List<Rule> rules) {

    public PolicySpec {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A policy without CEL rules. */
    public PolicySpec(int revision, List<String> allowedActions, List<String> allowedTools, List<String> requiredFields,
                      List<RestrictedPattern> restrictedPatterns, Double maxRefundAmount, Integer maxReplyChars,
                      String fallbackAction, String hash) {
        this(revision, allowedActions, allowedTools, requiredFields, restrictedPatterns, maxRefundAmount, maxReplyChars,
                fallbackAction, hash, List.of());
    }

    public record RestrictedPattern(String name, String regex) {}

    /**
     * A business rule: when {@code when} holds (null: always), {@code require} must hold, else the output is
     * rejected as {@code rule:<name>} with {@code reason}.
     */
    public record Rule(String name, String when, String require, String reason) {
        /** The rule as a decision names it. */
        public String ruleKey() {
            return "rule:" + name;
        }
    }
}
