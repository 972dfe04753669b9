package dev.evalbench.core.route.cache;

import dev.evalbench.core.io.SqliteWal;
import dev.evalbench.core.provider.ModelResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Recorded answers in a SQLite file (WAL), by {@link CacheKeys cache key}. Stores the answer text, the model
 * the provider reported, tokens (reasoning tokens, whether they were estimated), latency, request id and whether the
 * answer was cut off at the output token limit: nothing of the request, so no prompt and no key reaches the file. The
 * first answer stored under a key stays (insert-or-ignore), so every later read of a key gives the same answer.
 * Thread-safe: one connection, calls serialised. Closed by its owner.
 */
public final class ResponseCache implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private final Path file;
    private final Connection connection;

    private ResponseCache(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens or creates the file (and its folder). */
    public static ResponseCache open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // WAL with NORMAL sync cannot corrupt the file; a power cut may lose the last answers stored, which
            // for a cache only means calling the model again.
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                // Two runs may open an old cache (rollback journal) at the same moment.
                SqliteWal.enter(c, BUSY_TIMEOUT_MS);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            try (Statement s = c.createStatement()) {
                // Two runs may open one cache at the same moment: the schema is checked and brought up to date
                // inside one write transaction, so the second waits and then finds every column there.
                s.execute("BEGIN IMMEDIATE");
                s.execute("CREATE TABLE IF NOT EXISTS responses ("
                        + "key TEXT PRIMARY KEY, text TEXT NOT NULL, model TEXT, tokens_in INTEGER NOT NULL, "
                        + "tokens_out INTEGER NOT NULL, latency_ms INTEGER NOT NULL, request_id TEXT, "
                        + "stored_at TEXT NOT NULL)");
                addColumnIfMissing(c, "reasoning_tokens", "INTEGER NOT NULL DEFAULT 0");
                addColumnIfMissing(c, "tokens_estimated", "INTEGER NOT NULL DEFAULT 0");
                addColumnIfMissing(c, "truncated", "INTEGER NOT NULL DEFAULT 0");
                addColumnIfMissing(c, "withheld", "INTEGER NOT NULL DEFAULT 0");
                s.execute("COMMIT");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new ResponseCache(file, c);
        } catch (SQLException | IOException e) {
            throw new CacheException("cache database " + file + " could not be opened: " + e.getMessage(), e);
        }
    }

    /** Caches made before a column existed get it, with the value their answers had (0: none, not estimated). */
    private static void addColumnIfMissing(Connection c, String column, String type) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(responses)")) {
            while (r.next()) {
                if (column.equals(r.getString("name"))) return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE responses ADD COLUMN " + column + " " + type);
        }
    }

    public synchronized Optional<ModelResponse> get(String key) {
        try (PreparedStatement q = connection.prepareStatement("SELECT text, model, tokens_in, tokens_out, latency_ms, "
                + "request_id, reasoning_tokens, tokens_estimated, truncated, withheld FROM responses WHERE key = ?")) {
            q.setString(1, key);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ModelResponse(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4),
                        r.getLong(5), r.getString(6), r.getInt(7), r.getInt(8) != 0, r.getInt(9) != 0, r.getInt(10) != 0));
            }
        } catch (SQLException e) {
            throw new CacheException("cache database " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    public synchronized void put(String key, ModelResponse response) {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR IGNORE INTO responses (key, text, model, tokens_in, tokens_out, latency_ms, request_id, "
                + "stored_at, reasoning_tokens, tokens_estimated, truncated, withheld)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, response.text());
            s.setString(3, response.modelReported());
            s.setInt(4, response.tokensIn());
            s.setInt(5, response.tokensOut());
            s.setLong(6, response.latencyMs());
            s.setString(7, response.requestId());
            s.setString(8, Instant.now().toString());
            s.setInt(9, response.reasoningTokens());
            s.setInt(10, response.tokensEstimated() ? 1 : 0);
            s.setInt(11, response.truncated() ? 1 : 0);
            s.setInt(12, response.withheld() ? 1 : 0);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new CacheException("cache database " + file + " could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new CacheException("cache database " + file + " could not be closed: " + e.getMessage(), e);
        }
    }
}
