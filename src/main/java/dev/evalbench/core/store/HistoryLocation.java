package dev.evalbench.core.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a workspace keeps its local run history: {@code <workspace>/.evalbench/history.db}. The folder holds a
 * {@code .gitignore} of {@code *}, so the history (and anything else placed there, such as a cache) stays out
 * of version control even when the workspace's own {@code .gitignore} forgets it.
 */
public final class HistoryLocation {
    public static final String FOLDER = ".evalbench";
    public static final String DB_FILE = "history.db";

    private HistoryLocation() {}

    public static Path folder(Path workspaceRoot) {
        return workspaceRoot.resolve(FOLDER);
    }

    /** The history file's path; touches nothing on disk. */
    public static Path defaultDb(Path workspaceRoot) {
        return folder(workspaceRoot).resolve(DB_FILE);
    }

    /**
     * Creates {@code .evalbench/} when missing and writes its {@code .gitignore} when missing (also when another
     * part created the folder first), then returns {@link #defaultDb}. An existing {@code .gitignore} is left as
     * the user made it. Safe to call every time a history is opened.
     *
     * @throws IOException when the folder or the file cannot be written
     */
    public static Path prepare(Path workspaceRoot) throws IOException {
        Path folder = Files.createDirectories(folder(workspaceRoot));
        Path ignore = folder.resolve(".gitignore");
        if (Files.notExists(ignore)) {
            Files.writeString(ignore, "# Evalbench's local run history and cache: never committed\n*\n",
                    StandardCharsets.UTF_8);
        }
        return defaultDb(workspaceRoot);
    }
}
