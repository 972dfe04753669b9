package dev.evalbench.core.text;

/**
 * The line ends of a text file: an editor works in {@code \n} alone (the template editor's text area turns
 * {@code \r\n} into {@code \n} as it takes the text), and a file written back keeps the ends it had, so a template
 * checked out on Windows (git's {@code core.autocrlf}) neither opens as edited nor saves as a diff of every line.
 * A workspace is read in {@code \n} alone too ({@link #toLf(byte[])}): its files' digests, snapshots and parsed
 * texts are the same on every checkout. Stateless.
 */
public final class LineEnds {
    private LineEnds() {}

    /** {@code text} with each {@code \r\n} as {@code \n}. */
    public static String toLf(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
    }

    /**
     * UTF-8 (or ASCII) {@code bytes} with each {@code \r\n} as {@code \n}; a {@code \r} that does not end a line
     * is kept. The same array when there is nothing to change, so a file with {@code \n} alone costs one scan.
     */
    public static byte[] toLf(byte[] bytes) {
        int first = -1;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                first = i;
                break;
            }
        }
        if (first < 0) return bytes;
        // \r and \n never occur inside a UTF-8 sequence of several bytes, so this is safe byte by byte
        byte[] out = new byte[bytes.length];
        System.arraycopy(bytes, 0, out, 0, first);
        int length = first;
        for (int i = first; i < bytes.length; i++) {
            if (bytes[i] != '\r' || i + 1 == bytes.length || bytes[i + 1] != '\n') out[length++] = bytes[i];
        }
        return java.util.Arrays.copyOf(out, length);
    }

    /** {@code text} with the line ends {@code file} has: {@code \r\n} when it has any, else {@code \n}. */
    public static String like(String text, String file) {
        String lf = toLf(text);
        return file != null && file.contains("\r\n") ? lf.replace("\n", "\r\n") : lf;
    }
}
