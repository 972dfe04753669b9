package dev.evalbench.core.workspace;

import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.io.FileBytes;
import dev.evalbench.core.io.OwnerOnlyFolder;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.text.LineEnds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of large workspace files, remembered by their {@link FileStamp} in a folder of the user's cache, as
 * git's index remembers what it hashed. Gating a stored 100,000-case run read its 21 MB dataset to learn from its
 * digest that it was still the run's own (then its lines need no checks again): under the commands' quick
 * compiler, which has no SHA-256 instruction, that hash was 0.2 s of a one-second command.
 *
 * <p>A digest is believed only for the bytes just read, and only when the file's stamp was the same before and
 * after reading them and is the one kept with the digest. It is kept only for a file last written {@link
 * #SETTLED} or more before the read began, so a later write, whatever it restores, changes the change time in
 * the stamp. A platform without stamps (Windows), a file under {@link #SMALLEST} bytes (hashed in a few
 * milliseconds) and an entry that does not read are hashed as if nothing were kept; an entry that cannot be
 * written is not kept. One entry a file, named by a hash of its absolute path, which it also holds, in a folder
 * only its owner may write ({@link OwnerOnlyFolder}): entries in a folder others may write are neither believed nor kept.
 *
 * <p>Thread-safe: entries are replaced whole ({@link AtomicFiles}); two processes writing one entry write the
 * same thing, or the later file's.
 */
public final class FileDigestCache {
    /** Files smaller than this are hashed on every read: 1 MB takes about 10 ms under the commands' compiler. */
    static final long SMALLEST = 1 << 20;
    /** How long before a read a file must have been left alone for its digest to be kept: more than FAT's 2 s step. */
    static final long SETTLED = TimeUnit.SECONDS.toNanos(3);
    /** Version 2 digests the file as the workspace reads it, with {@code \n} line ends; version 1 entries are not believed. */
    private static final String HEADER = "evalbench file digest 2";

    /** Keeps nothing: every file is hashed as it is read. */
    public static final FileDigestCache NONE = new FileDigestCache(null, false, Clock.systemUTC());

    private final Path folder;
    private final boolean believe;
    private final Clock clock;

    FileDigestCache(Path folder, boolean believe, Clock clock) {
        this.folder = folder;
        this.believe = believe;
        this.clock = clock;
    }

    /** Digests kept in {@code folder} (made when first needed), believed when their file's stamp is unchanged. */
    public static FileDigestCache in(Path folder) {
        return new FileDigestCache(folder, true, Clock.systemUTC());
    }

    /**
     * This cache keeping what it hashes but believing nothing it kept: for a load whose digests go into a run's
     * record, which are to be of the bytes read (as the workspace reads them) and nothing else.
     */
    public FileDigestCache rememberingOnly() {
        return new FileDigestCache(folder, false, clock);
    }

    /**
     * Reads {@code file} and gives its bytes, each {@code \r\n} as {@code \n} ({@link DiskWorkspaceFiles}), with
     * their SHA-256, kept or computed as the class says.
     *
     * @throws IOException as {@link FileBytes#read} does
     */
    WorkspaceFiles.DigestedBytes read(Path file) throws IOException {
        if (folder == null) return hashed(LineEnds.toLf(FileBytes.read(file)));
        Instant started = clock.instant();
        FileStamp before = FileStamp.of(file);
        byte[] read = FileBytes.read(file);
        byte[] bytes = LineEnds.toLf(read);
        if (before == null || read.length < SMALLEST || read.length != before.size()) return hashed(bytes);
        if (!before.equals(FileStamp.of(file))) return hashed(bytes); // written while it was read
        boolean settled = before.settledBefore(started, SETTLED);
        // Nothing to believe without a folder, nothing to keep unless settled; either way, only in a folder of our own.
        boolean mayHoldEntry = believe && Files.isDirectory(folder);
        if (!(mayHoldEntry || settled) || !ownFolder()) return hashed(bytes);
        Path absolute = file.toAbsolutePath().normalize();
        Path entry = folder.resolve(Digests.sha256(absolute.toString()).substring(0, 32));
        if (believe) {
            String kept = kept(entry, absolute, before);
            if (kept != null) return new WorkspaceFiles.DigestedBytes(bytes, kept);
        }
        WorkspaceFiles.DigestedBytes digested = hashed(bytes);
        if (settled) keep(entry, absolute, before, digested.sha256());
        return digested;
    }

    /** Whether the folder is this user's alone (made so when missing): entries anyone else may write are not believed. */
    private boolean ownFolder() {
        try {
            return OwnerOnlyFolder.prepare(folder);
        } catch (IOException | RuntimeException unusable) {
            return false; // no such folder can be made here, or no POSIX permissions: nothing is kept
        }
    }

    private static WorkspaceFiles.DigestedBytes hashed(byte[] bytes) {
        return new WorkspaceFiles.DigestedBytes(bytes, Digests.sha256(bytes));
    }

    /** The digest the entry keeps for {@code file} with exactly this stamp; null when there is none. */
    private static String kept(Path entry, Path file, FileStamp stamp) {
        String text;
        try {
            text = Files.readString(entry, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException unreadable) {
            // An entry that does not read is as if there were none: the file is hashed, and the entry replaced.
            return null;
        }
        String[] lines = text.split("\n", 4);
        if (lines.length != 4 || !lines[0].equals(HEADER) || !lines[3].equals(file.toString())) return null;
        if (!stamp.equals(FileStamp.parse(lines[1])) || !lines[2].matches("[0-9a-f]{64}")) return null;
        return lines[2];
    }

    private static void keep(Path entry, Path file, FileStamp stamp, String sha256) {
        String text = HEADER + "\n" + stamp.line() + "\n" + sha256 + "\n" + file;
        try {
            AtomicFiles.write(entry, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException notKept) {
            // A cache folder that cannot be written (read-only home, full disk): the file is hashed next time too.
        }
    }
}
