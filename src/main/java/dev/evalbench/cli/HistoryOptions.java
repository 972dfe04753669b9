package dev.evalbench.cli;

import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db PATH}: which history a command reads or writes; default {@code <workspace>/.evalbench/history.db}. */
final class HistoryOptions {
    @Option(names = "--db", paramLabel = "PATH", description = "Run history database (default: <workspace>/.evalbench/history.db).")
    Path db;

    Path dbFor(Path workspace) {
        return db != null ? db : HistoryLocation.defaultDb(workspace);
    }

    /** Opens the history for writing, creating it (and its git-ignore) when needed. */
    RunStore open(Path workspace) throws StoreException, java.io.IOException {
        return SqliteRunStore.open(db != null ? db : HistoryLocation.prepare(workspace));
    }

    /**
     * Opens an existing history read-only, for commands that only read it: works in a folder this user may
     * not write (a shared or archived history) and can never change the file.
     */
    RunStore openReadOnly(Path workspace) throws StoreException, BadInputException {
        Path file = dbFor(workspace);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no run history here (run `evalbench run` first, or name one with --db)");
        }
        return SqliteRunStore.openReadOnly(file);
    }

    /** Opens an existing history for writing; a missing one is bad input, not an empty history created by a typo. */
    RunStore openExisting(Path workspace) throws StoreException, BadInputException {
        Path file = dbFor(workspace);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no run history here (run `evalbench run` first, or name one with --db)");
        }
        return SqliteRunStore.open(file);
    }
}
