package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of sqlite-jdbc's native library that commands load instead of extracting it on every start. */
class NativeLibraryCacheTest {
    @TempDir Path cache;
    private byte[] inJar;

    @BeforeEach
    void libraryOfThisSystem() throws Exception {
        Path copy = NativeLibraryCache.cachedCopy(cache);
        assumeTrue(copy != null, "this system loads sqlite-jdbc's library its own way");
        try (InputStream in = org.sqlite.JDBC.class.getResourceAsStream("/org/sqlite/native/" + folderOf(copy))) {
            inJar = in.readAllBytes();
        }
    }

    /** The library's place in the jar on the systems the cache serves (Linux and macOS, x86_64 and aarch64). */
    private static String folderOf(Path copy) {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch64" : "x86_64";
        return (System.getProperty("os.name").toLowerCase().startsWith("mac") ? "Mac/" : "Linux/") + arch + "/" + copy.getFileName();
    }

    @Test
    void theCopyIsTheJarsLibraryInAFolderOnlyItsOwnerMayWrite() throws Exception {
        Path copy = NativeLibraryCache.cachedCopy(cache);

        assertThat(Files.readAllBytes(copy)).isEqualTo(inJar);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aCopyThatNoLongerMatchesTheJarIsWrittenAgain() throws Exception {
        Path copy = NativeLibraryCache.cachedCopy(cache);
        Files.write(copy, new byte[] {1, 2, 3});

        assertThat(NativeLibraryCache.cachedCopy(cache)).isEqualTo(copy);
        assertThat(Files.readAllBytes(copy)).isEqualTo(inJar);
    }

    @Test
    void aCopyOfTheRightSizeWithOneByteChangedIsWrittenAgain() throws Exception {
        Path copy = NativeLibraryCache.cachedCopy(cache);
        byte[] damaged = inJar.clone();
        damaged[damaged.length / 2] ^= 0x20;
        Files.write(copy, damaged);

        assertThat(NativeLibraryCache.cachedCopy(cache)).isEqualTo(copy);
        assertThat(Files.readAllBytes(copy)).isEqualTo(inJar);
    }

    @Test
    void aFolderOthersMayWriteIsNotUsed() throws Exception {
        Path copy = NativeLibraryCache.cachedCopy(cache);
        Files.setPosixFilePermissions(copy.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(NativeLibraryCache.cachedCopy(cache)).isNull();
    }

    @Test
    void writingACopyRemovesAllButTheNewestCopyOfOtherVersions() throws Exception {
        Path ours = NativeLibraryCache.cachedCopy(cache).getParent();
        deleteFolder(ours);
        Path oldest = olderVersion("sqlite-native-100-aa", 3);
        Path older = olderVersion("sqlite-native-200-bb", 2);
        Path newest = olderVersion("sqlite-native-300-cc", 1);
        Path notOurs = olderVersion("sqlite-native-notes", 4);
        Path elsewhere = olderVersion("jvm", 5);

        Path copy = NativeLibraryCache.cachedCopy(cache);

        assertThat(copy.getParent()).isEqualTo(ours);
        assertThat(Files.readAllBytes(copy)).isEqualTo(inJar);
        assertThat(newest).as("another version's copy, written last: a second install may still use it").isDirectory();
        assertThat(older).doesNotExist();
        assertThat(oldest).doesNotExist();
        assertThat(notOurs).as("not named as the cache names its folders").isDirectory();
        assertThat(elsewhere).isDirectory();
    }

    @Test
    void aStartThatFindsItsCopyRemovesNothing() throws Exception {
        Path older = olderVersion("sqlite-native-200-bb", 2);
        Path newest = olderVersion("sqlite-native-300-cc", 1);

        NativeLibraryCache.cachedCopy(cache);

        assertThat(older).as("pruned when a copy is written, not on every start").isDirectory();
        assertThat(newest).isDirectory();
    }

    /** A folder as another version of the cache left it, written {@code hoursAgo}. */
    private Path olderVersion(String name, int hoursAgo) throws Exception {
        Path dir = Files.createDirectories(cache.resolve(name));
        Files.write(dir.resolve("libsqlitejdbc.so"), new byte[] {7});
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(Duration.ofHours(hoursAgo))));
        return dir;
    }

    private static void deleteFolder(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(dir);
    }
}
