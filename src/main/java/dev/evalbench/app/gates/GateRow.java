package dev.evalbench.app.gates;

import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.VerdictFormat;
import dev.evalbench.core.record.CaseKey;
import java.util.Set;

/**
 * One gate as the panel shows it: every number in the CLI's words ({@link VerdictFormat}, the formatter every
 * CI writer shares), the verdict as a word ("pass" / "FAIL", as {@code evalbench gate} prints it), the
 * verdict's own sentence, and the cases behind the gate. Immutable.
 */
public record GateRow(GateVerdict verdict, Set<CaseKey> cases) {
    public String id() { return verdict.id(); }
    public String kind() { return verdict.kind(); }
    public boolean passed() { return verdict.passed(); }
    public String word() { return verdict.passed() ? "pass" : "FAIL"; }
    public String value() { return VerdictFormat.value(verdict); }
    public String threshold() { return VerdictFormat.threshold(verdict); }
    public String baseline() { return VerdictFormat.baseline(verdict); }
    public String interval() { return VerdictFormat.interval(verdict); }
    public String pValue() { return VerdictFormat.pValue(verdict); }
    public String sentence() { return verdict.detail(); }
}
