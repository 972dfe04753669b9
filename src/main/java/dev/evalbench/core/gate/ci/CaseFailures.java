package dev.evalbench.core.gate.ci;

import dev.evalbench.core.record.CaseRecord;
import java.util.List;

/** Why a stored case failed, in one line: its provider failure, or its eval failures joined. */
final class CaseFailures {
    private CaseFailures() {}

    static String describe(CaseRecord r) {
        if (r.failureKind() != null) {
            return "Provider failure " + r.failureKind()
                    + (r.failureMessage() == null || r.failureMessage().isBlank() ? "." : ": " + sentence(r.failureMessage()));
        }
        List<String> failures = r.evaluation() == null ? List.of() : r.evaluation().failures();
        if (failures.isEmpty()) {
            return r.evaluation() == null ? "The case was not evaluated." : "A check failed: " + failedChecks(r) + ".";
        }
        return String.join(" ", failures);
    }

    static String failedChecks(CaseRecord r) {
        return String.join(", ", r.evaluation().checks().entrySet().stream()
                .filter(e -> !e.getValue()).map(java.util.Map.Entry::getKey).toList());
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }
}
