package dev.evalbench.core.gate;

import dev.evalbench.core.gate.stats.Wilson;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.workspace.GateSpec;
import java.util.List;

/**
 * schema_pass_rate: the share of outputs that are schema-valid, over the suite or every record, held to
 * {@code min} by its point estimate, with the Wilson 95% interval. A provider failure counts as an invalid
 * output: the case produced nothing usable. The baseline's rate is shown when there is a baseline.
 */
final class SchemaPassRateGate {
    private SchemaPassRateGate() {}

    static GateVerdict evaluate(GateSpec spec, GateInputs in) {
        if (spec.min() == null) {
            return Verdicts.cannotMeasure(spec, ">=", null, "The schema_pass_rate gate needs min.");
        }
        List<? extends ScoredCase> records = in.runRecords(spec.suite());
        if (records.isEmpty()) {
            return Verdicts.cannotMeasure(spec, ">=", null, where(spec) + " has no cases in this run.");
        }
        long valid = records.stream().filter(SchemaPassRateGate::valid).count();
        long providerFailures = records.stream().filter(r -> r.failureKind() != null).count();
        double rate = (double) valid / records.size();
        List<? extends ScoredCase> base = in.baselineRecords(spec.suite());
        Double baseRate = base.isEmpty() ? null : (double) base.stream().filter(SchemaPassRateGate::valid).count() / base.size();
        boolean passed = rate >= spec.min() - GateInputs.EPSILON;
        String detail = String.format(java.util.Locale.ROOT, "%s of %d outputs are schema-valid (%d invalid, %d of them provider failures); "
                        + "the gate needs at least %s.", Verdicts.percent(rate), records.size(),
                records.size() - valid, providerFailures, Verdicts.percent(spec.min()));
        return Verdicts.of(spec, spec.suite(), passed, rate, spec.min(), ">=", baseRate,
                Wilson.interval95(valid, records.size()), null, null, detail);
    }

    static boolean valid(ScoredCase r) {
        return r.failureKind() == null && r.schemaValid();
    }

    private static String where(GateSpec spec) {
        return spec.suite() == null ? "The run" : "Suite " + spec.suite();
    }
}
