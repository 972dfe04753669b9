package dev.evalbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two stored runs, the second with a new prompt revision and changed outputs, compared as a reviewer would. */
class ComparisonBuilderTest {
    static final String PROMPT_V3 = "id: triage\nrevision: 3\nbody: |\n  Classify this ticket:\n  {{ ticket }}\n";
    static final String PROMPT_V4 = "id: triage\nrevision: 4\nbody: |\n  Classify this support ticket:\n  {{ ticket }}\n";
    static final String REPLY_FOR = "{\"category\":\"billing\",\"priority\":\"high\",\"action\":\"refund\","
            + "\"order_id\":\"ORD-10421\",\"reply\":\"Sorry for the double charge, Ana.\"}";

    @TempDir Path dir;
    SqliteRunStore store;
    StoredRun before;
    StoredRun after;

    @BeforeEach
    void twoRuns() throws Exception {
        store = SqliteRunStore.open(dir.resolve("history.db"));
        String v3 = store.putSnapshot(PROMPT_V3.getBytes(StandardCharsets.UTF_8));
        String v4 = store.putSnapshot(PROMPT_V4.getBytes(StandardCharsets.UTF_8));
        before = run("run-a", v3, 3, List.of(
                CaseRecords.sample("run-a", "triage", "t001", true, 300),
                CaseRecords.sample("run-a", "triage", "t002", true, 310),
                CaseRecords.sample("run-a", "triage", "t003", false, 320),
                CaseRecords.sample("run-a", "triage", "t004", true, 330),
                CaseRecords.sample("run-a", "safety", "p001", true, 340)));
        after = run("run-b", v4, 4, List.of(
                CaseRecords.sample("run-b", "safety", "p001", true, 350),
                CaseRecords.sample("run-b", "triage", "t004", false, 360),
                CaseRecords.sample("run-b", "triage", "t003", true, 370),
                RecordEdits.withOutput(CaseRecords.sample("run-b", "triage", "t001", true, 380), REPLY_FOR),
                CaseRecords.sample("run-b", "triage", "t002", false, 390)));
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void namesThePromptAsWhatChangedAndNothingElseThatAffectsOutputs() throws Exception {
        RunComparison c = new ComparisonBuilder(before, after).snapshots(SnapshotSource.of(store)).build();

        assertThat(c.versions().outputAffecting()).singleElement().satisfies(change -> {
            assertThat(change.component()).isEqualTo(VersionComponent.PROMPT);
            assertThat(change.subject()).isEqualTo("triage");
            assertThat(change.before()).startsWith("revision 3, sha256 ");
            assertThat(change.after()).startsWith("revision 4, sha256 ");
        });
        assertThat(c.versions().summary()).isEqualTo("prompt changed");
    }

    @Test
    void showsTheTemplateTextDiffFromTheStoredSnapshots() throws Exception {
        RunComparison c = new ComparisonBuilder(before, after).snapshots(SnapshotSource.of(store)).build();

        assertThat(c.templates()).singleElement().satisfies(t -> {
            assertThat(t.promptId()).isEqualTo("triage");
            assertThat(t.beforePath()).isEqualTo("prompts/triage.yaml");
            assertThat(t.available()).isTrue();
            assertThat(t.diff().rows()).filteredOn(r -> r.kind() == DiffRow.Kind.CHANGED)
                    .extracting(DiffRow::afterText)
                    .containsExactly("revision: 4", "  Classify this support ticket:");
        });
    }

    @Test
    void aTemplateWithoutSnapshotsSaysItsTextIsUnavailable() throws Exception {
        RunComparison c = new ComparisonBuilder(before, after).build();

        assertThat(c.templates()).singleElement().satisfies(t -> {
            assertThat(t.available()).isFalse();
            assertThat(t.unavailable()).contains("prompts/triage.yaml of run run-a").contains("not in this run history");
        });
    }

    @Test
    void listsPassToFailFlipsFirstThenFailToPassThenOtherOutputChanges() throws Exception {
        RunComparison c = new ComparisonBuilder(before, after).build();

        assertThat(c.cases()).extracting(CaseChange::kind, CaseChange::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CaseChange.Kind.PASS_TO_FAIL, "triage/t002"),
                org.assertj.core.groups.Tuple.tuple(CaseChange.Kind.PASS_TO_FAIL, "triage/t004"),
                org.assertj.core.groups.Tuple.tuple(CaseChange.Kind.FAIL_TO_PASS, "triage/t003"),
                org.assertj.core.groups.Tuple.tuple(CaseChange.Kind.OUTPUT_CHANGED, "triage/t001"));
        assertThat(c.matchedCases()).isEqualTo(5);
        assertThat(c.flips()).hasSize(3);
    }

    @Test
    void theOutputDiffOfAChangedCaseMarksTheChangedWords() throws Exception {
        RunComparison c = new ComparisonBuilder(before, after).build();

        CaseChange t001 = c.ofKind(CaseChange.Kind.OUTPUT_CHANGED).get(0);
        DiffRow reply = t001.diff().rows().stream().filter(r -> r.kind() == DiffRow.Kind.CHANGED).findFirst().orElseThrow();
        assertThat(reply.before()).filteredOn(DiffSegment::changed).extracting(DiffSegment::text).containsExactly("about");
        assertThat(reply.after()).filteredOn(DiffSegment::changed).extracting(DiffSegment::text).containsExactly("for");
        CaseChange t002 = c.ofKind(CaseChange.Kind.PASS_TO_FAIL).get(0);
        assertThat(t002.diff().rows()).filteredOn(r -> r.kind() == DiffRow.Kind.CHANGED).singleElement()
                .satisfies(r -> assertThat(r.after()).filteredOn(DiffSegment::changed)
                        .extracting(DiffSegment::text).containsExactly("shipping"));
    }

    @Test
    void aChangedRouteIsNamedAsRouteModel() throws Exception {
        StoredRun other = new StoredRun(before.header(), List.of(
                CaseRecords.builder("run-c", "triage", "t001").route("openai").build()), List.of());
        StoredRun base = new StoredRun(before.header(), List.of(CaseRecords.sample("run-a", "triage", "t001", true, 300)), List.of());

        VersionDiff diff = new ComparisonBuilder(base, other).build().versions();

        assertThat(diff.changedComponents()).containsExactly(VersionComponent.ROUTE_MODEL);
        assertThat(diff.changes().get(0).describe()).isEqualTo(
                "route/model: offline (scripted/triage-rules-v1, config sha256 0be16649df13) → openai (scripted/triage-rules-v1, config sha256 d1c15ebe82df)");
    }

    /**
     * The gates file is named among what changed when both runs list it with other bytes; a run that lists it against
     * one that does not (written before runs listed their inputs) is no change of it.
     */
    @Test
    void aGatesFileBothRunsListWithOtherBytesIsAChange() throws Exception {
        String gates = "gates:\n  - {id: cost, kind: cost_variance, max_increase: %s}\n";
        String loose = store.putSnapshot(gates.formatted("1.00").getBytes(StandardCharsets.UTF_8));
        String strict = store.putSnapshot(gates.formatted("0.10").getBytes(StandardCharsets.UTF_8));
        StoredRun strictRun = run("run-s", before.cases().get(0).versions().promptHash(), 3, List.of(
                CaseRecords.sample("run-s", "triage", "t001", true, 300)), Map.of("gates.yaml", strict));
        StoredRun looseRun = run("run-l", before.cases().get(0).versions().promptHash(), 3, List.of(
                CaseRecords.sample("run-l", "triage", "t001", true, 300)), Map.of("gates.yaml", loose));

        RunComparison c = new ComparisonBuilder(strictRun, looseRun).snapshots(SnapshotSource.of(store)).build();

        assertThat(c.versions().summary()).isEqualTo("gates changed");
        assertThat(c.templates()).singleElement().satisfies(t -> {
            assertThat(t.component()).isEqualTo(VersionComponent.GATES);
            assertThat(t.diff().rows()).filteredOn(r -> r.kind() == DiffRow.Kind.CHANGED).extracting(CompareText::wordDiff)
                    .containsExactly("  - {id: cost, kind: cost_variance, max_increase: [-0.10-]{+1.00+}}");
        });
        RunComparison withoutTheFile = new ComparisonBuilder(before, looseRun).snapshots(SnapshotSource.of(store)).build();
        assertThat(withoutTheFile.versions().changed(VersionComponent.GATES)).isFalse();
    }

    private StoredRun run(String id, String promptHash, int revision, List<CaseRecord> cases) throws Exception {
        return run(id, promptHash, revision, cases, Map.of());
    }

    private StoredRun run(String id, String promptHash, int revision, List<CaseRecord> cases, Map<String, String> more)
            throws Exception {
        Map<String, String> inputs = new java.util.HashMap<>(Map.of("prompts/triage.yaml", promptHash,
                "datasets/tickets.jsonl", Digests.sha256("dataset")));
        inputs.putAll(more);
        store.createRun(RecordEdits.completeHeader(id, Instant.parse("2026-03-07T10:00:00Z"), inputs, cases.size()));
        for (CaseRecord record : cases) {
            store.appendCase(RecordEdits.withPrompt(record, revision, promptHash));
        }
        store.finishRun(id, RunStatus.COMPLETE, Instant.parse("2026-03-07T10:00:05Z"));
        return new StoredRun(store.run(id).orElseThrow(), store.cases(id), store.events(id));
    }
}
