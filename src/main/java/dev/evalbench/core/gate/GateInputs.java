package dev.evalbench.core.gate;

import dev.evalbench.core.gate.stats.Bootstrap;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.workspace.SuiteKind;
import dev.evalbench.core.workspace.SuiteSpec;
import java.util.List;
import java.util.Optional;

/** What every gate kind reads: the run, the baseline (nullable), the workspace's suites, the bootstrap. */
record GateInputs(StoredRun run, StoredRun baseline, List<SuiteSpec> suites, Bootstrap bootstrap) {
    static final double LEVEL = 0.95;
    /** Slack for comparisons of computed doubles: 0.92 - 0.02 must not fail a value of 0.90. */
    static final double EPSILON = 1e-9;

    /** The run's records of the suite, or all of them when {@code suite} is null. */
    List<CaseRecord> runRecords(String suite) {
        return select(run, suite);
    }

    /** The baseline's records of the suite (all when null); empty without a baseline. */
    List<CaseRecord> baselineRecords(String suite) {
        return baseline == null ? List.of() : select(baseline, suite);
    }

    Optional<SuiteSpec> suite(String name) {
        return suites.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    List<SuiteSpec> suitesOfKind(SuiteKind kind) {
        return suites.stream().filter(s -> s.kind() == kind).toList();
    }

    private static List<CaseRecord> select(StoredRun from, String suite) {
        return suite == null ? from.cases()
                : from.cases().stream().filter(r -> r.key().suite().equals(suite)).toList();
    }
}
