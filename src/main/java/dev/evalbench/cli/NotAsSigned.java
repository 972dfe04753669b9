package dev.evalbench.cli;

import dev.evalbench.core.service.RunFiles;
import dev.evalbench.core.service.RunLookup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The warning a command prints first, on stderr, for each signed report it was given to read (as a run, a baseline,
 * one side of a comparison) whose report.json is not the one its envelope signed: the command reads it all the same,
 * as it reads an unsigned one, so whoever reads its output must be told. No key is needed. Its records need no
 * check here: reading them checks each against the digest report.json binds it by.
 */
final class NotAsSigned {
    private NotAsSigned() {}

    /** @param refs what the user named (run ids, tags, files, report folders); nulls and non-files are passed over */
    static void warn(PrintWriter err, String... refs) {
        for (String ref : refs) {
            if (ref == null) continue;
            Optional<Path> file = RunLookup.runFile(ref);
            String changed = file.isEmpty() ? null : RunFiles.notAsSigned(file.get());
            if (changed != null) {
                err.println("warning: " + file.get() + " is not the report that was signed (" + changed
                        + "): do not trust what is read from it; `evalbench verify` says more");
            }
        }
        err.flush();
    }
}
