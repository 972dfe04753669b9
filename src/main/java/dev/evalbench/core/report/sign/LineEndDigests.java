package dev.evalbench.core.report.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The SHA-256 a file would have with its other line ends: used only to explain a subject that differs, never
 * to accept one. A workspace checked out on Windows with git's {@code core.autocrlf} has {@code \r\n} where the
 * signer's checkout had {@code \n} (or the other way round); every template and dataset then differs byte for
 * byte while reading the same. Streamed, as {@link FileDigests} is; stateless and thread-safe.
 */
final class LineEndDigests {
    /** How a file's line ends were changed before digesting. */
    enum Change {
        /** Each {@code \r\n} read as {@code \n}. */
        CRLF_AS_LF,
        /** Each {@code \n} not preceded by {@code \r} read as {@code \r\n}. */
        LF_AS_CRLF
    }

    private LineEndDigests() {}

    /**
     * The file's digest after {@code change}, or empty when the change leaves the file as it is (it has no line
     * end of the kind changed), so that an unchanged digest is never offered as an explanation.
     */
    static Optional<String> sha256(Path file, Change change) throws IOException {
        MessageDigest digest = sha256();
        boolean changed = false;
        boolean lastWasCr = false;
        byte[] buffer = new byte[64 * 1024];
        byte[] out = new byte[2 * buffer.length + 1];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int length = 0;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (change == Change.CRLF_AS_LF) {
                        // a \r is held back until the next byte says whether it begins a \r\n
                        if (lastWasCr && b != '\n') {
                            out[length++] = '\r';
                        }
                        if (lastWasCr && b == '\n') {
                            changed = true;
                        }
                        if (b != '\r') {
                            out[length++] = b;
                        }
                    } else {
                        if (b == '\n' && !lastWasCr) {
                            out[length++] = '\r';
                            changed = true;
                        }
                        out[length++] = b;
                    }
                    lastWasCr = b == '\r';
                }
                digest.update(out, 0, length);
            }
        }
        if (change == Change.CRLF_AS_LF && lastWasCr) {
            digest.update((byte) '\r');
        }
        return changed ? Optional.of(HexFormat.of().formatHex(digest.digest())) : Optional.empty();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
