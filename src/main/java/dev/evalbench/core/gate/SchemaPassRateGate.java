package dev.evalbench.core.gate;

import dev.evalbench.core.eval.CutOffAnswer;
import dev.evalbench.core.eval.WithheldAnswer;
import dev.evalbench.core.gate.stats.Wilson;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.workspace.GateSpec;
import java.util.List;

/**
 * schema_pass_rate: the share of outputs that are schema-valid, over the suite or every record, held to
 * {@code min} by its point estimate, with the Wilson 95% interval. A provider failure counts as an invalid
 * output: the case produced nothing usable. The detail counts those, the task outputs cut off at the output token
 * limit, whose fix is the route's limit rather than the prompt, and those the server's content filter withheld. The
 * baseline's rate is shown when there is a baseline.
 */
final class SchemaPassRateGate {
    private SchemaPassRateGate() {}

    static GateVerdict evaluate(GateSpec spec, GateInputs in) {
        if (spec.min() == null) {
            return Verdicts.cannotMeasure(spec, ">=", null, "The schema_pass_rate gate needs min.");
        }
        List<? extends ScoredCase> records = in.runRecords(spec.suite());
        if (records.isEmpty()) {
            return Verdicts.cannotMeasure(spec, ">=", spec.min(), null, where(spec) + " has no cases in this run.");
        }
        long valid = records.stream().filter(SchemaPassRateGate::valid).count();
        long providerFailures = records.stream().filter(r -> r.failureKind() != null).count();
        double rate = (double) valid / records.size();
        List<? extends ScoredCase> base = in.baselineRecords(spec.suite());
        Double baseRate = base.isEmpty() ? null : (double) base.stream().filter(SchemaPassRateGate::valid).count() / base.size();
        boolean passed = rate >= spec.min() - GateInputs.EPSILON;
        String detail = String.format(java.util.Locale.ROOT, "%s of %d outputs are schema-valid (%d invalid, %d of them provider"
                        + " failures%s); the gate needs at least %s.", Verdicts.percent(rate), records.size(),
                records.size() - valid, providerFailures, cutOff(records), Verdicts.percent(spec.min()));
        return Verdicts.of(spec, spec.suite(), passed, rate, spec.min(), ">=", baseRate,
                Wilson.interval95(valid, records.size()), null, null, detail);
    }

    /**
     * ", 12 cut off at the output token limit", ", 3 withheld by the server's content filter", both, or "" when none was.
     * Only a task case's failures tell it: when an output whose record does not say why is invalid too (a safety
     * probe's), the count says it is of task outputs, rather than suggest that one was not cut off or withheld.
     */
    private static String cutOff(List<? extends ScoredCase> records) {
        long cut = 0;
        long withheld = 0;
        boolean untold = false;
        for (ScoredCase r : records) {
            if (valid(r) || r.failureKind() != null) continue;
            if (CutOffAnswer.toldIn(r.failures())) cut++;
            else if (WithheldAnswer.toldIn(r.failures())) withheld++;
            else if (!CutOffAnswer.toldWhyInvalid(r.failures())) untold = true;
        }
        StringBuilder told = new StringBuilder();
        if (cut > 0) told.append(", ").append(cut).append(what(cut, untold)).append(" cut off at the output token limit");
        if (withheld > 0) {
            told.append(", ").append(withheld).append(what(withheld, untold)).append(" withheld by the server's content filter");
        }
        return told.toString();
    }

    private static String what(long n, boolean untold) {
        return untold ? (n == 1 ? " task output" : " task outputs") : "";
    }

    static boolean valid(ScoredCase r) {
        return r.failureKind() == null && r.schemaValid();
    }

    private static String where(GateSpec spec) {
        return spec.suite() == null ? "The run" : "Suite " + spec.suite();
    }
}
