package dev.evalbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file a command is told to write (--out, --markdown, --junit, --otlp): checked before the command does any
 * work, so a folder named by mistake is bad input (exit 2, nothing written, no run spent), not a failure to
 * write at the end that names a temporary file. Stateless.
 */
final class OutputFile {
    private OutputFile() {}

    /** @throws BadInputException when {@code file} is an existing folder */
    static void check(Path file) throws BadInputException {
        if (file != null && Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a folder; name the file to write");
        }
    }

    /** As {@link #check(Path)} for an OTLP target, which may also be a collector's http(s) URL (not checked here). */
    static void checkOtlp(String target) throws BadInputException {
        if (target != null && !target.startsWith("http://") && !target.startsWith("https://")) check(Path.of(target));
    }
}
