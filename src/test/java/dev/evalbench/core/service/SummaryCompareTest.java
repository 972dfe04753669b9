package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.compare.CaseChange;
import dev.evalbench.core.compare.CompareJson;
import dev.evalbench.core.compare.CompareText;
import dev.evalbench.core.compare.RecordEdits;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.compare.SnapshotSource;
import dev.evalbench.core.compare.SummaryComparison;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} of two stored runs from their summaries and output fingerprints gives the very comparison the
 * full records give: same formatting-only changes ignored, changed outputs diffed, flips and one-sided cases
 * listed, with or without stored fingerprints (a history written before them).
 */
class SummaryCompareTest {
    static final String OUT = "{\"category\":\"billing\",\"priority\":\"high\",\"action\":\"refund\",\"order_id\":\"ORD-1\",\"reply\":\"Sorry.\"}";
    static final String OUT_REFORMATTED = "{ \"reply\": \"Sorry.\",\n  \"order_id\": \"ORD-1\", \"action\": \"refund\", \"priority\": \"high\", \"category\": \"billing\" }";
    static final String OUT_CHANGED = "{\"category\":\"billing\",\"priority\":\"low\",\"action\":\"refund\",\"order_id\":\"ORD-1\",\"reply\":\"Sorry.\"}";

    @TempDir Path dir;
    SqliteRunStore store;
    CompareService service;

    @BeforeEach
    void twoRuns() throws Exception {
        store = SqliteRunStore.open(dir.resolve("history.db"));
        service = new CompareService(store, new GateService(Map.of()));
        store(new Run("run-a", List.of(
                RecordEdits.withOutput(CaseRecords.sample("run-a", "triage", "t001", true, 300), OUT),
                RecordEdits.withOutput(CaseRecords.sample("run-a", "triage", "t002", true, 300), OUT),
                RecordEdits.withOutput(CaseRecords.sample("run-a", "triage", "t003", true, 300), OUT),
                CaseRecords.sample("run-a", "triage", "t004", true, 300),
                CaseRecords.builder("run-a", "triage", "t006").failure(FailureKind.TIMEOUT).build(),
                RecordEdits.withOutput(CaseRecords.sample("run-a", "triage", "t007", true, 300), "plain words"),
                RecordEdits.withOutput(CaseRecords.sample("run-a", "triage", "t008", true, 300), "plain words"))));
        store(new Run("run-b", List.of(
                RecordEdits.withOutput(CaseRecords.sample("run-b", "triage", "t001", true, 310), OUT_REFORMATTED),
                RecordEdits.withOutput(CaseRecords.sample("run-b", "triage", "t002", true, 310), OUT_CHANGED),
                RecordEdits.withOutput(CaseRecords.sample("run-b", "triage", "t003", false, 310), OUT),
                CaseRecords.builder("run-b", "triage", "t006").failure(FailureKind.TIMEOUT).build(),
                RecordEdits.withOutput(CaseRecords.sample("run-b", "triage", "t007", true, 310), "plain words"),
                RecordEdits.withOutput(CaseRecords.sample("run-b", "triage", "t008", true, 310), "other words"),
                CaseRecords.sample("run-b", "triage", "t005", true, 310))));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void theSummaryComparisonIsTheFullRecordComparison() throws Exception {
        RunComparison fromSummaries = service.compare("run-a", "run-b", null).comparison();
        RunComparison fromRecords = service.compare(RunLookup.run(store, "run-a"), RunLookup.run(store, "run-b"), null, null);

        assertThat(json(fromSummaries)).isEqualTo(json(fromRecords));
        assertThat(fromSummaries.cases()).extracting(c -> c.kind() + " " + c.key()).containsExactly(
                "PASS_TO_FAIL triage/t003", "OUTPUT_CHANGED triage/t002", "OUTPUT_CHANGED triage/t008",
                "ONLY_BEFORE triage/t004", "ONLY_AFTER triage/t005");
        assertThat(json(fromSummaries).get("before").get("cases").asInt()).isEqualTo(7);
    }

    /** 240 cases: a third flip to fail, a third change their output only, a third stay as they were. */
    private void storeManyChangedCases() throws Exception {
        List<CaseRecord> a = new ArrayList<>();
        List<CaseRecord> b = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String id = String.format("m%03d", i);
            a.add(RecordEdits.withOutput(CaseRecords.sample("many-a", "triage", id, true, 300), OUT));
            b.add(RecordEdits.withOutput(CaseRecords.sample("many-b", "triage", id, i % 3 != 0, 310),
                    i % 3 == 1 ? OUT_CHANGED : i % 3 == 0 ? OUT_CHANGED.replace("refund", "escalate") : OUT));
        }
        store(new Run("many-a", a));
        store(new Run("many-b", b));
    }

    @Test
    void theTerminalsComparisonReadsOnlyTheFlipsItShowsAndPrintsTheSameText() throws Exception {
        storeManyChangedCases();
        RunComparison every = service.compare("many-a", "many-b", null).comparison();
        RunComparison forTerminal = service.compare("many-a", "many-b", null, 20).comparison();

        // The same changes in the same order, the same counts, the same text: 20 flips shown, 140 more counted.
        assertThat(forTerminal.cases()).extracting(c -> c.kind() + " " + c.key())
                .containsExactlyElementsOf(every.cases().stream().map(c -> c.kind() + " " + c.key()).toList());
        String text = CompareText.render(forTerminal, 20, "use --json");
        assertThat(text).isEqualTo(CompareText.render(every, 20, "use --json"))
                .contains("cases: 80 pass -> fail, 0 fail -> pass, 80 other outputs changed")
                .contains("... 140 more changed cases (use --json)");
        // Read: the 20 flips shown and the 80 changed outputs (whether an output changed needs its records),
        // not the 60 other flips.
        assertThat(forTerminal.after().cases()).hasSize(100);
        assertThat(every.after().cases()).hasSize(160);
        assertThat(forTerminal.cases()).filteredOn(c -> c.after() == null).hasSize(60)
                .allMatch(c -> c.kind() == CaseChange.Kind.PASS_TO_FAIL && c.diff() == null);
    }

    @Test
    void manyChangedCasesReadOnTwoThreadsGiveTheFullRecordComparisonInItsOrder() throws Exception {
        storeManyChangedCases();

        RunComparison fromSummaries = service.compare("many-a", "many-b", null).comparison();
        RunComparison fromRecords = service.compare(RunLookup.run(store, "many-a"), RunLookup.run(store, "many-b"), null, null);

        assertThat(json(fromSummaries)).isEqualTo(json(fromRecords));
        assertThat(fromSummaries.cases()).hasSize(160);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 240; i += 3) expected.add("PASS_TO_FAIL triage/" + String.format("m%03d", i));
        for (int i = 1; i < 240; i += 3) expected.add("OUTPUT_CHANGED triage/" + String.format("m%03d", i));
        assertThat(fromSummaries.cases()).extracting(c -> c.kind() + " " + c.key()).containsExactlyElementsOf(expected);
    }

    @Test
    void runsStoredWithoutFingerprintsCompareTheSame() throws Exception {
        RunComparison withFingerprints = service.compare("run-a", "run-b", null).comparison();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
                Statement st = c.createStatement()) {
            st.execute("UPDATE cases SET output_fp = NULL");
        }
        assertThat(store.summaries("run-a")).allSatisfy(s -> assertThat(s.outputFingerprint()).isNull());

        assertThat(json(service.compare("run-a", "run-b", null).comparison())).isEqualTo(json(withFingerprints));
    }

    @Test
    void matchingFingerprintsAreNotReadAndReformattedJsonMatches() throws Exception {
        List<CaseSummary> a = store.summaries("run-a");
        List<CaseSummary> b = store.summaries("run-b");
        assertThat(b.get(0).outputFingerprint()).as("t001, fields reordered and spaced").isEqualTo(a.get(0).outputFingerprint());
        assertThat(b.get(1).outputFingerprint()).as("t002, a field changed").isNotEqualTo(a.get(1).outputFingerprint());

        List<String> read = new ArrayList<>();
        SummaryComparison.build(dev.evalbench.core.record.RunCases.ofSummaries(store.run("run-a").orElseThrow(), a, List.of()),
                dev.evalbench.core.record.RunCases.ofSummaries(store.run("run-b").orElseThrow(), b, List.of()),
                key -> reading(read, "a", "run-a", key), key -> reading(read, "b", "run-b", key), SnapshotSource.NONE, null, null);

        // t001 once per side for its version tuple (the first case of its suite, prompt and route); t006 and t007 never.
        assertThat(read).doesNotContain("a t006", "b t006", "a t007", "b t007")
                .contains("a t002", "b t002", "a t003", "b t003", "a t004", "b t005", "a t008", "b t008");
        assertThat(read.stream().filter(r -> r.endsWith("t001"))).hasSize(2);
    }

    /** Cases whose change their summaries tell (same output, or no record to read) are never put in order. */
    @Test
    void theWorkspaceOrderIsAskedOnlyForTheCasesRead() throws Exception {
        List<String> placed = new ArrayList<>();
        SummaryComparison.buildAwaitingGates(
                dev.evalbench.core.record.RunCases.ofSummaries(store.run("run-a").orElseThrow(), store.summaries("run-a"), List.of()),
                dev.evalbench.core.record.RunCases.ofSummaries(store.run("run-b").orElseThrow(), store.summaries("run-b"), List.of()),
                key -> store.caseRecord("run-a", key).orElse(null), key -> store.caseRecord("run-b", key).orElse(null),
                SnapshotSource.NONE, java.util.concurrent.CompletableFuture.completedFuture(List.of()), () -> null, () -> null,
                SummaryComparison.EVERY_FLIP, key -> {
                    placed.add(key.caseId());
                    return 0;
                });

        assertThat(placed).doesNotContain("t001", "t006", "t007").contains("t002", "t003", "t008");
    }

    private CaseRecord reading(List<String> read, String side, String runId, CaseKey key) throws dev.evalbench.core.store.StoreException {
        read.add(side + " " + key.caseId());
        return store.caseRecord(runId, key).orElse(null);
    }

    private static ObjectNode json(RunComparison c) {
        ObjectNode json = CompareJson.toJson(c);
        // The masking notice counts what the comparison holds (summaries: the changed cases' records only).
        json.remove("masking");
        return json;
    }

    private record Run(String id, List<CaseRecord> cases) {}

    private void store(Run run) throws Exception {
        store.createRun(RecordEdits.completeHeader(run.id(), Instant.parse("2026-03-07T10:00:00Z"), Map.of(), run.cases().size()));
        for (CaseRecord r : run.cases()) store.appendCase(r);
        store.finishRun(run.id(), RunStatus.COMPLETE, Instant.parse("2026-03-07T10:00:05Z"));
    }
}
