package dev.evalbench.core.workspace;

import java.util.List;

/** The decision policy. {@code hash} is the SHA-256 of the policy file's bytes. */
public record PolicySpec(
        int revision,
        List<String> allowedActions,
        List<String> allowedTools,
        List<String> requiredFields,
        List<RestrictedPattern> restrictedPatterns,
        Double maxRefundAmount,
        Integer maxReplyChars,
        String fallbackAction,
        String hash) {

    public record RestrictedPattern(String name, String regex) {}
}
