package dev.evalbench.app.detail;

import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.CaseRecord;
import java.util.List;

/**
 * Why a case got no answer, in one line under its verdict: the first attempt that failed on its own account (an open
 * breaker's refusal sends no request and says nothing of the provider), with how the call ended when it ended
 * otherwise. The pane said only "The provider gave no answer."; the cause ("connection refused", "HTTP 401") sat at
 * the foot of the Call section, under the whole rendered prompt. Reads what the pane shows (masked as it is). Pure.
 */
final class NoAnswerCause {
    private static final String BREAKER = "CIRCUIT_OPEN";

    private NoAnswerCause() {}

    /** The line for {@code r}, or null when it got an answer. */
    static String of(CaseRecord r) {
        if (r.failureKind() == null) return null;
        List<Attempt> attempts = r.attempts();
        Attempt cause = attempts.stream().filter(a -> !"ok".equals(a.outcome()) && !BREAKER.equals(a.outcome()))
                .findFirst().orElse(null);
        if (cause == null) {
            return "Why no answer: " + r.failureKind() + (r.failureMessage() == null ? "" : ": " + r.failureMessage());
        }
        StringBuilder line = new StringBuilder("Why no answer: attempt ").append(cause.number()).append(" on route ")
                .append(cause.route()).append(": ").append(cause.outcome());
        if (cause.httpStatus() != null) line.append(" (HTTP ").append(cause.httpStatus()).append(")");
        if (cause.message() != null) line.append(": ").append(cause.message());
        Attempt last = attempts.get(attempts.size() - 1);
        if (last != cause) {
            line.append(" (").append(attempts.size()).append(" attempts; the last: ").append(last.outcome()).append(")");
        }
        return line.toString();
    }
}
