package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations: SQL files on the class path, applied in order, each inside its own transaction
 * together with its row in {@code schema_version}. A failed migration leaves the previous version intact.
 * A database whose version is newer than this build knows is refused rather than guessed at.
 *
 * <p>Files are listed here, not discovered, because a class path inside a jar cannot be listed portably. A file
 * holds statements, each ending with a semicolon at the end of a line (a trigger's with the line {@code END;});
 * lines starting with {@code --} are comments.
 */
final class Migrations {
    /** Every migration this build knows, oldest first; versions must run 1, 2, 3, ... */
    static final List<String> RESOURCES = List.of("db/migrations/V1__history.sql", "db/migrations/V2__compact_cases.sql",
            "db/migrations/V3__traffic.sql", "db/migrations/V4__judge.sql", "db/migrations/V5__fingerprint.sql",
            "db/migrations/V6__summary_packs.sql");

    /** Steps in Java that finish a migration's SQL in the same transaction (data rewrites SQL cannot express). */
    private static final Map<String, SqlWork<Void>> STEPS = Map.of(RESOURCES.get(1), CasesV1Conversion::convert,
            RESOURCES.get(4), FingerprintBackfill::fill);

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    private Migrations() {}

    /** The schema version this build writes. */
    static int latestVersion() {
        return RESOURCES.size();
    }

    /**
     * The oldest schema a reader may read as it is, without migrating: what came after it only adds what readers
     * can go without (V6: the summary packs, a copy of rows the history still holds). A reviewer who upgrades
     * Evalbench can then compare, gate and report on a history that no writing command has opened since.
     */
    static final int READABLE_AS_IS = 5;

    /** The first schema with summary packs (V6): readers of an older history read the rows. */
    static final int SUMMARY_PACKS = 6;

    static void apply(Connection writer, Path dbFile) throws StoreException {
        apply(writer, dbFile, RESOURCES);
    }

    /** Brings the database up to the last of {@code resources}; package-private so tests can add a bad one. */
    static void apply(Connection writer, Path dbFile, List<String> resources) throws StoreException {
        int known = resources.size();
        try {
            ensureVersionTable(writer);
            int current = currentVersion(writer);
            refuseNewer(dbFile, current, known);
            for (int version = current + 1; version <= known; version++) {
                applyOne(writer, dbFile, version, known, resources.get(version - 1));
            }
        } catch (SQLException e) {
            throw SqliteWords.opening(dbFile + ": cannot read or migrate the history schema", e);
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void ensureVersionTable(Connection writer) throws SQLException {
        try (ResultSet rs = writer.getMetaData().getTables(null, null, "schema_version", null)) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement st = writer.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
    }

    private static void refuseNewer(Path dbFile, int current, int known) throws StoreException {
        if (current > known) {
            throw StoreException.unusableFile(dbFile + " was written by a newer Evalbench (schema " + current
                    + ", this build knows " + known + "); upgrade Evalbench to read it", null);
        }
    }

    private static void applyOne(Connection writer, Path dbFile, int version, int known, String resource)
            throws SQLException, StoreException {
        List<String> statements = statementsOf(resource, version);
        writer.setAutoCommit(false);
        try {
            // Another process may have migrated since we looked; the IMMEDIATE transaction makes this re-check final.
            int current = currentVersion(writer);
            refuseNewer(dbFile, current, known);
            if (current < version) {
                try (Statement st = writer.createStatement()) {
                    for (String sql : statements) {
                        st.execute(sql);
                    }
                }
                SqlWork<Void> step = STEPS.get(resource);
                if (step != null) {
                    step.run(writer);
                }
                record(writer, version, resource);
            }
            writer.commit();
        } catch (SQLException | StoreException | RuntimeException e) {
            rollbackInto(writer, e);
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    private static void record(Connection writer, int version, String resource) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setString(2, resource.substring(resource.lastIndexOf('/') + 1));
            ps.setString(3, Timestamps.format(Instant.now()));
            ps.executeUpdate();
        }
    }

    static List<String> statementsOf(String resource, int expectedVersion) {
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        Matcher m = NAME.matcher(fileName);
        if (!m.matches() || Integer.parseInt(m.group(1)) != expectedVersion) {
            throw new IllegalStateException("migration " + resource + " must be named V" + expectedVersion + "__name.sql");
        }
        // A statement ends with the line that ends with a semicolon, except a trigger, whose body holds statements
        // of its own and ends with the line "END;".
        List<String> statements = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (String line : read(resource).split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("--")) continue;
            sql.append(line).append('\n');
            boolean trigger = sql.toString().stripLeading().regionMatches(true, 0, "CREATE TRIGGER", 0, 14);
            if (trigger ? stripped.equalsIgnoreCase("END;") : stripped.endsWith(";")) {
                String statement = sql.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                sql.setLength(0);
            }
        }
        if (!sql.toString().isBlank()) statements.add(sql.toString().strip());
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
    }

    private static void rollbackInto(Connection writer, Exception failure) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
