package dev.evalbench.cli;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.gate.RepeatStats;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.GateJson;
import dev.evalbench.core.gate.ci.GithubAnnotations;
import dev.evalbench.core.eval.JudgeAgreement;
import dev.evalbench.core.gate.ci.JudgeWording;
import dev.evalbench.core.gate.ci.JunitXmlWriter;
import dev.evalbench.core.gate.ci.MarkdownSummary;
import dev.evalbench.core.gate.ci.UnansweredGates;
import dev.evalbench.core.gate.ci.VerdictCells;
import dev.evalbench.core.gate.ci.VerdictFormat;
import dev.evalbench.core.record.RouteUsage;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.text.Counted;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a gated run the way its reader needs it: a table for people, one JSON object for scripts, JUnit
 * XML and Markdown files for CI, and GitHub annotations when running under GitHub Actions. Returns the
 * documented exit code.
 */
final class GateOutput {
    private GateOutput() {}

    /** Builds the mask of the runs to print; called only when something printed can carry a text to mask. */
    interface MaskSource {
        OutboundMask get() throws StoreException;
    }

    /**
     * Masks what the chosen outputs print and emits them. The CI outputs (JSON, JUnit, Markdown) quote cases'
     * texts, so every case is masked for them; the table prints no case text (counts, route names, case ids,
     * judge counts), only the run's events, so without CI outputs only the events are masked, and without
     * events no mask is built: masking the texts of 100,000 cases nobody reads was a third of the Java time of
     * a gate, and building the mask indexes every restricted value of the dataset.
     */
    static int emit(GateReport report, MaskSource masks, RunCases run, RunCases baseline, GateOutputOptions options,
                    PrintWriter out, PrintWriter err, Map<String, String> env) throws IOException, StoreException {
        boolean quotesCases = options.json || options.junit != null || options.markdown != null;
        boolean hasEvents = !run.events().isEmpty() || (baseline != null && !baseline.events().isEmpty());
        if (!quotesCases && !hasEvents) return emit(report, run, baseline, options, out, err, env);
        OutboundMask mask = masks.get();
        return emit(report, quotesCases ? mask.cases(run) : eventsMasked(mask, run),
                quotesCases ? mask.cases(baseline) : eventsMasked(mask, baseline), options, out, err, env);
    }

    /** The run with its events masked and its cases as stored (for the table, which prints no case text). */
    private static RunCases eventsMasked(OutboundMask mask, RunCases run) {
        return run == null ? null : new RunCases(run.header(), run.cases(), mask.events(run.events()));
    }

    private static int emit(GateReport report, RunCases run, RunCases baseline, GateOutputOptions options,
                    PrintWriter out, PrintWriter err, Map<String, String> env) throws IOException {
        if (options.junit != null) new JunitXmlWriter().write(report, run, options.junit);
        if (options.markdown != null) new MarkdownSummary().write(report, run, baseline, options.markdown);
        // Workflow commands are read from stderr too, which keeps stdout pure JSON under --json.
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            err.print(new GithubAnnotations().render(report, run, options.resumeWith));
            err.flush();
        }
        if (options.json) {
            out.println(new GateJson().render(report, run));
        } else {
            printTable(report, run, baseline, options.resumeWith, out);
        }
        out.flush();
        return exitCode(report, run.header());
    }

    static int exitCode(GateReport report, RunHeader run) {
        if (run.status() != RunStatus.COMPLETE) return ExitCodes.INCOMPLETE;
        return report.passed() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    }

    /**
     * Prints rows as columns as wide as their widest cell: names and the threshold (which may name the
     * settings it comes from, and so be long) left-aligned, numbers right-aligned, the verdict last.
     */
    private static void printColumns(List<String[]> rows, PrintWriter out) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean last = i == r.length - 1;
                String pad = " ".repeat(last ? 0 : width[i] - r[i].length());
                boolean leftAligned = i < 2 || i == 3;
                line.append(leftAligned ? r[i] + pad : pad + r[i]).append(last ? "" : "  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static void printTable(GateReport report, RunCases run, RunCases baseline, String resumeWith, PrintWriter out) {
        long passed = run.cases().stream().filter(c -> c.passed()).count();
        out.printf(Locale.ROOT, "run %s  %s  %,d/%,d cases stored, %,d passed%s%n", run.id(),
                run.header().status().name().toLowerCase(Locale.ROOT), run.cases().size(), run.header().plannedCases(),
                passed, baseline == null ? "" : "  (baseline " + baseline.id() + ")");
        // Said above the gates it qualifies: a slice's green table says nothing of the cases it left out.
        String slice = dev.evalbench.core.record.RunSlice.sentence(run.header().config());
        if (!slice.isEmpty()) out.println("slice: " + slice);
        boolean incomplete = run.header().status() != RunStatus.COMPLETE;
        // An outage's gates measured the outage: each reads "no answer", as the gates panel has it; so do those of a
        // route of several that answered none of its cases.
        UnansweredGates unanswered = UnansweredGates.of(run);
        boolean outage = unanswered.wholeRun();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"gate", "kind", "value", "threshold", "baseline", "95% interval", "p", "verdict"});
        for (GateVerdict v : report.verdicts()) {
            VerdictCells cells = unanswered.cells(v);
            rows.add(new String[] {v.id(), v.kind(), cells.value(), VerdictFormat.threshold(v), VerdictFormat.baseline(v),
                    cells.interval(), cells.pValue(), cells.word()});
        }
        printColumns(rows, out);
        String byRoute = dev.evalbench.core.record.RoutePasses.line(run);
        if (!byRoute.isEmpty()) {
            out.println("by route: " + byRoute);
        }
        RouteUsage usage = RouteUsage.of(run);
        if (usage.fallbacksTaken() > 0 || !usage.failures().isEmpty() || usage.retries() > 0) {
            out.printf(Locale.ROOT, "routes: answered %s; fallbacks %s; provider failures %s; %s%n",
                    inWords(usage.answered(), false), inWords(usage.fallbacks(), false),
                    inWords(usage.failures(), true),
                    usage.retries() == 1 ? "1 retry" : usage.retries() + " retries");
        }
        if (usage.cacheHits() > 0) {
            out.println("cache: " + RouteUsage.cacheInWords(usage.cacheHits(), run.cases().size())
                    + "; --cache off asks the model every time");
        }
        // What left a run incomplete (an outage, cases kept from the model) closes the output as its own line: not
        // also among the events.
        RunEvent why = RunEvent.whyIncomplete(run.header().status(), run.events());
        dev.evalbench.core.record.EventWords.lines(run.header().status(), run.events()).stream()
                .filter(l -> l.event() != why).forEach(l -> out.println("event: " + l.event().kind() + " " + l.words()));
        JudgeAgreement.of(run.cases()).forEach(a -> out.println(JudgeWording.line(a)));
        RepeatStats repeat = RepeatStats.hasRepeats(run.cases()) ? RepeatStats.of(run.cases()) : RepeatStats.NONE;
        if (repeat.samplesPerCase() > 1) {
            out.printf(Locale.ROOT, "repeat: %d samples per case; pass^%d %.1f%%; flaky: %s%n", repeat.samplesPerCase(),
                    repeat.samplesPerCase(), 100 * repeat.passAllRate(), repeat.flaky().isEmpty() ? "none"
                            : String.join(", ", repeat.flaky().stream().map(c -> c.caseId() + " (" + c.passes() + "/" + c.samples() + ")").toList()));
        }
        long failed = report.verdicts().stream().filter(v -> !v.passed()).count();
        if (outage) {
            out.println("  gates: " + VerdictCells.NOT_MEASURED_IN_AN_OUTAGE);
        } else {
            for (GateVerdict v : report.verdicts()) {
                if (unanswered.cells(v).failedWhenMeasured()) out.println("  " + v.id() + ": " + v.detail());
            }
            unanswered.sortedRoutes().forEach(r -> out.println("  gates@" + r + ": " + UnansweredGates.notMeasured(r)));
        }
        if (incomplete) {
            if (why != null) out.println(dev.evalbench.core.record.EventWords.whyIncomplete(why));
            out.println("INCOMPLETE: resume with `evalbench resume " + run.id() + resumeWith + "`");
        } else {
            out.println(failed == 0 ? "PASSED: " + Counted.allGatesPass(report.verdicts().size(), report.notRun())
                    : "FAILED: " + Counted.gatesFailed(failed, report.verdicts().size(), report.notRun()));
        }
    }


    /**
     * "local 3, offline 2", or "none": a count per route, fallback step or failure kind; a failure kind in words
     * ("rate limited", not RATE_LIMITED), not Java's "{CONNECTION=3}".
     */
    static String inWords(Map<String, Integer> counts, boolean failureKinds) {
        if (counts.isEmpty()) return "none";
        List<String> parts = new ArrayList<>();
        counts.forEach((name, n) ->
                parts.add((failureKinds ? name.toLowerCase(Locale.ROOT).replace('_', ' ') : name) + " " + n));
        return String.join(", ", parts);
    }
}
