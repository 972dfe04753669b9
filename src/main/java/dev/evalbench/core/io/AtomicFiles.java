package dev.evalbench.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes files so that no reader (and no crash) ever sees half a file: each is written to a temporary file in
 * its target's folder and moved into place atomically. A group is written completely to temporary files
 * before the first one is moved, so a failure while writing leaves every target as it was. A replaced file
 * keeps its permissions; a new one is {@code rw-r--r--} (reports and envelopes are meant to be shared). Stateless.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> SHARED = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {}

    public static void write(Path target, byte[] content) throws IOException {
        writeAll(Map.of(target, content));
    }

    /** Writes every file of the group (in the map's order); the targets' folders are created when missing. */
    public static void writeAll(Map<Path, byte[]> files) throws IOException {
        List<Path> targets = new ArrayList<>();
        List<Path> staged = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> file : files.entrySet()) {
                Path dir = file.getKey().toAbsolutePath().getParent();
                OutputFolder.make(dir, file.getKey());
                Path tmp = Files.createTempFile(dir, "." + file.getKey().getFileName(), ".tmp");
                staged.add(tmp);
                targets.add(file.getKey());
                Files.write(tmp, file.getValue());
                keepPermissions(tmp, file.getKey());
            }
            for (int i = 0; i < staged.size(); i++) {
                Files.move(staged.get(i), targets.get(i), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            for (Path tmp : staged) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /**
     * A temporary file is created owner-only; the file it replaces keeps its permissions, and a new file gets
     * {@code rw-r--r--}, the usual mode of a report meant to be shared (not a secret).
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) return;
        Set<PosixFilePermission> mode = Files.exists(target) ? Files.getPosixFilePermissions(target) : SHARED;
        Files.setPosixFilePermissions(tmp, mode);
    }
}
