package dev.evalbench.core.workspace;

import dev.evalbench.core.io.FileBytes;
import dev.evalbench.core.text.LineEnds;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A workspace folder on disk. Paths are relative to the root with '/' separators; a path that would leave
 * the root (absolute, "..", or through a symbolic link pointing outside) is refused with
 * {@link AccessDeniedException}. Files are read with each {@code \r\n} as {@code \n} ({@link LineEnds}): a
 * checkout with Windows line ends (git's {@code core.autocrlf}) is the same workspace, with the same digests, as
 * the one committed, so neither a comparison nor {@code verify} calls its prompts and eval sets changed.
 * Immutable and thread-safe; reads go straight to disk every time (a large file's digest may come from a
 * {@link FileDigestCache}).
 */
public final class DiskWorkspaceFiles implements WorkspaceFiles {
    private final Path root;
    private final FileDigestCache digests;

    /** The folder {@code root}, every file hashed as it is read. */
    public DiskWorkspaceFiles(Path root) {
        this(root, FileDigestCache.NONE);
    }

    /** The folder {@code root}, large files' digests kept and believed as {@code digests} says. */
    public DiskWorkspaceFiles(Path root, FileDigestCache digests) {
        this.root = root.toAbsolutePath().normalize();
        this.digests = digests;
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public byte[] read(String relativePath) throws IOException {
        Path file = resolve(relativePath);
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(relativePath);
        return LineEnds.toLf(FileBytes.read(file));
    }

    @Override
    public DigestedBytes readDigested(String relativePath) throws IOException {
        Path file = resolve(relativePath);
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(relativePath);
        return digests.read(file);
    }

    @Override
    public boolean exists(String relativePath) {
        try {
            return Files.isRegularFile(resolve(relativePath));
        } catch (IOException e) {
            // a path outside the workspace is, for the workspace, a file that does not exist
            return false;
        }
    }

    @Override
    public List<String> list(String relativeDir) throws IOException {
        Path dir = resolve(relativeDir);
        if (!Files.isDirectory(dir)) return List.of();
        String prefix = WorkspacePaths.normalize(relativeDir);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p) && isInside(p))
                    .map(p -> prefix.isEmpty() ? p.getFileName().toString() : prefix + "/" + p.getFileName())
                    .sorted()
                    .toList();
        }
    }

    private Path resolve(String relativePath) throws IOException {
        String normalized;
        try {
            normalized = WorkspacePaths.normalize(relativePath);
        } catch (IllegalArgumentException e) {
            throw new AccessDeniedException(relativePath, null, "outside the workspace " + root);
        }
        Path file = root.resolve(normalized).normalize();
        if (!file.startsWith(root)) throw new AccessDeniedException(relativePath, null, "outside the workspace " + root);
        if (Files.exists(file) && !isInside(file)) {
            throw new AccessDeniedException(relativePath, null, "a link leading outside the workspace " + root);
        }
        return file;
    }

    private boolean isInside(Path existing) {
        try {
            return existing.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            // unresolvable (dangling link, vanished file): not a readable workspace file
            return false;
        }
    }
}
