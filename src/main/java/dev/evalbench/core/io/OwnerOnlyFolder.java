package dev.evalbench.core.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A folder of the user's cache whose contents a command trusts (SQLite's native library it loads, the digests it
 * believes): made owner-only, and trusted only while nobody else may write it. Stateless.
 */
public final class OwnerOnlyFolder {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFolder() {}

    /**
     * Creates the folder owner-only if it is missing; false when it exists and others may write it, belongs to
     * someone else than its parent folder does, or is not a folder (then it is not trusted).
     *
     * @throws IOException when it cannot be made or examined
     * @throws UnsupportedOperationException on a file system without POSIX permissions
     */
    public static boolean prepare(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // made by a command starting at the same time (or not a folder): checked below like any existing one
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        return Files.getOwner(dir).equals(Files.getOwner(dir.getParent()))
                && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
    }
}
