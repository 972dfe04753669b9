package dev.evalbench.core.compare;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.gate.ci.VerdictCells;
import dev.evalbench.core.text.Clipped;
import dev.evalbench.core.text.Counted;
import java.util.List;

/**
 * The Markdown view of a comparison, sized for a pull-request comment: what changed first, then gates, the
 * flipped cases with their diffs (at most {@code maxCases}, diff hunks only), metrics, and the template diff
 * folded in a {@code <details>} block. Every run string is escaped ({@link MarkdownText}). Its sections are
 * reused by the report's Markdown. Pure.
 */
public final class CompareMarkdown {
    public static final int DEFAULT_MAX_CASES = 10;
    static final int CONTEXT_LINES = 2;
    static final int MAX_DIFF_LINES = 40;
    static final String NEEDS_BASELINE = "n/a (needs a baseline)";

    private CompareMarkdown() {}

    public static String render(RunComparison c) {
        return render(c, DEFAULT_MAX_CASES);
    }

    public static String render(RunComparison c, int maxCases) {
        StringBuilder md = new StringBuilder();
        md.append("## Comparison: ").append(MarkdownText.code(c.before().id())).append(" → ")
                .append(MarkdownText.code(c.after().id())).append("\n\n");
        appendWhatChanged(md, c);
        for (String line : c.incompleteRuns()) md.append("> **Incomplete:** ").append(MarkdownText.inline(line)).append("\n\n");
        appendGates(md, c);
        appendFlips(md, c, maxCases);
        appendMetrics(md, c);
        appendTemplates(md, c);
        md.append("_").append(MarkdownText.inline(OutboundMask.notice(c.before(), c.after()))).append("_\n");
        return md.toString();
    }

    /** One sentence of counts, then the version changes as a table. */
    public static void appendWhatChanged(StringBuilder md, RunComparison c) {
        md.append("**What changed:** ").append(MarkdownText.inline(c.versions().summary())).append(". ")
                .append(c.count(CaseChange.Kind.PASS_TO_FAIL)).append(" pass → fail, ")
                .append(c.count(CaseChange.Kind.FAIL_TO_PASS)).append(" fail → pass, ")
                .append(c.count(CaseChange.Kind.OUTPUT_CHANGED)).append(" other outputs changed, over ")
                .append(Counted.cases(c.matchedCases())).append(" in both runs");
        long onlyOne = c.count(CaseChange.Kind.ONLY_BEFORE) + c.count(CaseChange.Kind.ONLY_AFTER);
        md.append(onlyOne == 0 ? "." : " (" + onlyOne + " in one run only).");
        String scope = c.scope().sentence(c.before().id(), c.after().id());
        md.append(scope == null ? "\n\n" : " " + MarkdownText.inline(Counted.capitalized(scope)) + ".\n\n");
        if (c.versions().changes().isEmpty()) return;
        md.append("| part | before | after |\n|---|---|---|\n");
        for (VersionChange v : c.versions().changes()) {
            md.append("| ").append(MarkdownText.inline(v.component().label() + (v.subject().isEmpty() ? "" : " " + v.subject())))
                    .append(" | ").append(MarkdownText.inline(v.before())).append(" | ").append(MarkdownText.inline(v.after()))
                    .append(" |\n");
        }
        md.append('\n');
        // Which cases an eval set's change touched: the table's hashes say only that they did.
        for (VersionChange v : c.versions().changes()) {
            if (v.detail().isEmpty()) continue;
            md.append("- ").append(MarkdownText.inline(v.component().label() + (v.subject().isEmpty() ? "" : " " + v.subject())))
                    .append(": ").append(MarkdownText.inline(v.detail())).append('\n');
        }
        if (c.versions().changes().stream().anyMatch(v -> !v.detail().isEmpty())) md.append('\n');
    }

    public static void appendGates(StringBuilder md, RunComparison c) {
        if (c.gates().isEmpty()) return;
        md.append("### Gates\n\n").append(c.versions().changed(VersionComponent.GATES)
                ? "Both runs held to the second run's gates, which changed since the first (the gates file's diff is below);"
                        + " the second run against the first as its baseline.\n\n"
                : "Both runs held to the same gates; the second run against the first as its baseline.\n\n")
                .append("| gate | before | after | paired test p |\n|---|---|---|---|\n");
        for (GateDelta g : c.gates()) {
            md.append("| ").append(MarkdownText.inline(g.id())).append(g.measuredChange() ? " **(changed)**" : "")
                    .append(" | ").append(g.beforeNeedsBaseline() ? NEEDS_BASELINE : verdict(g.beforeCells()))
                    .append(" | ").append(verdict(g.afterCells()))
                    .append(" | ").append(g.after() == null ? MetricFormat.NONE : g.afterCells().pValue())
                    .append(" |\n");
        }
        md.append('\n');
    }

    /** The flipped cases, pass → fail first, each with its failures and a diff of its hunks. */
    public static void appendFlips(StringBuilder md, RunComparison c, int maxCases) {
        List<CaseChange> flips = c.flips();
        if (flips.isEmpty()) return;
        md.append("### Flipped cases\n\n");
        for (CaseChange change : flips.subList(0, Math.min(maxCases, flips.size()))) {
            md.append("#### ").append(change.kind() == CaseChange.Kind.PASS_TO_FAIL ? "❌ " : "✅ ")
                    .append(MarkdownText.inline(change.key())).append(" (").append(change.kind().label()).append(")\n\n");
            List<String> failures = change.after().evaluation() == null ? List.of() : change.after().evaluation().failures();
            if (!failures.isEmpty()) {
                md.append("Now failing: ").append(MarkdownText.inline(String.join(" ", failures))).append("\n\n");
            }
            // Both outputs alike: a sentence, not an empty diff block.
            if (change.flippedWithSameOutput()) md.append(MarkdownText.inline(change.sameOutputSentence())).append("\n\n");
            else md.append(MarkdownText.fenced("diff", diffLines(change.diff()))).append('\n');
        }
        if (flips.size() > maxCases) {
            md.append("… and ").append(flips.size() - maxCases).append(" more flipped cases (see the full report).\n\n");
        }
    }

    public static void appendMetrics(StringBuilder md, RunComparison c) {
        if (c.metrics().isEmpty()) return;
        md.append("### Metrics\n\n| metric | before | after | Δ | 95% CI of Δ | p | test |\n|---|---|---|---|---|---|---|\n");
        for (MetricDelta m : c.metrics()) {
            md.append("| ").append(MarkdownText.inline(m.label())).append(" | ").append(MetricFormat.value(m.before(), m.unit()))
                    .append(" | ").append(MetricFormat.value(m.after(), m.unit()))
                    .append(" | ").append(MetricFormat.delta(m.delta(), m.unit())).append(m.significant() ? " **significant**" : "")
                    .append(" | ").append(MetricFormat.deltaInterval(m.deltaLow(), m.deltaHigh(), m.unit()))
                    .append(" | ").append(MetricFormat.pValue(m.pValue())).append(" | ").append(m.test() == null ? MetricFormat.NONE : m.test())
                    .append(" |\n");
        }
        md.append('\n');
    }

    public static void appendTemplates(StringBuilder md, RunComparison c) {
        for (TemplateDiff t : c.templates()) {
            md.append("<details><summary>").append(MarkdownText.inline(t.heading())).append(": ")
                    .append(MarkdownText.inline(t.afterPath() == null ? "(file unknown)" : t.afterPath()))
                    .append("</summary>\n\n");
            md.append(t.available() ? MarkdownText.fenced("diff", diffLines(t.diff())) : MarkdownText.inline(t.unavailable()) + "\n");
            md.append("\n</details>\n\n");
        }
    }

    /**
     * Characters of one diff line shown: a pull-request comment holds 65,536 characters in all, and a model that
     * ran on writes a line of a megabyte.
     */
    static final int MAX_LINE_CHARS = 300;

    /** Unified-style lines of the diff's hunks, at most {@link #MAX_DIFF_LINES}, each at most {@link #MAX_LINE_CHARS}. */
    static String diffLines(OutputDiff diff) {
        StringBuilder out = new StringBuilder();
        int lines = 0;
        Integer previous = null;
        for (DiffRow row : diff.hunks(CONTEXT_LINES)) {
            if (lines >= MAX_DIFF_LINES) {
                out.append("… (diff cut here)\n");
                break;
            }
            if (row.beforeLine() != null) {
                // Each hunk says where it begins, the first too when it is not the file's start (it began unplaced).
                boolean gap = previous == null ? row.beforeLine() > 1 : row.beforeLine() > previous + 1;
                if (gap) out.append("@@ line ").append(row.beforeLine()).append(" @@\n");
                previous = row.beforeLine();
            }
            switch (row.kind()) {
                case EQUAL -> out.append("  ").append(line(row.beforeText())).append('\n');
                case DELETED -> out.append("- ").append(line(row.beforeText())).append('\n');
                case INSERTED -> out.append("+ ").append(line(row.afterText())).append('\n');
                case CHANGED -> out.append("- ").append(line(row.beforeText())).append("\n+ ").append(line(row.afterText())).append('\n');
            }
            lines++;
        }
        return out.toString();
    }

    private static String line(String text) {
        return Clipped.withLength(text, MAX_LINE_CHARS);
    }

    private static String verdict(VerdictCells v) {
        if (v == null) return MetricFormat.NONE;
        if (!v.measured()) return v.word();
        return (v.verdict().passed() ? "pass" : "**FAIL**") + " " + v.value();
    }
}
