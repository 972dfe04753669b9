package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.RunHeaders;
import dev.evalbench.core.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history that is only read (shared, archived, on a read-only folder) is opened without writing a byte. */
class ReadOnlyHistoryTest {
    private static final Instant T0 = Instant.parse("2026-03-07T10:00:00Z");

    @TempDir Path dir;

    private Path closedHistoryWithOneRun() throws Exception {
        Path db = dir.resolve("history.db");
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.createRun(RunHeaders.running("20260307-1000-a3f9", T0));
        }
        return db;
    }

    @Test
    void readsTheRunsAndRefusesEveryWriteByName() throws Exception {
        Path db = closedHistoryWithOneRun();
        byte[] before = Files.readAllBytes(db);
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(db)) {
            assertThat(store.runs(10)).extracting(RunHeader::id).containsExactly("20260307-1000-a3f9");
            assertThatThrownBy(() -> store.createRun(RunHeaders.running("20260307-1100-b7e1", T0)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("opened read-only");
            assertThatThrownBy(() -> store.tag("20260307-1000-a3f9", "main"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("opened read-only");
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void inAFolderItMayNotWriteNothingBesideTheFileIsCreated() throws Exception {
        Path db = closedHistoryWithOneRun();
        List<Path> before;
        try (Stream<Path> files = Files.list(dir)) {
            before = files.sorted().toList();
        }
        // As root every folder is writable, so the folder's state is passed in: this is the path a
        // non-writable folder takes (no -wal left behind: the file is read as immutable).
        try (Connection c = SqliteConnections.openReadOnly(db, false); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM runs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.sorted().toList()).isEqualTo(before);
        }
    }

    @Test
    void aMissingFileIsNotCreated() {
        Path db = dir.resolve("nope/history.db");
        assertThatThrownBy(() -> SqliteRunStore.openReadOnly(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("no run history here");
        assertThat(Files.exists(db.getParent())).isFalse();
    }
}
