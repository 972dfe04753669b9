package dev.evalbench.cli;

import dev.evalbench.core.io.IoWords;
import dev.evalbench.core.service.RequestException;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.WorkspaceException;
import picocli.CommandLine;

/**
 * Maps what a command throws to the documented exit codes and a plain message on stderr: bad input is 2 (a
 * history file that is not one this build can read among it), a history or a file the machine fails to read or
 * write is 3. Anything else is a bug: its stack trace is printed, exit 3.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (ex instanceof RequestException re) {
            err.println("error: " + RequestWording.of(re));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof WorkspaceException we) {
            we.errors().forEach(e -> err.println("error: " + e));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof BadInputException bad) {
            err.println("error: " + bad.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof StoreException se) {
            err.println("error: run history: " + se.getMessage());
            // The store's words are the window's too, which has no flags: the command line's way round is said here.
            if (se.isUnusableFile()) err.println("  (or name another history with --db PATH)");
            err.flush();
            // A file that is no history (or not one this build reads) is the input named, as a missing one is; a lock,
            // a full disk or an I/O error is the machine failing.
            return se.isUnusableFile() ? ExitCodes.BAD_INPUT : ExitCodes.INCOMPLETE;
        }
        if (ex instanceof java.io.UncheckedIOException unchecked) ex = unchecked.getCause();
        if (ex instanceof dev.evalbench.core.io.NotAFolderException named) {
            // the output path given has a file where a folder should be: the input named is wrong, nothing was written
            err.println("error: " + named.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof java.io.IOException io) {
            // The disk, a permission, a path: the environment failed, not Evalbench. Stored cases are safe.
            err.println("error: " + IoWords.of(io));
            err.flush();
            return ExitCodes.INCOMPLETE;
        }
        err.println("error: unexpected failure (a bug; please report it):");
        ex.printStackTrace(err);
        err.flush();
        return ExitCodes.INCOMPLETE;
    }
}
