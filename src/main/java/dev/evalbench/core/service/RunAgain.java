package dev.evalbench.core.service;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What "run these cases of a stored run again" asks the engine for: the author's loop after reading a failure
 * (edit the template, run only what failed, see whether it passes now) without paying for the cases that passed.
 * Pure: no store, no workspace.
 *
 * <p>A run's config chooses cases by suite, case id and route, each a list, so what runs is the product of three
 * lists: a case id that failed in one suite also runs in another suite asked for that has it. The run bar and the
 * results say how many ran; the extra cases are judged like the others.
 */
public final class RunAgain {
    private RunAgain() {}

    /**
     * The config that runs {@code cases} of stored run {@code run} again ({@link #of(RunConfig, Collection, int,
     * String)}, with the run's own config).
     *
     * @throws RequestException (field "run") when {@code run} is a traffic or shadow run: its cases are production's
     *                          requests, not the workspace's, and are not run again here
     */
    public static RunConfig of(RunHeader run, Collection<CaseKey> cases, int concurrency, String cacheMode)
            throws RequestException {
        checkRunnable(run);
        RunConfig asked = run.config() != null ? run.config() : new RunConfig(List.of(), List.of(), 1, concurrency, cacheMode);
        return of(asked, cases, concurrency, cacheMode);
    }

    /** Whether the run's cases are the workspace's to run again: an eval run's are, a traffic or shadow run's are not. */
    public static boolean runnable(RunHeader run) {
        return run.kind() == RunKind.EVAL;
    }

    /**
     * Refuses a run whose cases are not the workspace's to run again: a traffic or shadow run's are production's
     * requests.
     *
     * @throws RequestException (field "run") naming the run and what to do instead
     */
    public static void checkRunnable(RunHeader run) throws RequestException {
        if (!runnable(run)) {
            throw new RequestException("run", "run " + run.id() + " is a "
                    + run.kind().name().toLowerCase(java.util.Locale.ROOT) + " run: its cases are production's "
                    + "requests, not the workspace's; replay them with evalbench shadow");
        }
    }

    /**
     * The config that runs {@code cases} of a run asked for as {@code asked}, again: their suites, their ids,
     * their routes (in the order the run named them) and the run's repeat; concurrency and cache mode as the
     * launcher chooses now.
     *
     * @throws IllegalArgumentException when {@code cases} is empty (nothing to run again)
     */
    public static RunConfig of(RunConfig asked, Collection<CaseKey> cases, int concurrency, String cacheMode) {
        if (cases.isEmpty()) throw new IllegalArgumentException("no case to run again");
        Set<String> suites = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> routes = new LinkedHashSet<>();
        for (CaseKey key : cases) {
            suites.add(key.suite());
            ids.add(key.caseId());
            routes.add(key.route());
        }
        List<String> inOrder = new ArrayList<>(asked.routes());
        inOrder.retainAll(routes);
        routes.removeAll(inOrder);
        inOrder.addAll(routes);
        return new RunConfig(inOrder, List.copyOf(suites), asked.repeat(), concurrency, cacheMode, List.of(),
                List.copyOf(ids));
    }
}
