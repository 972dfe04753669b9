package dev.evalbench.core.compare;

import dev.evalbench.core.text.Clipped;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.gate.ci.VerdictCells;
import dev.evalbench.core.gate.ci.VerdictFormat;
import dev.evalbench.core.text.Counted;
import java.util.List;
import java.util.Locale;

/**
 * The terminal view of a comparison ({@code evalbench compare A B}): what changed, the flips with their
 * changed lines in word-diff form ({@code [-old-]{+new+}}), metric deltas with their paired tests, gate
 * deltas, and the template diff. Plain text, no colour codes. Pure.
 */
public final class CompareText {
    private CompareText() {}

    /**
     * @param maxCases   changed cases shown with their diffs
     * @param whereToSeeAll how the reader gets the cases left out (front-end words, e.g. a flag), or null
     */
    public static String render(RunComparison c, int maxCases, String whereToSeeAll) {
        StringBuilder out = new StringBuilder();
        out.append("compare ").append(c.before().id()).append(" -> ").append(c.after().id())
                .append("  (").append(Counted.cases(c.matchedCases())).append(" in both runs)\n");
        out.append("what changed: ").append(c.versions().summary()).append('\n');
        out.append("masking: ").append(OutboundMask.notice(c.before(), c.after())).append('\n');
        for (VersionChange v : c.versions().changes()) {
            out.append("  ").append(v.describe()).append('\n');
            if (!v.detail().isEmpty()) out.append("    ").append(v.detail()).append('\n');
        }
        out.append(String.format(Locale.ROOT,
                "cases: %,d pass -> fail, %,d fail -> pass, %,d other outputs changed, %,d only in %s, %,d only in %s%n",
                c.count(CaseChange.Kind.PASS_TO_FAIL), c.count(CaseChange.Kind.FAIL_TO_PASS), c.count(CaseChange.Kind.OUTPUT_CHANGED),
                c.count(CaseChange.Kind.ONLY_BEFORE), c.before().id(), c.count(CaseChange.Kind.ONLY_AFTER), c.after().id()));
        String scope = c.scope().sentence(c.before().id(), c.after().id());
        if (scope != null) out.append("scope: ").append(scope).append('\n');
        c.incompleteRuns().forEach(line -> out.append("incomplete: ").append(line).append('\n'));
        List<CaseChange> shown = c.cases().stream().filter(ch -> ch.diff() != null).limit(maxCases).toList();
        for (CaseChange change : shown) {
            out.append("  ").append(change.kind() == CaseChange.Kind.PASS_TO_FAIL ? "FAIL " : change.kind() == CaseChange.Kind.FAIL_TO_PASS ? "pass " : "     ")
                    .append(change.key()).append("  (").append(change.kind().label()).append(")");
            List<String> failures = change.after().evaluation() == null ? List.of() : change.after().evaluation().failures();
            if (change.kind() == CaseChange.Kind.PASS_TO_FAIL && !failures.isEmpty()) out.append("  ").append(String.join(" ", failures));
            out.append('\n');
            if (change.flippedWithSameOutput()) out.append("      ").append(change.sameOutputSentence()).append('\n');
            else appendWordDiff(out, change.diff(), "      ");
        }
        // Every flip and changed output, shown or not (a comparison made for the terminal holds the flips it does
        // not show without their records).
        long hidden = c.cases().stream()
                .filter(ch -> ch.flipped() || ch.kind() == CaseChange.Kind.OUTPUT_CHANGED).count() - shown.size();
        if (hidden > 0) out.append("  ... ").append(hidden).append(" more changed cases")
                .append(whereToSeeAll == null ? "" : " (" + whereToSeeAll + ")").append('\n');
        if (!c.metrics().isEmpty()) {
            out.append("metrics (before -> after, delta, 95% CI of delta, p):\n");
            for (MetricDelta m : c.metrics()) {
                out.append(String.format(Locale.ROOT, "  %-28s %12s -> %-12s %12s %28s  p=%s%s%n", m.label(),
                        MetricFormat.value(m.before(), m.unit()), MetricFormat.value(m.after(), m.unit()),
                        MetricFormat.delta(m.delta(), m.unit()), MetricFormat.deltaInterval(m.deltaLow(), m.deltaHigh(), m.unit()),
                        MetricFormat.pValue(m.pValue()), m.test() == null ? "" : " (" + m.test() + ")"));
            }
        }
        if (!c.gates().isEmpty()) {
            // Held to the second run's gates: when the gates file changed, the first run's own verdicts were other ones.
            out.append(c.versions().changed(VersionComponent.GATES)
                    ? "gates (both runs held to the second run's gates, which changed since the first: the diff below; the"
                            + " second against the first as its baseline):\n"
                    : "gates (both runs held to the same gates; the second against the first as its baseline):\n");
            // As wide as the longest id: a run of several routes names its gates "category-accuracy@offline".
            int width = Math.max(22, c.gates().stream().mapToInt(g -> g.id().length()).max().orElse(0));
            for (GateDelta g : c.gates()) {
                out.append(String.format(Locale.ROOT, "  %-" + width + "s %-24s -> %-16s%s%n", g.id(),
                        g.beforeNeedsBaseline() ? CompareMarkdown.NEEDS_BASELINE : verdict(g.beforeCells()),
                        verdict(g.afterCells()), g.after() != null && g.after().pValue() != null && !g.afterUnanswered()
                                ? "  p=" + VerdictFormat.pValue(g.after()) : ""));
            }
        }
        for (TemplateDiff t : c.templates()) {
            out.append(t.title()).append(" (").append(t.afterPath()).append("):\n");
            if (t.available()) appendNumberedWordDiff(out, t.diff());
            else out.append("  ").append(t.unavailable()).append('\n');
        }
        return out.toString();
    }

    /**
     * Characters of a run of words shown in a terminal: a model that ran on wrote a line of a megabyte, and CI
     * logs keep what {@code compare} prints.
     */
    static final int MAX_SEGMENT_CHARS = 1_000;

    /**
     * The changed rows only, each as one line with {@code [-removed-]} and {@code {+added+}} words; a run of words
     * longer than {@link #MAX_SEGMENT_CHARS} shows its start and its length.
     */
    public static void appendWordDiff(StringBuilder out, OutputDiff diff, String indent) {
        for (DiffRow row : diff.rows()) {
            if (row.kind() != DiffRow.Kind.EQUAL) out.append(indent).append(changed(row)).append('\n');
        }
    }

    /** A changed row as one line: {@code [-removed-]}, {@code {+added+}}, or both words marked within it. */
    private static String changed(DiffRow row) {
        return switch (row.kind()) {
            case DELETED -> "[-" + shown(row.beforeText()) + "-]";
            case INSERTED -> "{+" + shown(row.afterText()) + "+}";
            default -> wordDiff(row);
        };
    }

    /**
     * As {@link #appendWordDiff}, each changed row after its line number in a gutter ({@code "  17 │ "}: the second
     * file's line, the first's for a removed one), as a file's diff is read: a CI log names where in the file a limit
     * or a tolerance changed.
     */
    static void appendNumberedWordDiff(StringBuilder out, OutputDiff diff) {
        int width = 1;
        for (DiffRow row : diff.rows()) {
            if (row.kind() != DiffRow.Kind.EQUAL) width = Math.max(width, String.valueOf(lineOf(row)).length());
        }
        for (DiffRow row : diff.rows()) {
            if (row.kind() == DiffRow.Kind.EQUAL) continue;
            out.append("  ").append(String.format("%" + width + "d", lineOf(row))).append(" │ ").append(changed(row))
                    .append('\n');
        }
    }

    private static int lineOf(DiffRow row) {
        Integer line = row.afterLine() != null ? row.afterLine() : row.beforeLine();
        return line == null ? 0 : line;
    }

    private static String shown(String text) {
        return Clipped.withLength(text, MAX_SEGMENT_CHARS);
    }

    /**
     * One changed row in word-diff form: unchanged words once, removed as {@code [-x-]}, added as {@code {+y+}};
     * each run of words at most {@link #MAX_SEGMENT_CHARS} characters and its length.
     */
    public static String wordDiff(DiffRow row) {
        StringBuilder line = new StringBuilder();
        int i = 0;
        int j = 0;
        List<DiffSegment> a = row.before();
        List<DiffSegment> b = row.after();
        // Both sides list the same unchanged segments in the same order; changed segments sit between them.
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && a.get(i).changed()) {
                line.append("[-").append(shown(a.get(i++).text())).append("-]");
            } else if (j < b.size() && b.get(j).changed()) {
                line.append("{+").append(shown(b.get(j++).text())).append("+}");
            } else {
                line.append(shown(a.get(i).text()));
                i++;
                j++;
            }
        }
        return line.toString();
    }

    private static String verdict(VerdictCells v) {
        if (v == null) return "-";
        // A gate of suites the run left out (run --suite), or of a route that got no answer, measured nothing, and has
        // no value to show.
        return v.measured() ? v.word() + " " + v.value() : v.word();
    }
}
