package dev.evalbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole file read in steps gives exactly what {@code Files.readAllBytes} gives, and fails where it fails. */
class FileBytesTest {
    @TempDir Path dir;

    @Test
    void everySizeAroundAStepReadsExactly() throws IOException {
        Random random = new Random(7);
        int step = FileBytes.STEP;
        for (int size : new int[] {0, 1, 4095, step - 1, step, step + 1, 3 * step + 5}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = Files.write(dir.resolve("f" + size), content);

            assertThat(FileBytes.read(file)).as("%d bytes", size).isEqualTo(content);
        }
    }

    /** A file whose size the system does not know ahead (here 0) is read to its end, as the JDK's read does. */
    @Test
    void aFileThatReportsNoSizeIsReadToItsEnd() throws IOException {
        Path status = Path.of("/proc/self/status");
        assertThat(Files.size(status)).isZero();

        String text = new String(FileBytes.read(status), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(text).startsWith("Name:").contains("\nPid:").endsWith("\n");
    }

    @Test
    void aMissingFileOrAFolderFailsAsTheJdksReadFails() {
        assertThatThrownBy(() -> FileBytes.read(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> FileBytes.read(dir)).isInstanceOf(IOException.class);
    }
}
