package dev.evalbench.core.gate.ci;

import dev.evalbench.core.gate.GateRoutes;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.record.RoutePasses;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import java.util.List;
import java.util.Set;

/**
 * Which of a run's gates measured an outage rather than the model: every gate of a run no case of which got an answer
 * (the engine's outage event), or, in an incomplete run of several routes, the gates of each route that answered none
 * of its cases ("schema@local", a local server never started). Those read "no answer" with no value in every table for
 * people ({@link VerdictCells}); a route's read "schema@local 0.0% FAIL" and "no-leaks@local pass" beside the other
 * route's real verdicts. A complete run has none: it was not left for resume. Immutable.
 *
 * @param wholeRun whether the run is an outage's
 * @param routes   the routes that answered none of their cases, in an incomplete run; empty otherwise
 */
public record UnansweredGates(boolean wholeRun, Set<String> routes) {
    public static final UnansweredGates NONE = new UnansweredGates(false, Set.of());

    public UnansweredGates {
        routes = Set.copyOf(routes);
    }

    /** Of a run with its stored cases and events. */
    public static UnansweredGates of(RunCases run) {
        RunHeader h = run.header();
        return of(h.status(), run.events(),
                h.status() == RunStatus.INCOMPLETE ? RoutePasses.answeringNone(h, run.events(), run.cases()) : Set.of());
    }

    /** Of a run with this status and these events, whose routes {@code answeringNone} answered none of their cases. */
    public static UnansweredGates of(RunStatus status, List<RunEvent> events, Set<String> answeringNone) {
        if (RunEvent.leftByAnOutage(status, events)) return new UnansweredGates(true, Set.of());
        if (status != RunStatus.INCOMPLETE) return NONE;
        return new UnansweredGates(false, answeringNone);
    }

    /** Whether {@code v} measured an outage; a gate of suites the run left out by choice did not run at all. */
    public boolean of(GateVerdict v) {
        if (v.leftOut()) return false;
        if (wholeRun) return true;
        String route = GateRoutes.routeOf(v.id());
        return route != null && routes.contains(route);
    }

    /** {@code v}'s cells, "no answer" when it measured an outage. */
    public VerdictCells cells(GateVerdict v) {
        return new VerdictCells(v, of(v));
    }

    /** The routes whose gates measured their outage, in order. */
    public List<String> sortedRoutes() {
        return routes.stream().sorted().toList();
    }

    /**
     * The headline of a run whose routes {@link #routes} answered none of their cases, where a count of failed gates
     * would stand: "4 gates not measured: route local answered none of its cases; 1 of 14 measured gates failed", and
     * ", 8 not run" when the run left some gates' suites out.
     * Null when there is no such route (the caller's own headline stands).
     */
    public String routesHeadline(List<GateVerdict> verdicts) {
        if (wholeRun || routes.isEmpty()) return null;
        long notMeasured = verdicts.stream().filter(this::of).count();
        long failed = verdicts.stream().filter(v -> cells(v).failedWhenMeasured()).count();
        long measured = verdicts.stream().filter(v -> cells(v).measured()).count();
        long notRun = verdicts.stream().filter(GateVerdict::leftOut).count();
        List<String> names = sortedRoutes().stream().map(r -> "route " + r).toList();
        return dev.evalbench.core.text.Counted.of(notMeasured, "gate") + " not measured: "
                + dev.evalbench.core.text.Listed.inWords(names) + (names.size() == 1 ? " answered" : " each answered")
                + " none of its cases; " + String.format(java.util.Locale.ROOT, "%,d of %,d measured %s failed", failed,
                measured, measured == 1 ? "gate" : "gates") + (notRun == 0 ? "" : ", " + notRun + " not run");
    }

    /** Why a route's gates measured nothing, said once for them all under the name "gates@ROUTE". */
    public static String notMeasured(String route) {
        return "Not measured: route " + route + " answered none of its cases in this run, so its gates would measure its"
                + " outage; resume the run once the route answers.";
    }
}
