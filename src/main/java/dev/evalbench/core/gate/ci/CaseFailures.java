package dev.evalbench.core.gate.ci;

import dev.evalbench.core.record.ScoredCase;
import java.util.List;

/** Why a stored case failed, in one line: its provider failure, or its eval failures joined. */
final class CaseFailures {
    private CaseFailures() {}

    static String describe(ScoredCase r) {
        if (r.failureKind() != null) {
            return "Provider failure " + r.failureKind()
                    + (r.failureMessage() == null || r.failureMessage().isBlank() ? "." : ": " + sentence(r.failureMessage()));
        }
        List<String> failures = r.failures();
        if (failures.isEmpty()) {
            return r.failedChecks().isEmpty() ? "The case was not evaluated." : "A check failed: " + failedChecks(r) + ".";
        }
        return String.join(" ", failures);
    }

    static String failedChecks(ScoredCase r) {
        return String.join(", ", r.failedChecks());
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }
}
