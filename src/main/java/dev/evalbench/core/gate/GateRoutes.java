package dev.evalbench.core.gate;

import dev.evalbench.core.record.RoutePasses;
import dev.evalbench.core.record.RunCases;
import java.util.List;
import java.util.TreeSet;

/**
 * The routes a run's gates are judged by. A run of one route has one verdict per gate, named as the gate; a run of
 * several has one per gate and route, named "gate@route" ("schema@openai"): a gate id cannot hold '@', so the name
 * reads back to both. Cases count for the route they were planned for, whatever fallback answered them. Pure.
 */
public final class GateRoutes {
    private GateRoutes() {}

    /**
     * The routes the run's cases were planned for, sorted: those of its stored cases, and a route that stored none
     * because the run found it down ({@link RoutePasses#neverStored}), whose gates read "no answer" rather than the
     * other route's verdicts passing for the run's.
     */
    public static List<String> of(RunCases run) {
        TreeSet<String> routes = new TreeSet<>();
        run.cases().forEach(c -> routes.add(c.key().route()));
        routes.addAll(RoutePasses.neverStored(run.header(), run.events(), routes));
        return List.copyOf(routes);
    }

    /** The verdict id of {@code gate} for {@code route}'s cases. */
    public static String id(String gate, String route) {
        return gate + "@" + route;
    }

    /** The gate a verdict id names ("schema" of "schema@openai", or of "schema"). */
    public static String gateOf(String verdictId) {
        int at = verdictId.indexOf('@');
        return at < 0 ? verdictId : verdictId.substring(0, at);
    }

    /** The route a verdict id names, or null for a verdict of every case of the run. */
    public static String routeOf(String verdictId) {
        int at = verdictId.indexOf('@');
        return at < 0 ? null : verdictId.substring(at + 1);
    }
}
