package dev.evalbench.core.report.sign;

import dev.evalbench.core.json.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small file helpers for the signing tests. */
final class TestFiles {
    private TestFiles() {}

    static String sha256(Path file) throws IOException {
        return Digests.sha256(Files.readAllBytes(file));
    }
}
