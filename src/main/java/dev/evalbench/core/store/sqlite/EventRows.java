package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.record.RunEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code run_events} table, in stored order. Called on a connection already inside a transaction. */
final class EventRows {
    private EventRows() {}

    static void insert(Connection c, String runId, RunEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_events (run_id, seq, occurred_at, kind, "
                + "route, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, runId);
            ps.setLong(2, CaseRows.nextSeq(c, "run_events", runId));
            ps.setString(3, Timestamps.format(event.at()));
            ps.setString(4, event.kind());
            ps.setString(5, event.route());
            ps.setString(6, event.detail());
            ps.executeUpdate();
        }
    }

    static List<RunEvent> list(Connection c, String runId) throws SQLException {
        List<RunEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT occurred_at, kind, route, detail FROM run_events WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new RunEvent(Timestamps.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return List.copyOf(events);
    }
}
