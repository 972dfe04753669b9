package dev.evalbench.core.report.sign;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.text.LineEnds;
import java.util.Optional;

/**
 * The SHA-256 a workspace file has with other line ends than its bytes': as the workspace is read (each
 * {@code \r\n} as {@code \n}, {@link LineEnds#toLf(byte[])}, the digest a run records since Evalbench reads a
 * checkout with Windows line ends as the one committed), and with Windows line ends (the digest an older Evalbench
 * recorded of such a checkout). Each is empty when the change leaves the file as it is, so that an unchanged digest
 * is never offered as another. Of a file's bytes, read whole (as the loader reads workspace files); stateless and
 * thread-safe.
 */
final class LineEndDigests {
    private LineEndDigests() {}

    /** The digest of a file's {@code bytes} as the workspace reads them, when that differs from theirs. */
    static Optional<String> asTheWorkspaceReadsIt(byte[] bytes) {
        byte[] lf = LineEnds.toLf(bytes);
        return lf == bytes ? Optional.empty() : Optional.of(Digests.sha256(lf));
    }

    /** The digest of the file with each {@code \n} not preceded by {@code \r} as {@code \r\n}, when it has such a one. */
    static Optional<String> withWindowsLineEnds(byte[] bytes) {
        byte[] crlf = new byte[2 * bytes.length];
        int length = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) crlf[length++] = '\r';
            crlf[length++] = bytes[i];
        }
        return length == bytes.length ? Optional.empty() : Optional.of(Digests.sha256(java.util.Arrays.copyOf(crlf, length)));
    }
}
