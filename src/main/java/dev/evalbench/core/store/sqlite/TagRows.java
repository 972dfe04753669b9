package dev.evalbench.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code tags} table: each tag names exactly one run. Called on a connection already inside a transaction. */
final class TagRows {
    private TagRows() {}

    /** Points {@code tag} at {@code runId}, moving it if it named another run. */
    static void point(Connection c, String tag, String runId) throws SQLException {
        // Delete then insert rather than an upsert: portable, and atomic inside the caller's transaction.
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE tag = ?")) {
            ps.setString(1, tag);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tags (tag, run_id) VALUES (?, ?)")) {
            ps.setString(1, tag);
            ps.setString(2, runId);
            ps.executeUpdate();
        }
    }

    /** Removes {@code tag}; the run it named, or empty when there was no such tag. */
    static Optional<String> remove(Connection c, String tag) throws SQLException {
        Optional<String> named = runOf(c, tag);
        if (named.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE tag = ?")) {
                ps.setString(1, tag);
                ps.executeUpdate();
            }
        }
        return named;
    }

    /** Sorted by tag. */
    static List<String> tagsOf(Connection c, String runId) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag FROM tags WHERE run_id = ? ORDER BY tag")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(rs.getString(1));
                }
            }
        }
        return List.copyOf(tags);
    }

    static Optional<String> runOf(Connection c, String tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id FROM tags WHERE tag = ?")) {
            ps.setString(1, tag);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Tag to run id, sorted by tag. */
    static Map<String, String> all(Connection c) throws SQLException {
        Map<String, String> tags = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag, run_id FROM tags");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tags.put(rs.getString(1), rs.getString(2));
            }
        }
        return Collections.unmodifiableMap(tags);
    }
}
