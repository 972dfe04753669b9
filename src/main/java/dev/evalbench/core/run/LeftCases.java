package dev.evalbench.core.run;

import dev.evalbench.core.eval.judge.CaseJudge;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.JudgeVerdict;
import dev.evalbench.core.record.JudgeVersion;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.route.breaker.CircuitBreaker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cases of one run left for resume because provider trouble kept them from being measured. Not sent: each was
 * refused by an open circuit breaker, or by a route the server had refused itself (its first calls 401, 403 or 404),
 * on every route of its chain, so no model saw it. Not judged: the model answered, but a judge's route gave no answer
 * for a reason that says nothing of the reply ({@link CaseJudge#noGrade}: a timeout, a rate limit, a server error, an
 * open breaker, a refused key), so the case has no grade. Neither
 * is stored, so the run ends incomplete and resume runs them, rather than count as the model's failures: a breaker
 * that opened on a burst of rate limits made the gates read "category accuracy 0.008" of a model that had answered 4
 * cases of 4, and a judge's route down for a minute failed the judge's pass-rate gate of replies nobody graded.
 *
 * <p>Threads: the run's workers call {@link #tookIfLeft}; the engine reads the counts and the event once they have
 * ended.
 */
final class LeftCases {
    private final AtomicInteger unsent = new AtomicInteger();
    private final AtomicInteger unjudged = new AtomicInteger();
    /** Why each route's cases were not sent, in the words of the first of them, by route. */
    private final Map<String, String> whyUnsent = new TreeMap<>();
    /** Why each judge's cases were not judged, by judge. */
    private final Map<String, String> whyUnjudged = new TreeMap<>();
    private final java.util.Set<String> plannedRoutes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Counts {@code record} and returns true when it is left for resume (not sent, or not judged); false otherwise. */
    boolean tookIfLeft(CaseRecord record) {
        boolean left = tookIfRefused(record) || tookIfUnjudged(record);
        if (left) plannedRoutes.add(record.key().route());
        return left;
    }

    private boolean tookIfRefused(CaseRecord record) {
        if (!FailureKind.CIRCUIT_OPEN.name().equals(record.failureKind())) return false;
        String route = record.routeUsed() == null ? "" : record.routeUsed();
        String reason = CircuitBreaker.refusal(route).equals(record.failureMessage())
                ? "the breaker of route " + route + " was open" : record.failureMessage();
        synchronized (whyUnsent) {
            whyUnsent.putIfAbsent(route, reason);
        }
        unsent.incrementAndGet();
        return true;
    }

    private boolean tookIfUnjudged(CaseRecord record) {
        for (JudgeVerdict verdict : record.judgements()) {
            Optional<String> why = CaseJudge.noGrade(verdict);
            if (why.isEmpty()) continue;
            String reason = "judge " + verdict.name() + "'s route" + judgeRoute(record, verdict.name()) + " gave no answer ("
                    + shortWhy(why.get()) + ")";
            synchronized (whyUnjudged) {
                whyUnjudged.putIfAbsent(verdict.name(), reason);
            }
            unjudged.incrementAndGet();
            return true;
        }
        return false;
    }

    /**
     * "SERVER_ERROR" of a passing failure (the server's words add nothing to a run's closing line), the whole why
     * otherwise: a key refused, a route not called, and why ("CIRCUIT_OPEN: route grader not called: the server refused
     * its first 3 calls with HTTP 401 (check its key, model and base_url)").
     */
    private static String shortWhy(String why) {
        int space = why.indexOf(' ');
        String kind = space < 0 ? why : why.substring(0, space);
        for (FailureKind k : FailureKind.values()) {
            if (k.name().equals(kind) && k.retryable()) return kind;
        }
        if (space < 0) return why;
        String rest = why.substring(space + 1);
        return kind + ": " + (rest.startsWith("(") && rest.endsWith(")") ? rest.substring(1, rest.length() - 1) : rest);
    }

    /** " grader": the judge's route as the case recorded it, or "" when it recorded none. */
    private static String judgeRoute(CaseRecord record, String judge) {
        if (record.versions() == null || record.versions().judges() == null) return "";
        return record.versions().judges().stream().filter(j -> judge.equals(j.name())).map(JudgeVersion::route)
                .findFirst().map(r -> " " + r).orElse("");
    }

    /** Every case left for resume. */
    int count() {
        return unsent.get() + unjudged.get();
    }

    /** The routes the left cases were planned for (not sent, or sent and not judged). */
    java.util.Set<String> routes() {
        return java.util.Set.copyOf(plannedRoutes);
    }

    /** The cases left because a judge's route gave no answer: the model answered them. */
    int unjudged() {
        return unjudged.get();
    }

    /** ", 155 cases not sent: the breaker of route openai was open" for the outage's sentence; "" when none. */
    String inParentheses() {
        return unsent.get() == 0 ? "" : ", " + notSent();
    }

    /**
     * The run's event: how many cases were left and why ({@link RunEvent#UNSENT} when any was not sent, else
     * {@link RunEvent#UNJUDGED}). Not what to do about it: a later resume may run them (or leave others, its own
     * event), and the history keeps each event as written.
     */
    RunEvent event(Instant at) {
        String route;
        synchronized (whyUnsent) {
            route = unjudged.get() == 0 && whyUnsent.size() == 1 ? whyUnsent.keySet().iterator().next() : null;
        }
        List<String> parts = new ArrayList<>();
        if (unsent.get() > 0) parts.add(notSent());
        if (unjudged.get() > 0) parts.add(notJudged());
        return new RunEvent(at, unsent.get() > 0 ? RunEvent.UNSENT : RunEvent.UNJUDGED, route, String.join("; ", parts));
    }

    private String notSent() {
        String reasons;
        synchronized (whyUnsent) {
            reasons = whyUnsent.isEmpty() ? "no route was called" : String.join("; ", whyUnsent.values());
        }
        return cases(unsent.get()) + " not sent: " + reasons;
    }

    private String notJudged() {
        String reasons;
        synchronized (whyUnjudged) {
            reasons = String.join("; ", whyUnjudged.values());
        }
        return cases(unjudged.get()) + " not judged: " + reasons;
    }

    private static String cases(int n) {
        return n == 1 ? "1 case" : String.format(Locale.ROOT, "%,d cases", n);
    }
}
