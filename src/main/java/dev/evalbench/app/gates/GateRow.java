package dev.evalbench.app.gates;

import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.VerdictCells;
import dev.evalbench.core.gate.ci.VerdictFormat;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.text.Counted;
import java.util.Set;

/**
 * One gate as the panel shows it: its cells in the CLI's words ({@link VerdictCells}: "pass" / "FAIL" / "not run",
 * or "no answer" of an outage's run, as {@code evalbench gate} prints them), the verdict's own sentence, and the
 * cases behind the gate. Immutable.
 */
public record GateRow(GateVerdict verdict, GateCases.Behind behind, boolean unanswered) {
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
        // A route the run found down before it stored a case: none is "invalid" or "slow", none is there at all.
        if (n == 0 && unanswered) return "The results below list none: the run stored no case of it; resume sends them.";
        return n == 0 ? "The results below list none: its cases are " + behind.which() + ", and this run has none."
                : "The results below list its " + Counted.of(n, "case") + ": " + behind.which() + ".";
    }

    public String id() { return verdict.id(); }
    public String kind() { return verdict.kind(); }
    public boolean passed() { return verdict.passed(); }
    /** Whether the gate measured the model: false for a gate whose suites were not run, or of an outage's run. */
    public boolean measured() { return cells().measured(); }
    /**
     * "pass", "FAIL", or "not run" for a gate of suites the run left out ({@code run --suite}), as the CLI says;
     * "no answer" of an outage's run.
     */
    public String word() { return cells().word(); }
    public String value() { return cells().value(); }
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
    public String change() { return cells().delta(); }
    public String interval() { return cells().interval(); }
    public String pValue() { return cells().pValue(); }
    public String sentence() { return cells().sentence(); }

    /** The cells every table for people shares, an outage's "no answer" among them. */
    private VerdictCells cells() { return new VerdictCells(verdict, unanswered); }
}
