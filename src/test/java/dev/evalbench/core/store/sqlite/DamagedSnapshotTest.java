package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored input file (a run's dataset, prompt, policy) is handed out only as it was written: damage to the history
 * file is reported by name, and the other snapshots still read.
 */
class DamagedSnapshotTest {
    private static final byte[] DATASET =
            "{\"id\":\"t1\",\"text\":\"where is my order?\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PROMPT = "system: you triage tickets\n".getBytes(StandardCharsets.UTF_8);

    @TempDir Path dir;

    @Test
    void aSnapshotDamagedInTheFileIsReportedNotHandedOut() throws Exception {
        Path db = dir.resolve("history.db");
        String dataset;
        String prompt;
        String empty;
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            dataset = store.putSnapshot(DATASET);
            prompt = store.putSnapshot(PROMPT);
            empty = store.putSnapshot(new byte[0]);
        }
        damage(db, dataset);
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            assertThatThrownBy(() -> store.snapshot(dataset)).isInstanceOf(StoreException.class)
                    .hasMessage("snapshot " + dataset + " is corrupt: its content no longer has that hash");
            assertThat(store.snapshot(prompt)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(PROMPT));
            assertThat(store.snapshot(empty)).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
        }
    }

    /** One byte of the stored content changed, as a bad sector or a stray write would; the row's keys untouched. */
    private static void damage(Path db, String sha256) throws Exception {
        byte[] damaged = DATASET.clone();
        damaged[10] ^= 0x20;
        try (Connection c = Sql.connect(db);
                PreparedStatement ps = c.prepareStatement("UPDATE snapshots SET content = ? WHERE sha256 = ?")) {
            ps.setBytes(1, damaged);
            ps.setString(2, sha256);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
