package dev.evalbench.core.record;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each route of a run of several did: in one line, "offline 132 of 159 passed, openai 97 of 159 passed", beside
 * the gates of each route (the window's run bar counts by route too), and which routes answered none of their cases.
 * Cases count by the route they were planned for, as the run bar's and the gates' do. Pure.
 */
public final class RoutePasses {
    private RoutePasses() {}

    /**
     * The line for {@code run}'s stored cases, a route the run found down before it stored any among them ("offline 30
     * of 32 passed, openai none stored"), or "" when they were planned for one route only.
     */
    public static String line(RunCases run) {
        Map<String, int[]> byRoute = new TreeMap<>();
        neverStored(run.header(), run.events(), storedRoutes(run.cases())).forEach(r -> byRoute.put(r, null));
        for (ScoredCase c : run.cases()) {
            int[] n = byRoute.computeIfAbsent(c.key().route(), r -> new int[2]);
            n[0]++;
            if (c.passed()) n[1]++;
        }
        if (byRoute.size() < 2) return "";
        StringBuilder line = new StringBuilder();
        byRoute.forEach((route, n) -> line.append(line.length() == 0 ? "" : ", ").append(n == null ? route + " none stored"
                : String.format(Locale.ROOT, "%s %,d of %,d passed", route, n[1], n[0])));
        return line.toString();
    }

    /**
     * The routes (as the cases were planned) none of whose cases in {@code cases} got an answer: a route that answered
     * none measured its outage, not its model (resume runs its cases again; its gates read "no answer").
     */
    public static java.util.Set<String> answeringNone(List<? extends ScoredCase> cases) {
        java.util.Set<String> none = new java.util.TreeSet<>();
        java.util.Set<String> answering = new java.util.HashSet<>();
        for (ScoredCase c : cases) {
            none.add(c.key().route());
            if (c.failureKind() == null) answering.add(c.key().route());
        }
        none.removeAll(answering);
        return none;
    }

    /**
     * {@link #answeringNone(List)}, with the routes the run was planned for that stored no case at all in a run the
     * engine left incomplete ({@link RunEvent#whyIncomplete}): an open breaker kept every one of their cases from the
     * model before any was stored ("--route openai,offline" with nothing listening at openai's address). A run someone
     * stopped has none such: a route it had not reached yet was not down.
     */
    public static java.util.Set<String> answeringNone(RunHeader header, List<RunEvent> events,
                                                      List<? extends ScoredCase> cases) {
        java.util.Set<String> none = answeringNone(cases);
        none.addAll(neverStored(header, events, storedRoutes(cases)));
        return none;
    }

    /**
     * The cases of {@code cases} to run again on resume, as the outage they recorded: each of a route that answered
     * none of its cases ({@link #answeringNone(List)}), and each whose judge's route failed on it where that judge
     * graded none of the run's cases (the server refused every call: a model name it did not know), so that the mended
     * route grades them all rather than keeping its first errors as failed replies. A judge whose answers could not be
     * read erred on the reply, not for want of a route: those stay.
     */
    public static <T extends ScoredCase> List<T> outagesOf(List<T> cases) {
        java.util.Set<String> answeringNone = answeringNone(cases);
        java.util.Set<String> erring = new java.util.HashSet<>();
        java.util.Set<String> grading = new java.util.HashSet<>();
        for (ScoredCase c : cases) {
            for (JudgeVerdict v : c.judgements()) {
                if (v.routeFailed()) erring.add(v.name());
                if (v.judged()) grading.add(v.name());
            }
        }
        erring.removeAll(grading);
        return cases.stream().filter(c -> answeringNone.contains(c.key().route())
                || c.judgements().stream().anyMatch(v -> v.routeFailed() && erring.contains(v.name()))).toList();
    }

    /** The routes {@code cases} were planned for. */
    public static java.util.Set<String> storedRoutes(List<? extends ScoredCase> cases) {
        java.util.Set<String> routes = new java.util.HashSet<>();
        for (ScoredCase c : cases) routes.add(c.key().route());
        return routes;
    }

    /** The routes of {@link #answeringNone(RunHeader, List, List)} of none of which a case is among {@code stored}. */
    public static java.util.Set<String> neverStored(RunHeader header, List<RunEvent> events,
                                                    java.util.Set<String> stored) {
        if (header.config() == null || header.config().routes() == null
                || RunEvent.whyIncomplete(header.status(), events) == null) return java.util.Set.of();
        java.util.Set<String> never = new java.util.TreeSet<>(header.config().routes());
        if (never.size() < 2) return java.util.Set.of(); // a run of one route that stored nothing is an outage
        never.removeAll(stored);
        return never;
    }
}
