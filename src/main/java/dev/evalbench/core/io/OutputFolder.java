package dev.evalbench.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the folder an output is written into, with the folders above it. Where a part of the path is an existing
 * file, says which ({@link NotAFolderException}) rather than the JDK's "not a directory" or "already exists" about
 * a path further down, which sent the user looking at the wrong part. Stateless.
 */
public final class OutputFolder {
    private OutputFolder() {}

    /** Creates {@code dir} and its missing parents; a no-op when it is a folder already. */
    public static void make(Path dir) throws IOException {
        make(dir, dir);
    }

    /** Creates {@code dir}, the folder {@code output} is to be written into (named in the message when it cannot be). */
    public static void make(Path dir, Path output) throws IOException {
        check(dir, output);
        Files.createDirectories(dir);
    }

    /**
     * Fails as {@link #make} would where a part of {@code dir}'s path is a file, creating nothing: for a command that
     * says so before it writes anything into the folder.
     */
    public static void check(Path dir, Path output) throws NotAFolderException {
        Path wanted = dir.toAbsolutePath().normalize();
        for (Path at = wanted; at != null; at = at.getParent()) {
            if (Files.isDirectory(at)) return;
            if (Files.exists(at)) throw new NotAFolderException(at, output.toAbsolutePath().normalize());
        }
    }
}
