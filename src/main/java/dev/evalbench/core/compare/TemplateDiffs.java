package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the template files of prompts whose content hash changed and diffs their text. A prompt's file is
 * the input whose SHA-256 equals the prompt hash of the version tuple (tuple hashes are of file bytes), so
 * no knowledge of the workspace layout is needed; its text comes from the snapshot stored under that hash.
 */
final class TemplateDiffs {
    private TemplateDiffs() {}

    static List<TemplateDiff> between(StoredRun before, StoredRun after, SnapshotSource snapshots) throws StoreException {
        Map<String, String> a = promptHashes(before);
        Map<String, String> b = promptHashes(after);
        List<TemplateDiff> diffs = new ArrayList<>();
        for (Map.Entry<String, String> entry : a.entrySet()) {
            String afterHash = b.get(entry.getKey());
            if (afterHash == null || afterHash.equals(entry.getValue())) continue;
            diffs.add(diff(entry.getKey(), before, entry.getValue(), after, afterHash, snapshots));
        }
        return diffs;
    }

    private static TemplateDiff diff(String promptId, StoredRun before, String beforeHash, StoredRun after, String afterHash,
                                     SnapshotSource snapshots) throws StoreException {
        String beforePath = pathOf(before, beforeHash);
        String afterPath = pathOf(after, afterHash);
        Optional<byte[]> left = snapshots.snapshot(beforeHash);
        Optional<byte[]> right = snapshots.snapshot(afterHash);
        if (left.isEmpty() || right.isEmpty()) {
            String missing = left.isEmpty() ? describe(before, beforePath, beforeHash) : describe(after, afterPath, afterHash);
            return new TemplateDiff(promptId, beforePath, afterPath, null,
                    "the template text of " + missing + " is not in this run history");
        }
        return new TemplateDiff(promptId, beforePath, afterPath,
                OutputDiff.between(text(left.get()), text(right.get())), null);
    }

    /** The prompt hash each prompt id recorded; a run that recorded two hashes for one prompt keeps the first. */
    private static Map<String, String> promptHashes(StoredRun run) {
        Map<String, String> hashes = new TreeMap<>();
        for (CaseRecord record : run.cases()) {
            VersionTuple v = record.versions();
            if (v != null && v.promptHash() != null) hashes.putIfAbsent(v.promptId(), v.promptHash());
        }
        return hashes;
    }

    private static String pathOf(StoredRun run, String sha256) {
        Map<String, String> inputs = run.header().inputs();
        if (inputs == null) return null;
        return inputs.entrySet().stream().filter(e -> sha256.equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    private static String describe(StoredRun run, String path, String hash) {
        return (path == null ? "the prompt" : path) + " of run " + run.id() + " (sha256 " + VersionDiff.shortHash(hash) + ")";
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
