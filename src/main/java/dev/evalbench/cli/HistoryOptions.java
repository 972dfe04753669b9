package dev.evalbench.cli;

import dev.evalbench.core.service.HistoryService;
import dev.evalbench.core.service.RequestException;
import dev.evalbench.core.store.LoadedRunStore;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db PATH}: which history a command reads or writes; default {@code <workspace>/.evalbench/history.db}. */
final class HistoryOptions {
    @Option(names = "--db", paramLabel = "PATH", description = "Run history database (default: <workspace>/.evalbench/history.db).")
    Path db;

    /** The workspace a command that reads the history works in: required unless {@code --db} names the history. */
    Path workspace(WorkspaceOption option, Path positional) throws dev.evalbench.core.service.RequestException, BadInputException {
        return db != null ? option.optional(positional) : option.require(positional);
    }

    /** The options that name this history again, for a hint such as "finish it with `evalbench resume RUN ...`". */
    String namedBy(Path workspace) {
        String named = workspace == null ? "" : " --workspace " + workspace;
        return db == null ? named : named + " --db " + db;
    }

    Path dbFor(Path workspace) {
        return HistoryService.dbFile(workspace, db);
    }

    /** Opens the history for writing, creating it (and its git-ignore) when needed. */
    RunStore open(Path workspace) throws StoreException, java.io.IOException {
        return HistoryService.openForWriting(workspace, db);
    }

    /**
     * Opens an existing history read-only, for commands that only read it: works in a folder this user may
     * not write (a shared or archived history) and can never change the file.
     */
    RunStore openReadOnly(Path workspace) throws StoreException, BadInputException {
        try {
            return HistoryService.openReadOnly(workspace, db);
        } catch (RequestException e) {
            throw new BadInputException(e.value() + ": " + e.reason() + " (run `evalbench run` first, or name the workspace with --workspace DIR or the history with --db PATH)");
        }
    }

    /**
     * The history to read beside runs that come from files: the named one ({@code --db}, which must exist), else the
     * workspace's when it has one, else none (an empty store: the files hold everything but the after-run's input
     * snapshots, which only its gates need).
     */
    RunStore openReadOnlyIfAny(Path workspace) throws StoreException, BadInputException {
        if (db == null && (workspace == null || !Files.isRegularFile(HistoryService.dbFile(workspace, null)))) {
            return new LoadedRunStore();
        }
        return openReadOnly(workspace);
    }

    /** Opens an existing history for writing; a missing one is bad input, not an empty history created by a typo. */
    RunStore openExisting(Path workspace) throws StoreException, BadInputException {
        try {
            return HistoryService.openExisting(workspace, db);
        } catch (RequestException e) {
            throw new BadInputException(e.value() + ": " + e.reason() + " (run `evalbench run` first, or name the workspace with --workspace DIR or the history with --db PATH)");
        }
    }
}
