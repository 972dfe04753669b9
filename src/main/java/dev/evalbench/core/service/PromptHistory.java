package dev.evalbench.core.service;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.text.LineEnds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every text a prompt file has had that can still be found: the file now, the revisions saved in the
 * workbench ({@link SavedRevisions}), the snapshots stored runs took of
 * it (the workspace's {@code .evalbench/history.db}, only read; a workspace without one has none) and its git
 * commits when the workspace is in a repository. The same text found twice (its line ends aside) is listed once,
 * under the first source of file, runs, git, saved (a run or a commit says more of a text than that it was saved
 * here). Reads files, SQLite and a process: call off the UI thread.
 */
public final class PromptHistory {
    static final int RUNS_READ = 500;
    static final int COMMITS_READ = 100;

    private PromptHistory() {}

    /** Highest revision first; within a revision, newest first. {@code file} is workspace-relative. */
    public static List<PromptVersion> of(Path workspace, String file) throws IOException, StoreException {
        List<PromptVersion> versions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Path onDisk = workspace.resolve(file);
        if (Files.isRegularFile(onDisk)) {
            byte[] bytes = Files.readAllBytes(onDisk);
            add(versions, seen, PromptVersion.Source.FILE, "the file now", Files.getLastModifiedTime(onDisk).toInstant(),
                    file, bytes);
        }
        Path db = HistoryLocation.defaultDb(workspace);
        if (Files.isRegularFile(db)) {
            try (RunStore store = SqliteRunStore.open(db)) {
                for (RunHeader run : store.runs(RUNS_READ)) {
                    String sha = run.inputs() == null ? null : run.inputs().get(file);
                    if (sha == null || seen.contains(sha)) continue;
                    Optional<byte[]> bytes = store.snapshot(sha);
                    if (bytes.isPresent()) add(versions, seen, PromptVersion.Source.RUN, "run " + run.id(), run.startedAt(), file, bytes.get());
                }
            }
        }
        for (GitFileLog.Commit commit : GitFileLog.of(workspace, file, COMMITS_READ)) {
            if (commit.content().isEmpty()) continue;
            add(versions, seen, PromptVersion.Source.GIT, "git " + commit.hash().substring(0, 7) + " " + commit.subject(),
                    commit.when(), file, commit.content().get());
        }
        // Last: a text a run snapshotted or a commit holds is listed as that run's or commit's, which says more.
        for (Path kept : SavedRevisions.of(workspace, file)) {
            add(versions, seen, PromptVersion.Source.SAVED, "saved in the workbench",
                    Files.getLastModifiedTime(kept).toInstant(), file, Files.readAllBytes(kept));
        }
        versions.sort(Comparator.comparingInt(PromptVersion::revision).reversed()
                .thenComparing(PromptVersion::source)
                .thenComparing(PromptVersion::when, Comparator.nullsLast(Comparator.reverseOrder())));
        return versions;
    }

    private static void add(List<PromptVersion> versions, Set<String> seen, PromptVersion.Source source, String origin,
                            Instant when, String file, byte[] read) {
        // in \n alone, as the workspace is read: the file now, checked out with \r\n, is the text its runs took
        byte[] bytes = LineEnds.toLf(read);
        String sha = Digests.sha256(bytes);
        if (!seen.add(sha)) return;
        String text = new String(bytes, StandardCharsets.UTF_8);
        PromptParts parts;
        try {
            parts = PromptParts.parse(file, text);
        } catch (PromptFileException e) {
            parts = null;
        }
        versions.add(new PromptVersion(source, origin, when, sha, text, parts));
    }
}
