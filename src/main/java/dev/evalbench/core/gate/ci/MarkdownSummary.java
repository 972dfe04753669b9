package dev.evalbench.core.gate.ci;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.RepeatStats;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.text.Counted;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The gate report as a pull-request comment (GitHub and GitLab Markdown): a status line, the gates table
 * (value, threshold, baseline, Δ, 95% interval, p-value, ✅/❌), the failed gates' details, the run against
 * the baseline, the top 10 flipped cases (pass → fail first) and, with several samples per case, the flaky
 * cases. Text that comes from model output is escaped so it cannot break the table, inject HTML or
 * @-mention anyone. Stateless and thread-safe.
 */
public final class MarkdownSummary {
    public static final int TOP_FLIPS = 10;

    /** @param baseline the run the report compared with, or null */
    public String render(GateReport report, StoredRun run, StoredRun baseline) {
        return render(report, RunCases.of(run), baseline == null ? null : RunCases.of(baseline));
    }

    /** @param baseline the run the report compared with, or null */
    public String render(GateReport report, RunCases run, RunCases wholeBaseline) {
        // Compared on what the run ran, as its gates were (GateEvaluator): a partial run against a whole baseline.
        RunCases baseline = wholeBaseline == null ? null : wholeBaseline.within(run.header().config());
        StringBuilder md = new StringBuilder();
        UnansweredGates unanswered = UnansweredGates.of(run);
        long failed = report.verdicts().stream().filter(v -> unanswered.cells(v).failedWhenMeasured()).count();
        boolean outage = unanswered.wholeRun();
        String routes = unanswered.routesHeadline(report.verdicts());
        md.append(outage ? "## ❌ Evalbench: " + VerdictCells.outageHeadline(report.verdicts()) + "\n\n"
                : routes != null ? "## ❌ Evalbench: " + routes + "\n\n"
                : report.passed()
                ? "## ✅ Evalbench: " + Counted.allGatesPass(report.verdicts().size(), report.notRun()) + "\n\n"
                : "## ❌ Evalbench: " + Counted.gatesFailed(failed, report.verdicts().size(), report.notRun()) + "\n\n");
        md.append("Run `").append(code(report.runId())).append('`');
        if (baseline != null) {
            md.append(" against baseline `").append(code(baseline.id())).append('`');
        }
        RunNumbers numbers = RunNumbers.of(run);
        md.append(" · " + Counted.cases(numbers.cases()) + ", " + numbers.passed() + " passed");
        if (run.header().status() != RunStatus.COMPLETE) {
            md.append(" · **the run is ").append(run.header().status().name().toLowerCase(Locale.ROOT))
                    .append("**: ").append(numbers.cases()).append(" of ").append(run.header().plannedCases())
                    .append(" planned cases are stored");
        }
        md.append("\n\n");
        String slice = dev.evalbench.core.record.RunSlice.sentence(run.header().config());
        if (!slice.isEmpty()) md.append("**Slice:** ").append(cell(slice)).append("\n\n");
        // Several routes: how each did, as the terminal's "by route:" line says it (the gates are each route's).
        String byRoute = dev.evalbench.core.record.RoutePasses.line(run);
        if (!byRoute.isEmpty()) md.append("**By route:** ").append(cell(byRoute)).append("\n\n");
        // What happened to the run (an outage, a breaker that opened), as the terminal says it; masked by the caller.
        RunStatus status = run.header().status();
        dev.evalbench.core.record.EventWords.lines(status, run.events()).forEach(l -> md.append("**")
                .append(cell(l.event().kind())).append(":** ").append(cell(l.words())).append("\n\n"));
        gatesTable(md, report.verdicts(), unanswered);
        failedDetails(md, report.verdicts(), unanswered);
        if (baseline != null) {
            BaselineDeltas.append(md, numbers, RunNumbers.of(baseline));
            flips(md, FlippedCases.between(baseline, run));
        }
        TagTable.append(md, run, baseline);
        JudgeMarkdown.append(md, run.cases());
        flaky(md, RepeatStats.of(run.cases()));
        md.append("\n_").append(OutboundMask.notice(run, baseline)).append("_\n");
        return md.toString();
    }

    public void write(GateReport report, StoredRun run, StoredRun baseline, Path file) throws IOException {
        write(report, RunCases.of(run), baseline == null ? null : RunCases.of(baseline), file);
    }

    public void write(GateReport report, RunCases run, RunCases baseline, Path file) throws IOException {
        AtomicFiles.write(file, (render(report, run, baseline)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void gatesTable(StringBuilder md, List<GateVerdict> verdicts, UnansweredGates unanswered) {
        md.append("| | Gate | Kind | Value | Threshold | Baseline | Δ | 95% interval | p-value |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (GateVerdict v : verdicts) {
            VerdictCells cells = unanswered.cells(v);
            md.append("| ").append(cells.mark())
                    .append(" | ").append(cell(v.id())).append(v.suite() == null ? "" : " (" + cell(v.suite()) + ")")
                    .append(" | ").append(cell(v.kind()))
                    .append(" | ").append(cells.value())
                    .append(" | ").append(VerdictFormat.threshold(v))
                    .append(" | ").append(VerdictFormat.baseline(v))
                    .append(" | ").append(cells.delta())
                    .append(" | ").append(cells.interval())
                    .append(" | ").append(cells.pValue()).append(" |\n");
        }
        md.append('\n');
        if (verdicts.stream().anyMatch(VerdictFormat::intervalOfDifference)) {
            md.append("_Δ intervals are of the paired change against the baseline on matched cases._\n\n");
        }
    }

    private static void failedDetails(StringBuilder md, List<GateVerdict> verdicts, UnansweredGates unanswered) {
        if (unanswered.wholeRun()) {
            md.append(VerdictCells.NOT_MEASURED_IN_AN_OUTAGE).append("\n\n");
            return;
        }
        List<GateVerdict> failed = verdicts.stream().filter(v -> unanswered.cells(v).failedWhenMeasured()).toList();
        if (failed.isEmpty() && unanswered.routes().isEmpty()) {
            return;
        }
        md.append("### Failed gates\n\n");
        for (GateVerdict v : failed) {
            md.append("- **").append(cell(v.id())).append("**: ").append(cell(v.detail())).append('\n');
        }
        for (String route : unanswered.sortedRoutes()) {
            md.append("- **").append(cell("gates@" + route)).append("**: ").append(UnansweredGates.notMeasured(route))
                    .append('\n');
        }
        md.append('\n');
    }

    private static void flips(StringBuilder md, FlippedCases flips) {
        md.append(String.format(Locale.ROOT, "### Flipped cases: %d pass → fail, %d fail → pass\n\n",
                flips.toFail().size(), flips.toPass().size()));
        if (flips.size() == 0) {
            md.append("No case changed its verdict.\n\n");
            return;
        }
        md.append("| Case | Flip | What changed |\n|---|---|---|\n");
        for (FlippedCases.Flip f : flips.top(TOP_FLIPS)) {
            md.append("| ").append(cell(f.key())).append(" | ").append(f.nowFails() ? "✅ → ❌" : "❌ → ✅")
                    .append(" | ").append(cell(truncate(f.change(), 300))).append(" |\n");
        }
        if (flips.size() > TOP_FLIPS) {
            md.append("\n_").append(flips.size() - TOP_FLIPS).append(" more flipped cases are in the run comparison._\n");
        }
        md.append('\n');
    }

    private static void flaky(StringBuilder md, RepeatStats repeats) {
        if (repeats.samplesPerCase() < 2) {
            return;
        }
        List<RepeatStats.CaseRepeat> flaky = repeats.flaky();
        md.append(String.format(Locale.ROOT, "### Repeats: %d samples per case\n\n", repeats.samplesPerCase()));
        md.append(String.format(Locale.ROOT, "pass^k (every sample passed): %.1f%% of cases; %d flaky cases",
                repeats.passAllRate() * 100, flaky.size()));
        if (!flaky.isEmpty()) {
            md.append(": ");
            md.append(String.join(", ", flaky.stream().limit(20)
                    .map(c -> cell(c.suite() + "/" + c.caseId()) + " (" + c.passes() + "/" + c.samples() + ")").toList()));
            if (flaky.size() > 20) {
                md.append(", …");
            }
        }
        md.append(".\n");
    }

    /** Escapes text for a table cell: no pipes, newlines, HTML or @-mentions survive. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("@", "@\u200B").replace("`", "'");
    }

    private static String code(String text) {
        return text == null ? "" : text.replace("`", "'");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
