package dev.evalbench.core.service;

import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.store.HistoryLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of every revision the workbench saved, so a revision that was never run nor committed is still in
 * the history after the next save. Kept in the workspace's git-ignored {@code .evalbench/revisions/<file>/},
 * one file per content ({@code <sha256>.yaml}), never changed once written. Blocking file IO; thread-safe.
 */
public final class SavedRevisions {
    private SavedRevisions() {}

    static Path folder(Path workspace, String file) {
        return HistoryLocation.folder(workspace).resolve("revisions").resolve(file);
    }

    /** Keeps {@code text} as a saved revision of {@code file} (a no-op when those bytes are kept already). */
    public static void keep(Path workspace, String file, String text) throws IOException {
        HistoryLocation.prepare(workspace);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path copy = folder(workspace, file).resolve(Digests.sha256(bytes) + ".yaml");
        if (Files.notExists(copy)) {
            Files.createDirectories(copy.getParent());
            AtomicFiles.write(copy, bytes);
        }
    }

    /** Every kept copy of {@code file}; none when nothing was saved here. */
    static List<Path> of(Path workspace, String file) throws IOException {
        Path folder = folder(workspace, file);
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
