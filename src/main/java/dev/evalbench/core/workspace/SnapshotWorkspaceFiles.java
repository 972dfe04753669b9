package dev.evalbench.core.workspace;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workspace held in memory, path to bytes: used to reload a run's inputs from its stored snapshots, so a
 * stored run can be re-gated or re-reported exactly as it ran. Keys are relative '/' paths (normalized on the
 * way in). Immutable: the bytes are copied in and out. Thread-safe.
 */
public final class SnapshotWorkspaceFiles implements WorkspaceFiles {
    private final String description;
    private final Map<String, byte[]> files;
    private final Map<String, String> digests;

    /** @throws IllegalArgumentException when a key is not a relative workspace path */
    public SnapshotWorkspaceFiles(String description, Map<String, byte[]> files) {
        this(description, files, Map.of());
    }

    /**
     * As {@link #SnapshotWorkspaceFiles(String, Map)}, with the SHA-256 of files whose hash the caller has
     * checked (a store that verifies each snapshot against its hash as it reads it), served by {@link #knownDigest}.
     *
     * @param digests path to the SHA-256 of exactly the bytes given for that path; paths not among the files are ignored
     */
    public SnapshotWorkspaceFiles(String description, Map<String, byte[]> files, Map<String, String> digests) {
        this.description = description;
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(WorkspacePaths.normalize(path), bytes.clone()));
        this.files = copy;
        TreeMap<String, String> known = new TreeMap<>();
        digests.forEach((path, sha256) -> {
            String normalized = normalizedOrNull(path);
            if (normalized != null && copy.containsKey(normalized)) known.put(normalized, sha256);
        });
        this.digests = known;
    }

    @Override
    public String knownDigest(String relativePath) {
        String path = normalizedOrNull(relativePath);
        return path == null ? null : digests.get(path);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public byte[] read(String relativePath) throws IOException {
        String path = normalizedOrNull(relativePath);
        byte[] bytes = path == null ? null : files.get(path);
        if (bytes == null) throw new NoSuchFileException(relativePath);
        return bytes.clone();
    }

    @Override
    public boolean exists(String relativePath) {
        String path = normalizedOrNull(relativePath);
        return path != null && files.containsKey(path);
    }

    @Override
    public List<String> list(String relativeDir) {
        String dir = normalizedOrNull(relativeDir);
        if (dir == null) return List.of();
        String prefix = dir.isEmpty() ? "" : dir + "/";
        return files.keySet().stream()
                .filter(p -> p.startsWith(prefix) && p.indexOf('/', prefix.length()) < 0)
                .toList();
    }

    /** Every path held, sorted. */
    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    private static String normalizedOrNull(String path) {
        try {
            return WorkspacePaths.normalize(path);
        } catch (IllegalArgumentException e) {
            // a path that could never be inside a workspace is simply not held
            return null;
        }
    }
}
