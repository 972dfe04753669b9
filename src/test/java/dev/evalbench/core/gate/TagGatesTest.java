package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.workspace.GateSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A gate with a tag measures only the cases carrying it. */
class TagGatesTest {
    private final GateEvaluator evaluator = new GateEvaluator(List.of(Fixtures.triage(), Fixtures.safety()));

    /** 4 cases tagged de (1 wrong category) and 6 untagged (all right): accuracy 0.75 on de, 0.9 overall. */
    private static StoredRun run() {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String category = i == 0 ? "shipping" : "billing";
            CaseRecord r = CaseRecordBuilder.of("triage", "t" + i).output("{\"category\":\"" + category + "\",\"action\":\"reply\"}")
                    .expected("category", "billing").passed().build("run-1");
            List<String> tags = i < 4 ? List.of("de") : List.of();
            records.add(new CaseRecord(r.runId(), r.key(), r.traceId(), r.messages(), r.rawOutput(), r.failureKind(),
                    r.failureMessage(), r.parsed(), r.schemaValid(), r.schemaErrors(), r.decision(), r.evaluation(), r.expected(),
                    r.blocking(), r.routeUsed(), r.provider(), r.modelUsed(), r.requestId(), r.latencyMs(), r.tokensIn(),
                    r.tokensOut(), r.costUsd(), r.attempts(), r.fallbacks(), r.cacheHit(), r.versions(), r.startedAt(),
                    r.finishedAt(), r.reasoningTokens(), r.tokensEstimated(), tags));
        }
        StoredRun base = Fixtures.run("run-1", List.of());
        return new StoredRun(base.header(), records, List.of());
    }

    private static GateSpec accuracy(String tag) {
        return new GateSpec("cat-" + tag, GateSpec.GateKind.METRIC, "triage", "classification.category.accuracy", 0.8, null,
                null, null, null, "strict", null, tag);
    }

    @Test
    void theTaggedSliceIsMeasuredAlone() {
        GateVerdict de = evaluator.evaluate(List.of(accuracy("de")), run(), null).verdicts().get(0);
        GateVerdict all = evaluator.evaluate(List.of(accuracy(null)), run(), null).verdicts().get(0);

        assertThat(de.value()).isEqualTo(0.75);
        assertThat(de.passed()).isFalse();
        assertThat(de.detail()).startsWith("Cases tagged de: classification.category.accuracy is 0.750 over 4 cases of suite triage");
        assertThat(all.value()).isEqualTo(0.9);
        assertThat(all.passed()).isTrue();
    }

    /** A run of the safety suite alone did not run the tagged triage gate: it says so as an untagged gate would. */
    @Test
    void aTaggedGateOfASuiteNotRunSaysSoPlainly() {
        StoredRun whole = run();
        StoredRun safetyOnly = new StoredRun(whole.header().withConfig(new dev.evalbench.core.record.RunConfig(List.of("offline"),
                List.of("safety"), 1, 4, "off")), List.of(), List.of());

        GateVerdict de = evaluator.evaluate(List.of(accuracy("de")), safetyOnly, null).verdicts().get(0);

        assertThat(de.passed()).isTrue();
        assertThat(de.detail()).isEqualTo("Not run: this run did not include suite triage.");
    }
}
