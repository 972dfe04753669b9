package dev.evalbench.core.store.sqlite;

import static dev.evalbench.core.store.sqlite.SummaryPackTest.RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reviewer who upgrades Evalbench reads a history no writing command has opened since, as it is: schema 5 lacks
 * only the summary packs (schema 6), which readers can go without. The file is left as it was; the first writing
 * command upgrades it. A history older than readers can read says which command upgrades it.
 */
class OlderSchemaReadTest {
    @TempDir Path dir;

    @Test
    void aSchema5HistoryIsReadAsItIsAndLeftSo() throws Exception {
        List<CaseRecord> records = SummaryPackTest.variedRecords(400);
        Path db = SummaryPackTest.completeRun(dir, records);
        Sql.downgrade(db, 5);
        byte[] before = Files.readAllBytes(db);

        try (SqliteRunStore store = SqliteRunStore.openReadOnly(db)) {
            assertThat(store.runs(10)).extracting(RunHeader::id).containsExactly(RUN);
            assertThat(store.summaries(RUN)).isEqualTo(records.stream().map(r -> CaseSummary.of(r, List.of())).toList());
            assertThat(store.cases(RUN)).isEqualTo(records);
            List<CaseRecord> oneAtATime = new ArrayList<>();
            store.forEachCase(RUN, oneAtATime::add);
            assertThat(oneAtATime).isEqualTo(records);
        }
        assertThat(Files.readAllBytes(db)).as("not a byte written").isEqualTo(before);
        assertThat(Sql.count(db, "SELECT MAX(version) FROM schema_version")).isEqualTo(5);

        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            assertThat(store.summaries(RUN)).hasSize(400);
        }
        assertThat(Sql.count(db, "SELECT MAX(version) FROM schema_version")).isEqualTo(Migrations.latestVersion());
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).as("the writing store keeps the pack").isEqualTo(1);
    }

    @Test
    void aHistoryOlderThanReadersCanReadNamesTheCommandThatUpgradesIt() throws Exception {
        Path db = SummaryPackTest.completeRun(dir, SummaryPackTest.variedRecords(10));
        Sql.downgrade(db, 4);
        byte[] before = Files.readAllBytes(db);

        assertThatThrownBy(() -> SqliteRunStore.openReadOnly(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("has an older schema (4, now " + Migrations.latestVersion() + ")")
                .hasMessageContaining("run any writing command on it once (e.g. `evalbench tag`) to upgrade it");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }
}
