package dev.evalbench.core.report;

import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.report.model.RunSummary;
import dev.evalbench.core.compare.CompareMarkdown;
import dev.evalbench.core.compare.MarkdownText;
import dev.evalbench.core.compare.MetricFormat;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.UnansweredGates;
import dev.evalbench.core.gate.ci.VerdictCells;
import dev.evalbench.core.gate.ci.VerdictFormat;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.gate.ci.JudgeMarkdown;
import dev.evalbench.core.text.Counted;
import java.util.List;
import java.util.Locale;

/**
 * report.md: the report as a pull-request comment, essentials first: the verdict, the gates table, the failed
 * gates' reasons, what changed against the baseline, the top flipped cases with their diffs; then, folded, the
 * run's numbers, the metric deltas and the prompt template diff. Kept under {@link #MAX_CHARS} (GitHub's
 * comment limit is 65,536): when the full form is longer, flipped cases are listed without diffs. Run text is
 * escaped ({@link MarkdownText}). Pure.
 */
public final class ReportMarkdown {
    public static final int MAX_CHARS = 60_000;
    static final int TOP_FLIPS = 5;

    private ReportMarkdown() {}

    /** @param reportSha256 the SHA-256 of the report.json this view belongs to, named in the footer */
    public static String render(ReportContent content, String reportSha256) {
        String full = render(content, reportSha256, TOP_FLIPS);
        return full.length() <= MAX_CHARS ? full : render(content, reportSha256, 0);
    }

    private static String render(ReportContent content, String reportSha256, int flipsWithDiffs) {
        StringBuilder md = new StringBuilder();
        List<GateVerdict> verdicts = content.gates().verdicts();
        UnansweredGates unanswered = content.run().unanswered();
        long failed = verdicts.stream().filter(v -> unanswered.cells(v).failedWhenMeasured()).count();
        boolean outage = unanswered.wholeRun();
        String routes = unanswered.routesHeadline(verdicts);
        md.append(outage ? "## ❌ Evalbench report: " + VerdictCells.outageHeadline(verdicts) + "\n\n"
                : routes != null ? "## ❌ Evalbench report: " + routes + "\n\n"
                : content.passed()
                ? "## ✅ Evalbench report: " + Counted.allGatesPass(verdicts.size(), content.gates().notRun()) + "\n\n"
                : "## ❌ Evalbench report: " + Counted.gatesFailed(failed, verdicts.size(), content.gates().notRun()) + "\n\n");
        RunSummary summary = content.run().summary();
        md.append("Run ").append(MarkdownText.code(content.run().id())).append(" of ")
                .append(MarkdownText.inline(content.run().header().workspace()));
        if (content.hasBaseline()) md.append(" against baseline ").append(MarkdownText.code(content.baseline().id()));
        md.append(" · " + Counted.cases(summary.passed().trials()) + ", " + summary.passed().successes() + " passed");
        if (content.run().header().status() != RunStatus.COMPLETE) {
            md.append(" · **the run is ").append(content.run().header().status().name().toLowerCase(Locale.ROOT)).append("**");
        }
        md.append("\n\n");
        String slice = dev.evalbench.core.record.RunSlice.sentence(content.run().header().config());
        if (!slice.isEmpty()) md.append("**Slice:** ").append(MarkdownText.inline(slice)).append("\n\n");
        RunStatus status = content.run().header().status();
        dev.evalbench.core.record.EventWords.lines(status, content.run().events()).forEach(l -> md.append("**")
                .append(MarkdownText.inline(l.event().kind())).append(":** ").append(MarkdownText.inline(l.words()))
                .append("\n\n"));
        gates(md, verdicts, unanswered);
        if (content.hasBaseline()) {
            CompareMarkdown.appendWhatChanged(md, content.comparison());
            if (flipsWithDiffs > 0) {
                CompareMarkdown.appendFlips(md, content.comparison(), flipsWithDiffs);
            } else {
                flipList(md, content);
            }
        }
        numbers(md, summary);
        JudgeMarkdown.append(md, content.run().judged());
        if (content.hasBaseline() && !content.comparison().metrics().isEmpty()) {
            md.append("<details><summary>Metrics against the baseline (paired tests)</summary>\n\n");
            CompareMarkdown.appendMetrics(md, content.comparison());
            md.append("</details>\n\n");
        }
        if (content.hasBaseline()) CompareMarkdown.appendTemplates(md, content.comparison());
        RollbackTargets.markdown(md, ReportJson.rollbackTarget(content));
        md.append("_").append(MarkdownText.inline(content.maskingNotice())).append("_\n\n");
        md.append("_").append(MarkdownText.inline(content.generator())).append(" · report.json sha256 ")
                .append(MarkdownText.code(reportSha256)).append("_\n");
        return md.toString();
    }

    private static void gates(StringBuilder md, List<GateVerdict> verdicts, UnansweredGates unanswered) {
        md.append("| | gate | value | threshold | 95% interval | baseline | p |\n|---|---|---|---|---|---|---|\n");
        for (GateVerdict v : verdicts) {
            VerdictCells cells = unanswered.cells(v);
            md.append("| ").append(cells.mark()).append(" | ").append(MarkdownText.inline(v.id()))
                    .append(v.suite() == null ? "" : " (" + MarkdownText.inline(v.suite()) + ")")
                    .append(" | ").append(cells.value()).append(" | ").append(VerdictFormat.threshold(v))
                    .append(" | ").append(cells.interval()).append(" | ").append(VerdictFormat.baseline(v))
                    .append(" | ").append(cells.pValue()).append(" |\n");
        }
        md.append('\n');
        if (unanswered.wholeRun()) {
            md.append(VerdictCells.NOT_MEASURED_IN_AN_OUTAGE).append("\n\n");
            return;
        }
        List<GateVerdict> failed = verdicts.stream().filter(v -> unanswered.cells(v).failedWhenMeasured()).toList();
        if (failed.isEmpty() && unanswered.routes().isEmpty()) return;
        md.append("**Failed gates**\n\n");
        failed.forEach(v -> md.append("- **").append(MarkdownText.inline(v.id())).append("**: ")
                .append(MarkdownText.inline(v.detail())).append('\n'));
        unanswered.sortedRoutes().forEach(r -> md.append("- **").append(MarkdownText.inline("gates@" + r)).append("**: ")
                .append(UnansweredGates.notMeasured(r)).append('\n'));
        md.append('\n');
    }

    private static void flipList(StringBuilder md, ReportContent content) {
        var flips = content.comparison().flips();
        if (flips.isEmpty()) return;
        md.append("### Flipped cases\n\n");
        flips.stream().limit(50).forEach(f -> md.append("- ").append(MarkdownText.inline(f.key())).append(" (")
                .append(f.kind().label()).append(")\n"));
        if (flips.size() > 50) md.append("- … ").append(flips.size() - 50).append(" more\n");
        md.append("\n_Diffs are in report.html._\n\n");
    }

    private static void numbers(StringBuilder md, RunSummary s) {
        md.append("<details><summary>Run numbers</summary>\n\n| | value | 95% interval |\n|---|---|---|\n");
        rate(md, "passed, all cases", s.passed());
        s.suites().forEach(r -> rate(md, "passed, suite " + r.label(), r));
        rate(md, "schema-valid outputs", s.schemaValid());
        md.append("| provider failures | ").append(s.providerFailures()).append(" | |\n");
        md.append("| p95 latency | ").append(MetricFormat.value(s.p95LatencyMs(), "ms")).append(" | |\n");
        md.append(String.format(Locale.ROOT, "| tokens in / out | %,d / %,d%s | %s |%n", s.tokensIn(), s.tokensOut(),
                s.reasoningTokens() > 0 ? String.format(Locale.ROOT, " (%,d reasoning)", s.reasoningTokens()) : "",
                MarkdownText.inline(s.tokenEstimateNote())));
        md.append("| cost | ").append(MetricFormat.value(s.costUsd(), "usd"))
                .append(s.estimatedTokenCases() > 0 ? " (partly estimated)" : "").append(" | |\n\n</details>\n\n");
    }

    private static void rate(StringBuilder md, String label, RunSummary.Rate r) {
        md.append("| ").append(MarkdownText.inline(label)).append(" | ").append(r.successes()).append('/').append(r.trials())
                .append(" (").append(MetricFormat.value(r.value(), "rate")).append(") | ")
                .append(MetricFormat.interval(r.low(), r.high(), "rate")).append(" |\n");
    }
}
