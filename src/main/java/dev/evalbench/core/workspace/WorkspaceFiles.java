package dev.evalbench.core.workspace;

import dev.evalbench.core.json.Digests;
import java.io.IOException;
import java.util.List;

/**
 * Read access to a workspace's files, by path relative to its root with '/' separators. The loader reads
 * only through this, so a workspace can be loaded from disk or from a run's stored snapshot alike.
 * Implementations are immutable and thread-safe.
 */
public interface WorkspaceFiles {
    /** A human name for messages: the folder, or "snapshot of run X". */
    String describe();

    /**
     * The bytes of a file, as the workspace reads them (a folder's with each {@code \r\n} as {@code \n}, {@link
     * DiskWorkspaceFiles}); {@link java.nio.file.NoSuchFileException} when it is not there. Every digest of a
     * file is of these bytes.
     */
    byte[] read(String relativePath) throws IOException;

    boolean exists(String relativePath);

    /**
     * The SHA-256 of a file's bytes when this source already knows it for certain (a stored snapshot, checked
     * against its hash when it was read), so the loader need not hash it again; null when it does not.
     */
    default String knownDigest(String relativePath) {
        return null;
    }

    /** A file's bytes and their SHA-256. */
    record DigestedBytes(byte[] bytes, String sha256) {}

    /**
     * A file's bytes and their SHA-256: hashed unless this source knows the digest for certain ({@link
     * #knownDigest}, or a folder's {@link FileDigestCache}).
     */
    default DigestedBytes readDigested(String relativePath) throws IOException {
        byte[] bytes = read(relativePath);
        String known = knownDigest(relativePath);
        return new DigestedBytes(bytes, known != null ? known : Digests.sha256(bytes));
    }

    /** Paths of the regular files directly in a folder, sorted; empty when the folder is missing. */
    List<String> list(String relativeDir) throws IOException;
}
