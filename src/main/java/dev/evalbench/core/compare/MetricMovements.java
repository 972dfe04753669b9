package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseSummary;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Per metric, which cases got better and which worse ({@link MetricMovement}), from summaries: the verdict,
 * schema validity, every check either run failed somewhere (a side without a valid output fails every check),
 * latency and tokens (lower is better). Only cases both runs have count. Listed verdict first, then checks in
 * name order, then latency and tokens. Pure.
 */
public final class MetricMovements {
    private MetricMovements() {}

    public static List<MetricMovement> of(List<ReviewCase> cases) {
        List<ReviewCase> matched = cases.stream().filter(c -> c.before() != null && c.after() != null).toList();
        Set<String> checks = new TreeSet<>();
        for (ReviewCase c : matched) {
            checks.addAll(c.before().failedChecks());
            checks.addAll(c.after().failedChecks());
        }
        checks.remove("schema");
        Map<String, MetricMovement> out = new LinkedHashMap<>();
        out.put("passed", rate("passed", "cases passed", matched, CaseSummary::passed));
        out.put("schema_valid", rate("schema_valid", "schema-valid outputs", matched, s -> !s.errored() && s.schemaValid()));
        for (String check : checks) {
            out.put(check, rate(check, "check " + check, matched,
                    s -> !s.errored() && s.schemaValid() && !s.failedChecks().contains(check)));
        }
        out.put("latency_ms", lower("latency_ms", "latency", matched, CaseSummary::latencyMs));
        out.put("tokens", lower("tokens", "tokens", matched, s -> s.tokensIn() + s.tokensOut()));
        return List.copyOf(out.values());
    }

    private static MetricMovement rate(String id, String label, List<ReviewCase> matched, Predicate<CaseSummary> ok) {
        Set<String> better = new LinkedHashSet<>();
        Set<String> worse = new LinkedHashSet<>();
        for (ReviewCase c : matched) {
            boolean was = ok.test(c.before());
            boolean is = ok.test(c.after());
            if (!was && is) better.add(c.key());
            if (was && !is) worse.add(c.key());
        }
        return new MetricMovement(id, label, better, worse);
    }

    private static MetricMovement lower(String id, String label, List<ReviewCase> matched, ToDoubleFunction<CaseSummary> value) {
        Set<String> better = new LinkedHashSet<>();
        Set<String> worse = new LinkedHashSet<>();
        for (ReviewCase c : matched) {
            double was = value.applyAsDouble(c.before());
            double is = value.applyAsDouble(c.after());
            if (is < was) better.add(c.key());
            if (is > was) worse.add(c.key());
        }
        return new MetricMovement(id, label, better, worse);
    }
}
