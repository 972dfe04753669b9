package dev.evalbench.core.gate.ci;

import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.ScoredCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pull-request comment's "By tag" table: for each dataset tag, how many cases carry it and how many of
 * them passed, with the baseline's pass rate when there is one, so a slice that got worse shows even when the
 * suite's overall numbers hold. The {@value #MAX_TAGS} largest tags (most cases first, then by name) are
 * shown and the rest counted. Nothing is written for a run whose cases carry no tag. Pure.
 */
final class TagTable {
    static final int MAX_TAGS = 15;

    private TagTable() {}

    static void append(StringBuilder md, RunCases run, RunCases baseline) {
        Map<String, int[]> now = counts(run);
        if (now.isEmpty()) return;
        Map<String, int[]> before = baseline == null ? Map.of() : counts(baseline);
        List<Map.Entry<String, int[]>> rows = new ArrayList<>(now.entrySet());
        rows.sort(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
        md.append("### By tag\n\n| Tag | Cases | Passed | Pass rate |").append(baseline == null ? "" : " Baseline |").append('\n');
        md.append("|---|---|---|---|").append(baseline == null ? "" : "---|").append('\n');
        for (Map.Entry<String, int[]> e : rows.subList(0, Math.min(MAX_TAGS, rows.size()))) {
            int[] c = e.getValue();
            md.append("| ").append(MarkdownSummary.cell(e.getKey())).append(" | ").append(c[0]).append(" | ").append(c[1])
                    .append(" | ").append(rate(c));
            if (baseline != null) {
                int[] b = before.get(e.getKey());
                md.append(" | ").append(b == null ? "—" : rate(b));
            }
            md.append(" |\n");
        }
        if (rows.size() > MAX_TAGS) {
            md.append("\n_").append(rows.size() - MAX_TAGS).append(" smaller tags are not shown._\n");
        }
        md.append('\n');
    }

    /** tag -> {cases, passed}. */
    private static Map<String, int[]> counts(RunCases run) {
        Map<String, int[]> counts = new TreeMap<>();
        for (ScoredCase r : run.cases()) {
            for (String tag : r.tags()) {
                int[] c = counts.computeIfAbsent(tag, t -> new int[2]);
                c[0]++;
                if (r.passed()) c[1]++;
            }
        }
        return counts;
    }

    private static String rate(int[] c) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * c[1] / c[0]);
    }
}
