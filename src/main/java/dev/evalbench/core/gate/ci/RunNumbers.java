package dev.evalbench.core.gate.ci;

import dev.evalbench.core.gate.stats.Percentiles;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.StoredRun;

/** Whole-run totals for the CI outputs: cases, passes, schema-valid outputs, provider failures, p95, tokens, cost. */
record RunNumbers(int cases, int passed, int schemaValid, int providerFailures, double p95LatencyMs, long tokens,
        double costUsd) {

    static RunNumbers of(RunCases run) {
        int passed = 0;
        int valid = 0;
        int failures = 0;
        long tokens = 0;
        double cost = 0;
        for (ScoredCase r : run.cases()) {
            passed += r.passed() ? 1 : 0;
            valid += r.failureKind() == null && r.schemaValid() ? 1 : 0;
            failures += r.failureKind() != null ? 1 : 0;
            tokens += (long) r.tokensIn() + r.tokensOut();
            cost += r.costUsd();
        }
        double[] latencies = run.cases().stream()
                .filter(r -> r.failureKind() == null || r.latencyMs() > 0)
                .mapToDouble(ScoredCase::latencyMs).toArray();
        return new RunNumbers(run.cases().size(), passed, valid, failures, Percentiles.p95(latencies), tokens, cost);
    }
}
