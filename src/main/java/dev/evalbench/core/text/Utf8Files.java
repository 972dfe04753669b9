package dev.evalbench.core.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Text files that must be UTF-8, read strictly, with a reader's words when one is not: the JDK's own message for a
 * bad byte is "Input length = 1". The workspace's loader places such a byte at its line ({@code Utf8Text}); a view
 * that shows a file whole (the template editor, a read-only file) says why it cannot. Stateless.
 */
public final class Utf8Files {
    private Utf8Files() {}

    /**
     * The file's text, byte for byte (a byte-order mark kept, line ends as they are).
     *
     * @throws IOException when it cannot be read, or is not UTF-8: then the message says so, and how to fix it
     */
    public static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Optional<String> utf16 = utf16Problem(bytes);
        if (utf16.isPresent()) throw new IOException("it " + utf16.get());
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("it is not UTF-8 text; save the file as UTF-8", e);
        }
    }

    /** "is UTF-16 text (…), not UTF-8; save the file as UTF-8" when {@link #utf16} finds it is; else empty. */
    public static Optional<String> utf16Problem(byte[] bytes) {
        return utf16(bytes).map(what -> "is " + what + ", not UTF-8; save the file as UTF-8");
    }

    /**
     * "UTF-16 text (it begins with the byte-order mark FF FE, …)" when {@code bytes} begin with that encoding's mark,
     * as Notepad's "Unicode" and Windows PowerShell's {@code >} write it; "UTF-16 text without a byte-order mark (…)"
     * when one of the first two bytes is 0 and the other is not, as a character of ASCII is in UTF-16 (a UTF-8 text
     * never holds a 0 byte there: YAML and JSON refuse it); else empty. Reads two bytes, so any file may be asked.
     */
    public static Optional<String> utf16(byte[] bytes) {
        int first = bytes.length > 0 ? bytes[0] & 0xff : -1;
        int second = bytes.length > 1 ? bytes[1] & 0xff : -1;
        if (first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF) {
            return Optional.of(String.format(Locale.ROOT, "UTF-16 text (it begins with the byte-order mark %02X %02X, as"
                    + " Windows PowerShell's > and Notepad's \"Unicode\" write it)", first, second));
        }
        if (first == 0 && second > 0 || first > 0 && second == 0) {
            return Optional.of("UTF-16 text without a byte-order mark (" + (first == 0 ? "big" : "little")
                    + "-endian: every other byte is 0)");
        }
        return Optional.empty();
    }
}
