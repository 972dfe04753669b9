package dev.evalbench.core.workspace;

import dev.evalbench.core.text.Utf8Files;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a workspace file as strict UTF-8, or names the first byte that is not UTF-8 by its own line and
 * column (columns count characters, as an editor does), or says it is UTF-16 when it begins with that encoding's
 * byte-order mark or with a character of it that has a 0 byte ({@link Utf8Files#utf16}). A leading UTF-8 byte-order
 * mark is dropped. Stateless.
 */
final class Utf8Text {
    private Utf8Text() {}

    static String decode(String path, byte[] bytes) throws SourceSyntaxException {
        refuseUtf16(path, bytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new SourceSyntaxException(badByte(path, bytes, in.position()));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * As {@link #decode}, without making the text: decodes through a small buffer, so checking a large file
     * holds no copy of it.
     */
    static void check(String path, byte[] bytes) throws SourceSyntaxException {
        refuseUtf16(path, bytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) throw new SourceSyntaxException(badByte(path, bytes, in.position()));
            if (result.isUnderflow()) break;
            out.clear();
        }
        out.clear();
        decoder.flush(out);
    }

    /** A UTF-16 file is named as such at its start: without a byte-order mark its ASCII decodes as UTF-8 with 0 bytes. */
    private static void refuseUtf16(String path, byte[] bytes) throws SourceSyntaxException {
        java.util.Optional<String> utf16 = Utf8Files.utf16Problem(bytes);
        if (utf16.isPresent()) throw new SourceSyntaxException(new InputError(path, 1, 1, utf16.get()));
    }

    private static InputError badByte(String path, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // characters before the bad byte on its line: UTF-8 continuation bytes (10xxxxxx) start no character
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) column++;
        }
        int bad = bytes[offset] & 0xff;
        // What the byte is in Windows-1252 (Notepad's "ANSI", the usual other encoding) tells which character to look for.
        String ansi = new String(new byte[] {bytes[offset]}, java.nio.charset.Charset.forName("windows-1252"));
        String seen = ansi.charAt(0) != '\uFFFD' ? ", \"" + ansi + "\" in Windows-1252, as Notepad's \"ANSI\" saves it" : "";
        return new InputError(path, line, column, String.format(java.util.Locale.ROOT,
                "is not valid UTF-8 text (byte 0x%02X%s); save the file as UTF-8", bad, seen));
    }
}
