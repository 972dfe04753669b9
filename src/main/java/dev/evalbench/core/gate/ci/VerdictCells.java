package dev.evalbench.core.gate.ci;

import dev.evalbench.core.gate.GateVerdict;

/**
 * One gate's cells as a table for people writes them: the CLI's gate table, the pull-request comment, report.md
 * and report.html, and the workbench's gates panel. Every number is {@link VerdictFormat}'s. Of a run the model
 * answered no case of ({@code unanswered}: an outage), the gate measured the outage, not the model: it reads "no
 * answer" with no value, change, interval or p of its own ("schema 0.0% FAIL" and "tokens 0 pass" would read as
 * findings about the prompt), its threshold and baseline still shown, its sentence saying why. The JSON outputs
 * keep the verdict as computed: a script reads the run's status (incomplete) and its outage event. Immutable.
 */
public record VerdictCells(GateVerdict verdict, boolean unanswered) {
    /** The verdict word of a gate of an outage's run. */
    public static final String NO_ANSWER = "no answer";
    /** What a gate of an outage's run measured. */
    public static final String NOT_MEASURED_IN_AN_OUTAGE = "Not measured: the model answered no case of this run, so"
            + " its gates would measure the outage; resume the run once the route answers.";

    /**
     * The headline of an outage's run where a count of failed gates would stand: "5 gates not measured: no answer from
     * the model, 4 not run" (gates of suites the run left out by choice are not run, answered or not).
     */
    public static String outageHeadline(java.util.List<GateVerdict> verdicts) {
        long notRun = verdicts.stream().filter(GateVerdict::leftOut).count();
        return dev.evalbench.core.text.Counted.of(verdicts.size() - notRun, "gate")
                + " not measured: no answer from the model" + (notRun == 0 ? "" : ", " + notRun + " not run");
    }

    /** Whether the gate measured the model: false for a gate whose suites were not run, or of an outage's run. */
    public boolean measured() {
        return verdict.ran() && !unanswered;
    }

    /** "pass", "FAIL", "not run" for a gate of suites the run left out, or "no answer" of an outage's run. */
    public String word() {
        return unanswered ? NO_ANSWER : VerdictFormat.word(verdict);
    }

    /** The Markdown tables' mark: ✅, ❌, "➖ not run" or "➖ no answer". */
    public String mark() {
        return unanswered ? "➖ " + NO_ANSWER : VerdictFormat.mark(verdict);
    }

    public String value() {
        return unanswered ? VerdictFormat.NONE : VerdictFormat.value(verdict);
    }

    public String delta() {
        return unanswered ? VerdictFormat.NONE : VerdictFormat.delta(verdict);
    }

    public String interval() {
        return unanswered ? VerdictFormat.NONE : VerdictFormat.interval(verdict);
    }

    public String pValue() {
        return unanswered ? VerdictFormat.NONE : VerdictFormat.pValue(verdict);
    }

    /** The verdict's sentence, or why an outage's gate (of the run, or of its route) measured nothing. */
    public String sentence() {
        if (!unanswered) return verdict.detail();
        String route = dev.evalbench.core.gate.GateRoutes.routeOf(verdict.id());
        return route == null ? NOT_MEASURED_IN_AN_OUTAGE : UnansweredGates.notMeasured(route);
    }

    /** Whether the gate's sentence goes among the failed gates': a measured gate that failed. */
    public boolean failedWhenMeasured() {
        return !unanswered && !verdict.passed();
    }
}
