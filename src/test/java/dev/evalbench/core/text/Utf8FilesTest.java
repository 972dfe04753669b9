package dev.evalbench.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that must be UTF-8 is read as it is, or refused in words that say what it is and what to do. */
class Utf8FilesTest {
    @TempDir Path dir;

    @Test
    void utf8IsReadByteForByteWithItsMarkAndLineEnds() throws IOException {
        String text = "\uFEFFid: triage\r\nbody: Grüße\r\n";
        Path file = Files.write(dir.resolve("triage.yaml"), text.getBytes(StandardCharsets.UTF_8));

        assertThat(Utf8Files.read(file)).isEqualTo(text);
    }

    @Test
    void utf16AndLatin1AreSaidToBeWhatTheyAre() throws IOException {
        Path utf16 = Files.write(dir.resolve("gates.yaml"), "gates: []\n".getBytes(StandardCharsets.UTF_16)); // FE FF first
        Path latin1 = Files.write(dir.resolve("policy.yaml"), "name: Grüße\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(catchThrowableOfType(() -> Utf8Files.read(utf16), IOException.class)).hasMessage("it is UTF-16 text (it"
                + " begins with the byte-order mark FE FF, as Windows PowerShell's > and Notepad's \"Unicode\" write it), not"
                + " UTF-8; save the file as UTF-8");
        assertThat(catchThrowableOfType(() -> Utf8Files.read(latin1), IOException.class))
                .hasMessage("it is not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsSaidToBeUtf16AndUtf8IsRead() throws IOException {
        Path noMark = Files.write(dir.resolve("triage.yaml"), "name: x\n".getBytes(StandardCharsets.UTF_16LE));
        Path utf8 = Files.write(dir.resolve("policy.yaml"), "name: Grüße\n".getBytes(StandardCharsets.UTF_8));

        assertThat(catchThrowableOfType(() -> Utf8Files.read(noMark), IOException.class)).hasMessage("it is UTF-16 text"
                + " without a byte-order mark (little-endian: every other byte is 0), not UTF-8; save the file as UTF-8");
        assertThat(Utf8Files.read(utf8)).isEqualTo("name: Grüße\n");
        assertThat(Utf8Files.utf16(new byte[] {'a'})).isEmpty();
        assertThat(Utf8Files.utf16(new byte[0])).isEmpty();
    }
}
