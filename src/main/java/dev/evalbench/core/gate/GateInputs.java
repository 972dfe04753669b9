package dev.evalbench.core.gate;

import dev.evalbench.core.gate.stats.Bootstrap;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.workspace.SuiteKind;
import dev.evalbench.core.workspace.SuiteSpec;
import java.util.List;
import java.util.Optional;

/**
 * What every gate kind reads: the run, the baseline (nullable), the workspace's suites, the bootstrap, and the
 * suites' cases selected so far. One per evaluation, shared by its gates, which may be evaluated on several
 * threads at once: the selections fill, each once, as gates read them.
 */
record GateInputs(RunCases run, RunCases baseline, List<SuiteSpec> suites, Bootstrap bootstrap,
                  java.util.Map<Selection, List<? extends ScoredCase>> selections) {
    GateInputs(RunCases run, RunCases baseline, List<SuiteSpec> suites, Bootstrap bootstrap) {
        this(run, baseline, suites, bootstrap, new java.util.concurrent.ConcurrentHashMap<>());
    }

    static final double LEVEL = 0.95;
    /** Slack for comparisons of computed doubles: 0.92 - 0.02 must not fail a value of 0.90. */
    static final double EPSILON = 1e-9;

    /** The run's records of the suite, or all of them when {@code suite} is null. */
    List<? extends ScoredCase> runRecords(String suite) {
        return select(run, suite);
    }

    /** The baseline's records of the suite (all when null); empty without a baseline. */
    List<? extends ScoredCase> baselineRecords(String suite) {
        return baseline == null ? List.of() : select(baseline, suite);
    }

    /**
     * These inputs with only the run's cases planned for {@code route}; the baseline's of that route when it ran it,
     * else all of them (a baseline of one route is what each route of a later run is held against).
     */
    GateInputs onlyRoute(String route) {
        RunCases base = baseline;
        if (base != null && base.cases().stream().anyMatch(r -> r.key().route().equals(route))) base = routed(base, route);
        return new GateInputs(routed(run, route), base, suites, bootstrap);
    }

    private static RunCases routed(RunCases from, String route) {
        return new RunCases(from.header(), from.cases().stream().filter(r -> r.key().route().equals(route)).toList(),
                from.events());
    }

    /** These inputs with only the cases carrying the tag, in the run and in the baseline. */
    GateInputs onlyTag(String tag) {
        return new GateInputs(tagged(run, tag), baseline == null ? null : tagged(baseline, tag), suites, bootstrap);
    }

    private static RunCases tagged(RunCases from, String tag) {
        return new RunCases(from.header(), from.cases().stream().filter(r -> r.tags().contains(tag)).toList(), from.events());
    }

    Optional<SuiteSpec> suite(String name) {
        return suites.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    List<SuiteSpec> suitesOfKind(SuiteKind kind) {
        return suites.stream().filter(s -> s.kind() == kind).toList();
    }

    private List<? extends ScoredCase> select(RunCases from, String suite) {
        if (suite == null) return from.cases();
        // Several gates read one suite (a metric and its schema rate): each run's selection is made once.
        return selections.computeIfAbsent(new Selection(from, suite),
                k -> from.cases().stream().filter(r -> r.key().suite().equals(suite)).toList());
    }

    /** A run's cases of one suite; the run by identity (a run and its baseline may be equal records). */
    record Selection(RunCases from, String suite) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Selection s && s.from == from && s.suite.equals(suite);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(from) * 31 + suite.hashCode();
        }
    }
}
