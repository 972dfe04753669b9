package dev.evalbench.core.gate.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.StoredRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PR comment's per-tag table, against counts made by hand. */
class TagTableTest {
    private static CaseRecord tagged(String id, boolean passed, List<String> tags) {
        CaseRecord r = CaseRecordBuilder.of("triage", id).output("{}").passed(passed).build("r");
        return new CaseRecord(r.runId(), r.key(), r.traceId(), r.messages(), r.rawOutput(), r.failureKind(), r.failureMessage(),
                r.parsed(), r.schemaValid(), r.schemaErrors(), r.decision(), r.evaluation(), r.expected(), r.blocking(),
                r.routeUsed(), r.provider(), r.modelUsed(), r.requestId(), r.latencyMs(), r.tokensIn(), r.tokensOut(),
                r.costUsd(), r.attempts(), r.fallbacks(), r.cacheHit(), r.versions(), r.startedAt(), r.finishedAt(),
                r.reasoningTokens(), r.tokensEstimated(), tags);
    }

    private static RunCases run(List<CaseRecord> records) {
        StoredRun empty = Fixtures.run("r", List.of());
        return RunCases.of(new StoredRun(empty.header(), records, List.of()));
    }

    @Test
    void eachTagCountsItsCasesAndPassesLargestFirst() {
        // de: 3 cases, 2 passed; refund: 1 case, 0 passed; fr: 1 case passed (both de and fr on c2)
        List<CaseRecord> now = new ArrayList<>(List.of(tagged("c1", true, List.of("de")), tagged("c2", true, List.of("de", "fr")),
                tagged("c3", false, List.of("de")), tagged("c4", false, List.of("refund")), tagged("c5", true, List.of())));
        List<CaseRecord> before = List.of(tagged("c1", true, List.of("de")), tagged("c3", true, List.of("de")));
        StringBuilder md = new StringBuilder();

        TagTable.append(md, run(now), run(before));

        assertThat(md.toString()).isEqualTo("""
                ### By tag

                | Tag | Cases | Passed | Pass rate | Baseline |
                |---|---|---|---|---|
                | de | 3 | 2 | 66.7% | 100.0% |
                | fr | 1 | 1 | 100.0% | — |
                | refund | 1 | 0 | 0.0% | — |

                """);
    }

    @Test
    void untaggedRunsGetNoTable() {
        StringBuilder md = new StringBuilder();

        TagTable.append(md, run(List.of(tagged("c1", true, List.of()))), null);

        assertThat(md.toString()).isEmpty();
    }
}
