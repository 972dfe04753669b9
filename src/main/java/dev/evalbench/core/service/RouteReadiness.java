package dev.evalbench.core.service;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.workspace.JudgeSpec;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.UnsetVariable;
import dev.evalbench.core.workspace.Workspace;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the routes a run reaches can be called in an environment: every variable they name is set. A run
 * reaches the routes it chose, the judge routes of the suites it runs, and their fallbacks. A variable a route
 * needs is its API key's ({@code api_key_env}), a secret header's, or one its settings take with a
 * {@code ${NAME}} that gives no default ({@link Workspace#unsetVariables}). Found before a run starts: one refusal
 * naming the route and the variable, not one failure per case, and nothing written. Pure and thread-safe; reads
 * no value beyond whether it is set.
 */
final class RouteReadiness {
    private final Map<String, String> env;

    RouteReadiness(Map<String, String> env) {
        this.env = env;
    }

    /**
     * The first route reached from {@code name} (itself, then its fallbacks, breadth first) that needs a variable
     * this environment lacks or holds blank; empty when each has what it needs.
     */
    Optional<RunService.MissingVariable> missing(Workspace ws, String name) {
        Deque<String> todo = new ArrayDeque<>(List.of(name));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            RouteSpec route = ws.routes().get(next);
            if (route == null || !seen.add(next)) continue;
            Optional<RunService.MissingVariable> missing = missingIn(ws, route);
            if (missing.isPresent()) return missing;
            if (route.fallbacks() != null) todo.addAll(route.fallbacks());
        }
        return Optional.empty();
    }

    /** Refuses a run of {@code config} that reaches a route without a variable it needs. */
    void check(Workspace ws, RunConfig config) throws RequestException {
        for (String name : config.routes()) refuseIfMissing(ws, name, "");
        for (SuiteSpec suite : ws.suites()) {
            if (!config.suites().isEmpty() && !config.suites().contains(suite.name())) continue;
            for (JudgeSpec judge : suite.judges()) {
                refuseIfMissing(ws, judge.route(), "the judge " + judge.name() + " of suite " + suite.name());
            }
        }
    }

    /** @param role how the run reaches {@code name} when it did not choose it ("the judge tone of suite triage"), or "" */
    private void refuseIfMissing(Workspace ws, String name, String role) throws RequestException {
        RunService.MissingVariable missing = missing(ws, name).orElse(null);
        if (missing == null) return;
        // The route the user named (or the judge that reaches it) is what the message must mention, when a fallback
        // is the one without its variable.
        String via = missing.route().equals(name) ? role : "a fallback of route " + name + (role.isEmpty() ? "" : ", " + role);
        String who = "route " + missing.route() + (via.isEmpty() ? "" : " (" + via + ")");
        List<UnsetVariable> unset = ws.unsetVariables().getOrDefault(missing.route(), List.of());
        if (!unset.isEmpty()) {
            boolean one = unset.size() == 1;
            throw new RequestException("route", name, who + " takes " + takes(unset) + ", which " + (one ? "is" : "are")
                    + " not set in the environment; set " + (one ? "it" : "them") + " where Evalbench starts, or give a"
                    + " default in " + unset.get(0).where().file() + " (${" + unset.get(0).variable() + ":-…}), or choose"
                    + " another route");
        }
        throw new RequestException("route", name, who + " reads " + missing.need() + " from " + missing.variable()
                + ", which is not set in the environment; set it where Evalbench starts (a local server takes any"
                + " value), or choose another route");
    }

    /** "its base_url from LOCAL_URL (routes.yaml:45:15) and its model from LOCAL_MODEL (routes.yaml:46:12)". */
    private static String takes(List<UnsetVariable> unset) {
        return dev.evalbench.core.text.Listed.inWords(unset.stream().map(u -> "its " + u.setting() + " from " + u.variable()
                + " (" + u.where().file() + ":" + u.where().line() + ":" + u.where().column() + ")").toList());
    }

    private Optional<RunService.MissingVariable> missingIn(Workspace ws, RouteSpec route) {
        List<UnsetVariable> unset = ws.unsetVariables().getOrDefault(route.name(), List.of());
        if (!unset.isEmpty()) {
            UnsetVariable first = unset.get(0);
            return Optional.of(new RunService.MissingVariable(route.name(), first.variable(), "its " + first.setting()));
        }
        if (route.apiKeyEnv() != null && blank(route.apiKeyEnv())) {
            return Optional.of(new RunService.MissingVariable(route.name(), route.apiKeyEnv(), "its API key"));
        }
        for (Map.Entry<String, String> header : route.http().secretHeaders().entrySet()) {
            if (blank(header.getValue())) {
                String need = "its header " + header.getKey();
                return Optional.of(new RunService.MissingVariable(route.name(), header.getValue(), need));
            }
        }
        return Optional.empty();
    }

    private boolean blank(String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank();
    }
}
