package dev.evalbench.core.compare;

import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.util.Optional;

/**
 * Where a comparison finds the stored bytes of an input file by its SHA-256, normally the run history's
 * snapshots. A baseline read from an exported file has no snapshots of its own, but the local history
 * often holds the same content under the same hash.
 */
@FunctionalInterface
public interface SnapshotSource {
    /** No snapshots at all: template diffs say the text is not available. */
    SnapshotSource NONE = sha256 -> Optional.empty();

    Optional<byte[]> snapshot(String sha256) throws StoreException;

    static SnapshotSource of(RunStore store) {
        return store::snapshot;
    }

    /**
     * {@code store}'s snapshots, else the template texts that run files carried ({@code carried}: by SHA-256, as
     * {@code RunExport.Exported#templates} gives them).
     */
    static SnapshotSource of(RunStore store, java.util.Map<String, dev.evalbench.core.store.PromptTemplates.Text> carried) {
        if (carried.isEmpty()) return of(store);
        return sha256 -> {
            Optional<byte[]> stored = store.snapshot(sha256);
            if (stored.isPresent()) return stored;
            var text = carried.get(sha256);
            return text == null ? Optional.empty() : Optional.of(text.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
    }

    /**
     * These snapshots as text passed through {@code mask} (UTF-8): what a comparison that leaves the machine
     * diffs, so a template's sentence that a case restricts reads masked in its diff as everywhere else.
     */
    default SnapshotSource masked(java.util.function.UnaryOperator<String> mask) {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        return sha256 -> snapshot(sha256).map(bytes -> mask.apply(new String(bytes, utf8)).getBytes(utf8));
    }
}
