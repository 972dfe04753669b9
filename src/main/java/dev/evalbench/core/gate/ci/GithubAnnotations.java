package dev.evalbench.core.gate.ci;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.record.EventWords;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunStatus;

/**
 * GitHub Actions workflow commands that say on the run's summary page why the job failed, one
 * {@code ::error title=...::message} line each: an incomplete run first (what left it so, and the command that
 * finishes it), then every failed gate. Gates that measured an outage ({@link UnansweredGates}) are no failure of the
 * model: an outage's gates make one line, and so do a route's that answered none of its cases, as every table for
 * people has them ("no answer"). Escaped as GitHub requires: {@code %}, CR and LF in the message; additionally
 * {@code :} and {@code ,} in the title. Empty for a complete run whose gates all passed. Stateless; the caller masks
 * the run's events, which the messages quote.
 */
public final class GithubAnnotations {

    /** The annotations of a complete run's gate report. */
    public String render(GateReport report) {
        StringBuilder out = new StringBuilder();
        report.verdicts().stream().filter(v -> !v.passed()).forEach(v -> failedGate(out, v));
        return out.toString();
    }

    /**
     * The annotations of {@code run}'s gate report.
     *
     * @param resumeWith the words after {@code evalbench resume RUN} that finish the run from where CI ran it
     */
    public String render(GateReport report, RunCases run, String resumeWith) {
        RunStatus status = run.header().status();
        if (status == RunStatus.COMPLETE) return render(report);
        StringBuilder out = new StringBuilder();
        RunEvent why = RunEvent.whyIncomplete(status, run.events());
        String resume = "resume with `evalbench resume " + run.id() + resumeWith + "`";
        line(out, "Evalbench run incomplete", (why == null ? "The run " + run.id() + " is incomplete: "
                + run.cases().size() + " of " + run.header().plannedCases() + " planned cases are stored"
                : EventWords.whyIncomplete(why)) + "; " + resume);
        UnansweredGates unanswered = UnansweredGates.of(run);
        if (unanswered.wholeRun()) {
            line(out, "Evalbench gates not measured", VerdictCells.NOT_MEASURED_IN_AN_OUTAGE);
            return out.toString();
        }
        report.verdicts().stream().filter(v -> unanswered.cells(v).failedWhenMeasured()).forEach(v -> failedGate(out, v));
        unanswered.sortedRoutes().forEach(r ->
                line(out, "Evalbench gates@" + r + " not measured", UnansweredGates.notMeasured(r)));
        return out.toString();
    }

    private static void failedGate(StringBuilder out, GateVerdict v) {
        line(out, "Evalbench gate " + v.id() + " failed", v.detail() + " (" + VerdictFormat.summary(v) + ")");
    }

    private static void line(StringBuilder out, String title, String message) {
        out.append("::error title=").append(property(title)).append("::").append(data(message)).append('\n');
    }

    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
