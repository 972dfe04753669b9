package dev.evalbench.app.gates;

import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.VerdictFormat;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.text.Counted;
import java.util.Set;

/**
 * One gate as the panel shows it: every number in the CLI's words ({@link VerdictFormat}, the formatter every
 * CI writer shares), the verdict as a word ("pass" / "FAIL", as {@code evalbench gate} prints it), the
 * verdict's own sentence, and the cases behind the gate. Of a run the model answered no case of ({@code
 * unanswered}: an outage), the gate measured the outage, not the model: it reads "no answer" with no value of its
 * own (the outage's "schema 0.0% FAIL" and "tokens 0 pass" read as findings about the prompt), the threshold and the
 * baseline still shown. Immutable.
 */
public record GateRow(GateVerdict verdict, GateCases.Behind behind, boolean unanswered) {
    private static final String NONE = "—";

    public GateRow(GateVerdict verdict, GateCases.Behind behind) {
        this(verdict, behind, false);
    }

    /** The cases behind the gate, which a click on it filters the results to. */
    public Set<CaseKey> cases() { return behind.keys(); }

    /**
     * Which cases a click on the gate lists, in a sentence: "The results below list its 9 cases: the costliest
     * 5%."; null when the gate has none to list (a report's recorded gates, without their workspace).
     */
    public String casesInWords() {
        if (behind.which() == null) return null;
        int n = behind.keys().size();
        return n == 0 ? "The results below list none: its cases are " + behind.which() + ", and this run has none."
                : "The results below list its " + Counted.of(n, "case") + ": " + behind.which() + ".";
    }

    public String id() { return verdict.id(); }
    public String kind() { return verdict.kind(); }
    public boolean passed() { return verdict.passed(); }
    /** Whether the gate measured the model: false for a gate whose suites were not run, or of an outage's run. */
    public boolean measured() { return verdict.ran() && !unanswered; }
    /**
     * "pass", "FAIL", or "not run" for a gate of suites the run left out ({@code run --suite}), as the CLI says;
     * "no answer" of an outage's run.
     */
    public String word() { return unanswered ? "no answer" : VerdictFormat.word(verdict); }
    public String value() { return unanswered ? NONE : VerdictFormat.value(verdict); }
    /**
     * The threshold in force, as the CLI writes it, but where a baseline moved a floor the workspace wrote, only
     * that floor beside it: "≥ 0.901 (min 0.850)", not "≥ 0.901 (min 0.850; baseline 0.921 − 0.020)". The
     * baseline has its own column and the row's sentence says how the bound was worked out; the long form took
     * the width of the baseline, interval and p columns in the results' centre pane.
     */
    public String threshold() {
        String bound = verdict.bound();
        int floor = bound == null ? -1 : bound.indexOf("; baseline ");
        return VerdictFormat.threshold(floor < 0 ? verdict : verdict.withBound(bound.substring(0, floor)));
    }
    /** The threshold as the command line writes it, with how a baseline moved it ("… (min 0.850; baseline …)"). */
    public String thresholdInFull() { return VerdictFormat.threshold(verdict); }
    public String baseline() { return VerdictFormat.baseline(verdict); }
    /** Value minus baseline in the value's unit; "—" without a baseline. */
    public String change() { return unanswered ? NONE : VerdictFormat.delta(verdict); }
    public String interval() { return unanswered ? NONE : VerdictFormat.interval(verdict); }
    public String pValue() { return unanswered ? NONE : VerdictFormat.pValue(verdict); }
    public String sentence() {
        return unanswered ? "Not measured: the model answered no case of this run, so the gate would measure the outage;"
                + " resume the run once the route answers." : verdict.detail();
    }
}
