package dev.evalbench.core.service;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.stats.Percentiles;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.store.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The history as series, one {@link Point} per run, oldest first: each rate gate's measured value (schema,
 * safety and metric gates: rates in 0..1, most passing high, a leak rate passing low), the p95 latency, the
 * tokens and the cost. Read from case summaries (never full records) and gated as {@code evalbench gate} would,
 * without a baseline (a pass rate needs none).
 * {@link #point} is pure; {@link #read} reads the store: call it off the FX thread.
 */
public final class RunTrends {
    /** Gate kinds whose value is a pass rate. */
    static final Set<String> RATE_KINDS = Set.of("schema_pass_rate", "safety_pass_rate", "metric");

    private RunTrends() {}

    /**
     * One run's numbers.
     *
     * @param gateRates    gate id to its measured rate, in the gates' order; gates that did not run are left out
     * @param lowerPasses  the gates among them that pass at or below their threshold (a leak rate), not above it
     * @param p95LatencyMs NaN when no case was counted
     */
    public record Point(String runId, Instant startedAt, RunKind kind, Map<String, Double> gateRates, Set<String> lowerPasses,
                        double p95LatencyMs, long tokens, double costUsd, int cases) {
        public Point {
            gateRates = Collections.unmodifiableMap(new LinkedHashMap<>(gateRates));
            lowerPasses = Set.copyOf(lowerPasses);
        }
    }

    /** @param gates the run's verdicts, or null when it could not be gated (no rates then) */
    public static Point point(RunHeader header, List<CaseSummary> cases, GateReport gates) {
        Map<String, Double> rates = new LinkedHashMap<>();
        Set<String> lowerPasses = new java.util.HashSet<>();
        if (gates != null) {
            for (GateVerdict v : gates.verdicts()) {
                if (!v.ran() || !RATE_KINDS.contains(v.kind()) || !Double.isFinite(v.value())) continue;
                rates.put(v.id(), v.value());
                if ("<=".equals(v.comparator())) lowerPasses.add(v.id());
            }
        }
        double[] latencies = java.util.Arrays.stream(LatencyDistribution.counted(cases)).asDoubleStream().toArray();
        return new Point(header.id(), header.startedAt(), header.kind(), rates, lowerPasses,
                latencies.length == 0 ? Double.NaN : Percentiles.p95(latencies),
                cases.stream().mapToLong(s -> (long) s.tokensIn() + s.tokensOut()).sum(),
                cases.stream().mapToDouble(CaseSummary::costUsd).sum(), cases.size());
    }

    /**
     * The newest {@code limit} finished runs of the history, oldest first. A run whose gates cannot be found
     * (no snapshots and no workspace) still gives its latency, tokens and cost. A run the model answered no case of
     * (an outage: the route down, every call failed) is left out: it measured the outage, not the model, and its
     * zero rates, tokens and cost pulled every line of the charts to the floor between two runs that measured. So is
     * a run of cases chosen by id (Run case, Rerun failing, {@code run --case}, {@code --failing-of}): it measured
     * those cases, not the suite, and one failing case drew category accuracy at 0 between two runs at 0.9.
     *
     * @param workspaceDir where gates come from when a run's snapshots are missing (may be null)
     */
    public static List<Point> read(RunStore store, Path workspaceDir, GateService gates, int limit) throws Exception {
        List<Point> points = new ArrayList<>();
        for (RunHeader h : store.runs(limit)) {
            if (h.status() == RunStatus.RUNNING) continue;
            if (h.config() != null && !h.config().caseIds().isEmpty()) continue;
            List<CaseSummary> cases = store.summaries(h.id());
            if (cases.stream().allMatch(CaseSummary::errored)) continue;
            RunCases run = RunCases.ofSummaries(h, cases, store.events(h.id()));
            Optional<RunGates> runGates = gates.gatesOf(run, store, workspaceDir);
            GateReport report = runGates.isPresent() ? gates.gate(runGates.get().workspace(), run, null) : null;
            points.add(point(h, cases, report));
        }
        Collections.reverse(points);
        return points;
    }

    /**
     * The run to compare {@code runId} with: the one tagged {@code tag} when it is another run of the same kind, else
     * the run before it that {@link ReviewService#previous} compares it with, when of the same kind; empty without
     * one. Of another kind there is none: a shadow's 500 replayed requests drawn as an eval run's baseline, or main's
     * eval cases as a traffic run's, compare inputs that were never the same.
     */
    public static Optional<String> baselineOf(RunStore store, String runId, String tag) throws Exception {
        Optional<RunHeader> me = store.run(runId);
        if (me.isEmpty()) return Optional.empty();
        RunKind kind = me.get().kind();
        Optional<String> tagged = store.resolve(tag).filter(id -> !id.equals(runId));
        if (tagged.isPresent() && store.run(tagged.get()).map(RunHeader::kind).orElse(null) == kind) return tagged;
        Optional<String> previous = ReviewService.previous(store, runId, 1000);
        if (previous.isPresent() && store.run(previous.get()).map(RunHeader::kind).orElse(null) == kind) return previous;
        return Optional.empty();
    }
}
