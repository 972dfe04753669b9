package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code runs} and {@code run_inputs} tables. Called on a connection already inside a transaction. */
final class RunRows {
    private static final String COLUMNS = "id, workspace, workspace_path, config_json, status, started_at, "
            + "finished_at, app_version, git_commit, planned_cases, pid, pid_started_at, kind";

    private RunRows() {}

    static void insert(Connection c, RunHeader h) throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, h.id());
            ps.setString(2, h.workspace());
            ps.setString(3, h.workspacePath());
            ps.setString(4, StoredJson.write(h.config(), "the config of run " + h.id()));
            ps.setString(5, h.status().name());
            ps.setString(6, Timestamps.format(h.startedAt()));
            ps.setString(7, Timestamps.format(h.finishedAt()));
            ps.setString(8, h.appVersion());
            ps.setString(9, h.gitCommit());
            ps.setInt(10, h.plannedCases());
            ps.setLong(11, h.pid());
            ps.setString(12, Timestamps.format(ProcessLiveness.startOf(h.pid()).orElse(null)));
            ps.setString(13, h.kind().name());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_inputs (run_id, path, sha256) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> input : h.inputs().entrySet()) {
                ps.setString(1, h.id());
                ps.setString(2, input.getKey());
                ps.setString(3, input.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static boolean exists(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return rows changed: 0 when there is no such run */
    static int finish(Connection c, String runId, RunStatus status, Instant finishedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, Timestamps.format(finishedAt));
            ps.setString(3, runId);
            return ps.executeUpdate();
        }
    }

    /** @return rows changed: 0 when there is no such run */
    static int reopen(Connection c, String runId, long pid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, finished_at = NULL, pid = ?, "
                + "pid_started_at = ? WHERE id = ?")) {
            ps.setString(1, RunStatus.RUNNING.name());
            ps.setLong(2, pid);
            ps.setString(3, Timestamps.format(ProcessLiveness.startOf(pid).orElse(null)));
            ps.setString(4, runId);
            return ps.executeUpdate();
        }
    }

    /** Newest first by start time; equal start times fall back to id order so the answer is stable. */
    static List<String> newestIds(Connection c, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** A RUNNING run whose writing process is gone reads as INCOMPLETE; the stored row is left as it is. */
    static Optional<RunHeader> find(Connection c, String runId) throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long pid = rs.getLong("pid");
                RunStatus stored = statusOf(rs.getString("status"), runId);
                RunStatus status = stored == RunStatus.RUNNING
                        && !ProcessLiveness.isAlive(pid, Timestamps.parse(rs.getString("pid_started_at")))
                        ? RunStatus.INCOMPLETE : stored;
                return Optional.of(new RunHeader(runId, rs.getString("workspace"), rs.getString("workspace_path"),
                        StoredJson.read(rs.getString("config_json"), RunConfig.class, "the config of run " + runId),
                        status, Timestamps.parse(rs.getString("started_at")),
                        Timestamps.parse(rs.getString("finished_at")), rs.getString("app_version"),
                        rs.getString("git_commit"), inputs(c, runId), rs.getInt("planned_cases"), pid,
                        TagRows.tagsOf(c, runId), kindOf(rs.getString("kind"), runId)));
            }
        }
    }

    private static RunKind kindOf(String stored, String runId) throws StoreException {
        for (RunKind kind : RunKind.values()) {
            if (kind.name().equals(stored)) {
                return kind;
            }
        }
        throw new StoreException("run " + runId + " has an unknown kind \"" + stored + "\" (written by a newer Evalbench?)");
    }

    private static RunStatus statusOf(String stored, String runId) throws StoreException {
        for (RunStatus status : RunStatus.values()) {
            if (status.name().equals(stored)) {
                return status;
            }
        }
        throw new StoreException("run " + runId + " has an unknown status \"" + stored + "\"");
    }

    private static Map<String, String> inputs(Connection c, String runId) throws SQLException {
        Map<String, String> inputs = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT path, sha256 FROM run_inputs WHERE run_id = ? ORDER BY path")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inputs.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return Collections.unmodifiableMap(inputs);
    }
}
