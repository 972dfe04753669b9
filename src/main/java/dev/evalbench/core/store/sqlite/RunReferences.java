package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a user may type to name a run: {@code latest} or {@code latest~N}
 * ({@link dev.evalbench.core.store.LatestBack}), a full id, a tag, or a unique id prefix, tried in that order (so a
 * tag wins over a prefix it happens to look like). Called on a connection inside a read transaction.
 */
final class RunReferences {
    static final String LATEST = dev.evalbench.core.store.LatestBack.LATEST;
    private static final int NAMED_IN_MESSAGE = 5;

    private RunReferences() {}

    /**
     * @return the run id, or empty when nothing matches
     * @throws StoreException when a prefix matches several runs, naming some of them
     */
    static Optional<String> resolve(Connection c, String reference) throws SQLException, StoreException {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        java.util.OptionalInt back = dev.evalbench.core.store.LatestBack.steps(reference);
        if (back.isPresent()) {
            List<String> newest = RunRows.newestIds(c, back.getAsInt() + 1);
            return newest.size() > back.getAsInt() ? Optional.of(newest.get(back.getAsInt())) : Optional.empty();
        }
        if (RunRows.exists(c, reference)) {
            return Optional.of(reference);
        }
        Optional<String> tagged = TagRows.runOf(c, reference);
        if (tagged.isPresent()) {
            return tagged;
        }
        List<String> matches = idsStartingWith(c, reference);
        if (matches.size() > 1) {
            throw StoreException.ambiguousName("\"" + reference + "\" is ambiguous: it begins " + matches.size() + " run ids ("
                    + String.join(", ", matches.subList(0, Math.min(NAMED_IN_MESSAGE, matches.size())))
                    + (matches.size() > NAMED_IN_MESSAGE ? ", ..." : "") + "); type more of the id");
        }
        return matches.stream().findFirst();
    }

    private static List<String> idsStartingWith(Connection c, String prefix) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM runs WHERE id LIKE ? ESCAPE '!' ORDER BY id")) {
            ps.setString(1, escapeLike(prefix) + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // LIKE ignores case on some databases (SQLite, for ASCII); a prefix is case-sensitive here.
                    String id = rs.getString(1);
                    if (id.startsWith(prefix)) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
