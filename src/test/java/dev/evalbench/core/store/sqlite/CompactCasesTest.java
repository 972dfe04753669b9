package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.run.RunHeaders;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema 2: a compact row per case with the big texts compressed apart and shared texts stored once; dataset
 * tags and metric inputs in the summary; a schema-1 history converted on open without losing a byte of a record.
 */
class CompactCasesTest {
    private static final Instant START = Instant.parse("2026-03-07T10:15:00Z");

    @TempDir Path dir;

    @Test
    void tagsAndMetricInputsAreInTheSummaryAndQueryableWithPlainSql() throws Exception {
        CaseRecord refund = withTags(CaseRecords.sample("run-1", "triage", "t001", true, 412), List.of("refund", "vip"));
        CaseRecord timeout = withTags(CaseRecords.builder("run-1", "triage", "t002").failure(FailureKind.TIMEOUT).build(),
                List.of("refund"));
        Path db = dir.resolve("history.db");
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.createRun(RunHeaders.running("run-1", START));
            store.appendCase(refund);
            store.appendCase(timeout);

            List<CaseSummary> rows = store.summaries("run-1");
            assertThat(rows.get(0).tags()).containsExactly("refund", "vip");
            assertThat(rows.get(0).expected()).isEqualTo(refund.expected());
            // Only the fields the expected values name are kept: the reply text stays in the detail.
            assertThat(rows.get(0).scoredOutput().has("reply")).isFalse();
            assertThat(rows.get(0).validOutput().get("category")).isEqualTo(refund.parsed().get("category"));
            assertThat(rows.get(1).validOutput()).isNull();
            assertThat(store.caseRecord("run-1", refund.key())).contains(refund);
            assertThat(store.cases("run-1")).containsExactly(refund, timeout);
        }
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM cases, json_each(cases.tags) WHERE json_each.value = 'vip'")).isEqualTo(1);
        assertThat(Sql.text(db, "SELECT json_extract(expected, '$.category') FROM cases WHERE case_id = 't001'"))
                .isEqualTo(refund.expected().get("category").asText());
    }

    @Test
    void aSystemMessageSharedByManyCasesIsStoredOnce() throws Exception {
        String system = "You are the triage assistant. ".repeat(100);
        Path db = dir.resolve("history.db");
        List<CaseRecord> records = new ArrayList<>();
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.createRun(RunHeaders.running("run-1", START));
            for (int i = 0; i < 20; i++) {
                CaseRecord r = withMessages(CaseRecords.sample("run-1", "triage", "t" + i, true, 100 + i),
                        List.of(new Message("system", system), new Message("user", "Ticket " + i)));
                store.appendCase(r);
                records.add(r);
            }
            assertThat(store.cases("run-1")).isEqualTo(records);
        }
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM case_texts WHERE size = " + system.length())).isEqualTo(1);
        assertThat(Sql.count(db, "SELECT MAX(length(detail)) FROM cases")).isLessThan(system.length());
    }

    @Test
    void aSchemaOneHistoryIsConvertedOnOpenAndReadsBackTheSameRecords() throws Exception {
        Path db = dir.resolve("history.db");
        CaseRecord answered = CaseRecords.sample("run-1", "triage", "t001", true, 412);
        CaseRecord failed = CaseRecords.builder("run-1", "safety", "p001").failure(FailureKind.RATE_LIMITED).build();
        try (Connection c = SqliteConnections.openWriter(db)) {
            Migrations.apply(c, db, List.of(Migrations.RESOURCES.get(0)));
            // The run row as schema 1 wrote it: RunRows writes today's columns.
            RunHeader h = RunHeaders.running("run-1", START);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (id, workspace, workspace_path, config_json, status, "
                    + "started_at, planned_cases, pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, h.id());
                ps.setString(2, h.workspace());
                ps.setString(3, h.workspacePath());
                ps.setString(4, StoredJson.write(h.config(), "config"));
                ps.setString(5, h.status().name());
                ps.setString(6, Timestamps.format(h.startedAt()));
                ps.setInt(7, h.plannedCases());
                ps.setLong(8, h.pid());
                ps.executeUpdate();
            }
            long seq = 0;
            for (CaseRecord r : List.of(answered, failed)) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO cases (run_id, seq, suite, case_id, prompt_id, "
                        + "route, sample, passed, schema_valid, latency_ms, tokens_in, tokens_out, cost_usd, record_json) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?)")) {
                    ps.setString(1, r.runId());
                    ps.setLong(2, seq++);
                    ps.setString(3, r.key().suite());
                    ps.setString(4, r.key().caseId());
                    ps.setString(5, r.key().promptId());
                    ps.setString(6, r.key().route());
                    ps.setInt(7, r.key().sample());
                    ps.setString(8, Json.MAPPER.writeValueAsString(r));
                    ps.executeUpdate();
                }
            }
        }

        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            assertThat(store.cases("run-1")).containsExactly(answered, failed);
            assertThat(store.summaries("run-1")).containsExactly(CaseSummary.of(answered), CaseSummary.of(failed));
        }
        assertThat(Sql.count(db, "SELECT MAX(version) FROM schema_version")).isEqualTo(Migrations.latestVersion());
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'cases_v1'")).isZero();
    }

    private static CaseRecord withTags(CaseRecord r, List<String> tags) {
        return new CaseRecord(r.runId(), r.key(), r.traceId(), r.messages(), r.rawOutput(), r.failureKind(),
                r.failureMessage(), r.parsed(), r.schemaValid(), r.schemaErrors(), r.decision(), r.evaluation(),
                r.expected(), r.blocking(), r.routeUsed(), r.provider(), r.modelUsed(), r.requestId(), r.latencyMs(),
                r.tokensIn(), r.tokensOut(), r.costUsd(), r.attempts(), r.fallbacks(), r.cacheHit(), r.versions(),
                r.startedAt(), r.finishedAt(), tags);
    }

    private static CaseRecord withMessages(CaseRecord r, List<Message> messages) {
        return new CaseRecord(r.runId(), r.key(), r.traceId(), messages, r.rawOutput(), r.failureKind(),
                r.failureMessage(), r.parsed(), r.schemaValid(), r.schemaErrors(), r.decision(), r.evaluation(),
                r.expected(), r.blocking(), r.routeUsed(), r.provider(), r.modelUsed(), r.requestId(), r.latencyMs(),
                r.tokensIn(), r.tokensOut(), r.costUsd(), r.attempts(), r.fallbacks(), r.cacheHit(), r.versions(),
                r.startedAt(), r.finishedAt(), r.tags());
    }

}
