package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
