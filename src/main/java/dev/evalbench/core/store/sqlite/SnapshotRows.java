package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code snapshots} table: input files stored once by SHA-256, shared by every run that used them.
 * Called on a connection already inside a transaction.
 */
final class SnapshotRows {
    private SnapshotRows() {}

    /** Inserts unless present (check then insert: portable, and the writer's transaction makes it atomic). */
    static void putIfAbsent(Connection c, String sha256, byte[] content) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM snapshots WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshots (sha256, content, size) VALUES (?, ?, ?)")) {
            ps.setString(1, sha256);
            ps.setBytes(2, content);
            ps.setLong(3, content.length);
            ps.executeUpdate();
        }
    }

    static boolean exists(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM snapshots WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Content that no longer matches its hash is reported, never handed out as the input it claims to be.
     *
     * @param verified hashes whose content was checked by an earlier read (not checked again); this read adds its own
     */
    static Optional<byte[]> find(Connection c, String sha256, java.util.Set<String> verified) throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM snapshots WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                // sqlite-jdbc reads a zero-length BLOB as null; the hash check below still catches real damage.
                byte[] content = rs.getBytes(1) == null ? new byte[0] : rs.getBytes(1);
                if (!verified.contains(sha256)) {
                    if (!Digests.sha256(content).equals(sha256)) {
                        throw new StoreException("snapshot " + sha256 + " is corrupt: its content no longer has that hash");
                    }
                    verified.add(sha256);
                }
                return Optional.of(content);
            }
        }
    }
}
