package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.io.FileBytes;
import dev.evalbench.core.io.OwnerOnlyFolder;
import dev.evalbench.core.store.UserCacheFolder;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Points sqlite-jdbc at a copy of its native library kept in the user's cache folder, checked against the one in
 * the jar on every start (size and CRC-32). Left to itself, sqlite-jdbc runs {@code uname} in a child
 * process, extracts the library to a new temporary file and compares the two a byte at a time on every
 * start: about a tenth of a second of a short command such as {@code gate}. Where anything is unusual (another
 * system, a library path the user set, a cache folder others may write, a copy that differs or cannot be
 * written) nothing is set and sqlite-jdbc loads the library its own way; if the cached copy fails to load,
 * sqlite-jdbc falls back to its own way too. Call before the first connection; idempotent and thread-safe.
 *
 * <p>Each library has its own folder, named by its size and CRC-32, so two versions of Evalbench (a jar and the
 * packaged image) can each keep theirs. A start that writes a copy keeps the {@value #KEPT} folders written last
 * and removes older ones, so upgrades do not leave a library behind each (about 2 MB each). A process still
 * running an older version keeps the library it loaded (an open file outlives its name on Linux and macOS); if
 * its next start finds its copy gone, it writes it again.
 */
final class NativeLibraryCache {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    static final int KEPT = 2;
    private static final String PREFIX = "sqlite-native-";
    private static boolean done;

    private NativeLibraryCache() {}

    static synchronized void use() {
        if (done) return;
        done = true;
        if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) return;
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank()) return;
        Path copy = cachedCopy(UserCacheFolder.current());
        if (copy == null) return;
        System.setProperty(PATH, copy.getParent().toString());
        System.setProperty(NAME, copy.getFileName().toString());
    }

    /**
     * The library's copy under {@code cache}, written (or rewritten) when missing or different from the jar's;
     * null when there is none to use (this system needs sqlite-jdbc's own choice, or the folder is not safe).
     * A copy is the jar's when its size and CRC-32 are those the jar's directory records for the library, so a
     * start reads the copy once and inflates nothing; comparing the two byte for byte after inflating the jar's
     * took 15-20 ms of every command's start. The folder is its owner's alone (below), so the check guards
     * against a stale or damaged copy, not against someone forging one.
     */
    static Path cachedCopy(Path cache) {
        String folder = folderInJar();
        if (folder == null) return null;
        String file = System.mapLibraryName("sqlitejdbc");
        URL url = org.sqlite.JDBC.class.getResource("/org/sqlite/native/" + folder + "/" + file);
        if (url == null) return null;
        try {
            Recorded jar = recorded(url);
            Path dir = cache.resolve(PREFIX + jar.size() + "-" + Long.toHexString(jar.crc()));
            Path copy = dir.resolve(file);
            if (!OwnerOnlyFolder.prepare(dir)) return null;
            if (!Files.isRegularFile(copy) || !jar.matches(FileBytes.read(copy))) {
                byte[] library = read(url);
                if (!jar.matches(library)) return null; // the jar changed under us
                Path partial = Files.createTempFile(dir, "partial-", ".tmp");
                Files.write(partial, library);
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                pruneOlderCopies(cache, dir);
            }
            return copy;
        } catch (IOException | RuntimeException e) {
            return null; // any trouble: sqlite-jdbc extracts its library as it always did
        }
    }

    /**
     * Removes the library folders of other versions but the newest {@code KEPT - 1}, by when they were written.
     * Only folders named as this class names them, and only the files in them; best effort, as any trouble
     * (another command pruning at the same time, a file someone else owns) leaves a folder for the next prune.
     */
    private static void pruneOlderCopies(Path cache, Path kept) {
        List<Path> others;
        try (Stream<Path> folders = Files.list(cache)) {
            others = folders.filter(p -> !p.equals(kept) && p.getFileName().toString().matches(PREFIX + "\\d+-[0-9a-f]+"))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(NativeLibraryCache::modified).reversed()).toList();
        } catch (IOException e) {
            return;
        }
        for (Path old : others.subList(Math.min(KEPT - 1, others.size()), others.size())) {
            try (Stream<Path> files = Files.list(old)) {
                for (Path file : files.toList()) Files.deleteIfExists(file);
                Files.deleteIfExists(old);
            } catch (IOException e) {
                // left for the next prune
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** A library's size and CRC-32. */
    private record Recorded(long size, long crc) {
        boolean matches(byte[] bytes) {
            return bytes.length == size && crcOf(bytes) == crc;
        }
    }

    /** The library's size and CRC-32 as its jar's directory records them, or computed from it outside a jar. */
    private static Recorded recorded(URL url) throws IOException {
        if (url.openConnection() instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            if (entry != null && entry.getSize() >= 0 && entry.getCrc() >= 0) return new Recorded(entry.getSize(), entry.getCrc());
        }
        byte[] library = read(url);
        return new Recorded(library.length, crcOf(library));
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    private static long crcOf(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** The jar's folder of the library for this system, or null where the choice needs sqlite-jdbc's own checks. */
    private static String folderInJar() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "aarch64" : null;
        if (cpu == null) return null;
        // Linux with musl or Android uses other builds: there the cached glibc copy fails to load and sqlite-jdbc takes over.
        if (os.startsWith("linux")) return "Linux/" + cpu;
        if (os.startsWith("mac")) return "Mac/" + cpu;
        return null;
    }
}
