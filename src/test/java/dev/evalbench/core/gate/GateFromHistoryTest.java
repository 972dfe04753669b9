package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.GateSpec.GateKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored run gated as {@code gate} and the end of {@code run} read it (the history's summaries, read with
 * values that repeat across rows kept once) gives exactly the verdicts of the same run gated from its full
 * records: every gate kind, with and without a baseline, over generated runs that mix passes, failed checks,
 * invalid outputs, provider errors, repeated samples, tags, and a baseline that ran only one of the suites.
 */
class GateFromHistoryTest {
    private static final String[] CATEGORIES = {"billing", "bug", "shipping", "account"};

    @TempDir Path dir;

    private final GateEvaluator evaluator = new GateEvaluator(List.of(Fixtures.triage(), Fixtures.safety()));

    private static final List<GateSpec> GATES = List.of(
            GateSpecs.schema(null, 0.9),
            GateSpecs.schema("triage", 0.95),
            GateSpecs.metric("accuracy", "classification.category.accuracy", 0.8, 0.02, null),
            GateSpecs.metric("accuracy-significant", "classification.category.accuracy", null, 0.01, "significant"),
            GateSpecs.metric("f1", "classification.category.macro_f1", 0.5, null, null),
            GateSpecs.metric("priority", "classification.priority.accuracy", 0.5, null, null),
            new GateSpec("accuracy-de", GateKind.METRIC, "triage", "classification.category.accuracy", 0.7, null, null,
                    null, null, null, null, "de"),
            GateSpecs.safety("safety"),
            GateSpecs.latency(900),
            GateSpecs.tokens(1_000_000),
            GateSpecs.cost(0.1));

    @Test
    void theVerdictsFromStoredSummariesAreThoseFromFullRecords() throws Exception {
        StoredRun run = generated("run-1", new Random(7), 3, true);
        StoredRun baseline = generated("run-0", new Random(11), 1, false);
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve(".evalbench/history.db"))) {
            for (StoredRun r : List.of(baseline, run)) {
                store.importRun(r.header(), r.cases());
            }
            RunCases storedRun = RunLookup.runCases(store, "run-1");
            RunCases storedBaseline = RunLookup.runCases(store, "run-0");
            assertThat(storedRun.cases()).hasSize(run.cases().size());

            GateReport fromRecords = evaluator.evaluate(GATES, run, null);
            GateReport fromHistory = evaluator.evaluate(GATES, storedRun, null);
            assertThat(fromHistory).isEqualTo(fromRecords);
            // the mix is real: some gates pass and some fail
            assertThat(fromRecords.verdicts()).extracting(GateVerdict::passed).contains(true, false);

            GateReport againstRecords = evaluator.evaluate(GATES, run, baseline);
            GateReport againstHistory = evaluator.evaluate(GATES, storedRun, storedBaseline);
            assertThat(againstHistory).isEqualTo(againstRecords);
            assertThat(againstRecords.verdicts()).anyMatch(v -> v.baselineValue() != null);
        }
    }

    /**
     * 150 tickets (triage) in {@code samples} samples each and, with {@code withSafety}, 30 safety probes; about a
     * tenth of the answers invalid, a twentieth provider errors, a sixth of the categories wrong.
     */
    private static StoredRun generated(String id, Random random, int samples, boolean withSafety) {
        List<CaseRecordBuilder> builders = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String expected = CATEGORIES[i % CATEGORIES.length];
            for (int s = 0; s < samples; s++) {
                CaseRecordBuilder b = CaseRecordBuilder.of("triage", "t" + i).sample(s)
                        .expected("category", expected, "priority", i % 3 == 0 ? "high" : "low")
                        .latency(100 + random.nextInt(1_000)).tokens(200 + random.nextInt(50), 30 + random.nextInt(20))
                        .cost(0.0001 * (1 + random.nextInt(5)));
                int roll = random.nextInt(60);
                if (roll < 3) {
                    b.providerFailure("TIMEOUT", 30_000);
                } else if (roll < 9) {
                    b.invalidOutput("{\"category\": ");
                } else {
                    String category = roll < 19 ? CATEGORIES[(i + 1) % CATEGORIES.length] : expected;
                    b.output("{\"category\":\"" + category + "\",\"priority\":\"" + (roll % 2 == 0 ? "high" : "low")
                            + "\",\"action\":\"reply\",\"reply\":\"Thanks.\"}");
                    if (category.equals(expected)) b.passed(); else b.failed("category", "wrong category " + category);
                }
                builders.add(b);
                tags.add(i % 5 == 0 ? List.of("de", "vip") : i % 2 == 0 ? List.of("de") : List.of());
            }
        }
        if (withSafety) {
            for (int i = 0; i < 30; i++) {
                CaseRecordBuilder b = CaseRecordBuilder.of("safety", "p" + i).blocking(i % 4 != 0).latency(50 + i);
                if (i % 7 == 0) b.output("{\"category\":\"bug\",\"action\":\"refund\"}").failed("forbidden_action", "refund");
                else b.output("{\"category\":\"bug\",\"action\":\"escalate\"}").passed();
                builders.add(b);
                tags.add(List.of());
            }
        }
        StoredRun built = Fixtures.run(id, builders);
        List<CaseRecord> tagged = new ArrayList<>();
        for (int i = 0; i < built.cases().size(); i++) tagged.add(withTags(built.cases().get(i), tags.get(i)));
        return new StoredRun(built.header(), tagged, List.of());
    }

    private static CaseRecord withTags(CaseRecord r, List<String> tags) {
        return new CaseRecord(r.runId(), r.key(), r.traceId(), r.messages(), r.rawOutput(), r.failureKind(),
                r.failureMessage(), r.parsed(), r.schemaValid(), r.schemaErrors(), r.decision(), r.evaluation(), r.expected(),
                r.blocking(), r.routeUsed(), r.provider(), r.modelUsed(), r.requestId(), r.latencyMs(), r.tokensIn(),
                r.tokensOut(), r.costUsd(), r.attempts(), r.fallbacks(), r.cacheHit(), r.versions(), r.startedAt(),
                r.finishedAt(), r.reasoningTokens(), r.tokensEstimated(), tags);
    }
}
