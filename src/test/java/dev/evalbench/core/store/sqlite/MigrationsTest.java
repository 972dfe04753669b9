package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema versions: applied once, in order, atomically; a newer history is refused. */
class MigrationsTest {
    @TempDir Path dir;

    @Test
    void aNewHistoryIsAtTheLatestVersionAndReopeningAppliesNothingAgain() throws Exception {
        Path db = dir.resolve("history.db");
        SqliteRunStore.open(db).close();
        SqliteRunStore.open(db).close();

        assertThat(Sql.count(db, "SELECT MAX(version) FROM schema_version")).isEqualTo(Migrations.latestVersion());
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM schema_version")).isEqualTo(Migrations.latestVersion());
        assertThat(Sql.text(db, "SELECT name FROM schema_version WHERE version = 1")).isEqualTo("V1__history.sql");
    }

    @Test
    void aHistoryWrittenByANewerEvalbenchIsRefusedAndLeftAlone() throws Exception {
        Path db = dir.resolve("history.db");
        SqliteRunStore.open(db).close();
        Sql.execute(db, "INSERT INTO schema_version (version, name, applied_at) "
                + "VALUES (99, 'V99__future.sql', '2030-01-01T00:00:00.000000000Z')");

        assertThatThrownBy(() -> SqliteRunStore.open(db))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("history.db was written by a newer Evalbench (schema 99, this build knows "
                        + Migrations.latestVersion() + ")");
        assertThat(Sql.count(db, "SELECT MAX(version) FROM schema_version")).isEqualTo(99);
    }

    @Test
    void aFailingMigrationLeavesThePreviousVersionIntact() throws Exception {
        Path db = dir.resolve("history.db");
        List<String> withBroken = List.of(Migrations.RESOURCES.get(0), "db/test-migrations/V2__broken.sql");

        try (Connection c = SqliteConnections.openWriter(db)) {
            Migrations.apply(c, db, List.of(Migrations.RESOURCES.get(0)));
            assertThatThrownBy(() -> Migrations.apply(c, db, withBroken))
                    .isInstanceOf(StoreException.class).hasMessageContaining("no_such_table");
        }

        assertThat(Sql.count(db, "SELECT MAX(version) FROM schema_version")).isEqualTo(1);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'")).isZero();
    }

    @Test
    void migrationFilesSplitIntoStatementsWithoutComments() {
        List<String> statements = Migrations.statementsOf(Migrations.RESOURCES.get(0), 1);

        assertThat(statements).isNotEmpty().allSatisfy(sql -> assertThat(sql).startsWith("CREATE ").doesNotContain("--"));
        assertThat(statements).anySatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE cases"));
    }
}
