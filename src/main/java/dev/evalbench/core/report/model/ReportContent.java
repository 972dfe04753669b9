package dev.evalbench.core.report.model;

import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.StoredRun;
import java.util.Objects;

/**
 * Everything a report shows, read from stored records only: the run (as gathered while its masked records
 * were written, {@link ReportedRun}), its gate verdicts, and, when a baseline was given, the baseline and the
 * comparison of the two ({@code comparison.before()} is the baseline).
 * {@code generator} names the program, e.g. "evalbench 0.1.0". Immutable.
 */
public record ReportContent(ReportedRun run, GateReport gates, StoredRun baseline, RunComparison comparison, String generator) {
    public ReportContent {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(generator, "generator");
        if ((baseline == null) != (comparison == null)) {
            throw new IllegalArgumentException("a baseline and its comparison come together");
        }
    }

    public boolean hasBaseline() {
        return baseline != null;
    }

    /** The sentence saying what masking hid, counted over the run's masked records and the baseline's. */
    public String maskingNotice() {
        return dev.evalbench.core.mask.OutboundMask.notice(run.maskedValues()
                + dev.evalbench.core.mask.OutboundMask.maskedCount(baseline));
    }

    public boolean passed() {
        return gates.passed();
    }
}
