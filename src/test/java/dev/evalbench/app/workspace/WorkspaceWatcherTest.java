package dev.evalbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.fx.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher starts, and keeps watching, while files come and go under it: SQLite's journal files in
 * {@code .evalbench} appear and vanish as the window (or a terminal's run) writes the history, and a git checkout
 * makes and removes folders. A file gone between the folder's listing and its look at it is no reason to stop
 * noticing the workspace's changes.
 */
class WorkspaceWatcherTest {
    @TempDir Path temp;

    @Test
    void startsWhileTheHistorysJournalComesAndGoes() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        Path hidden = Files.createDirectories(ws.resolve(".evalbench"));
        try (FolderChurn churn = new FolderChurn(hidden)) {
            for (int i = 0; i < 300; i++) {
                WorkspaceWatcher.start(ws, new SameThreadTaskRunner(), changed -> { }).close();
            }
        }
    }

    @Test
    void keepsWatchingAfterAFolderThatVanishedAtOnce() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        LinkedBlockingQueue<Set<String>> told = new LinkedBlockingQueue<>();
        try (WorkspaceWatcher watcher = WorkspaceWatcher.start(ws, new SameThreadTaskRunner(), told::add)) {
            // a checkout's short-lived folder: made with files in it and removed while the watcher registers it
            try (FolderChurn churn = new FolderChurn(ws.resolve("datasets"))) {
                Thread.sleep(1500);
            }
            told.clear();
            Thread.sleep(WorkspaceWatcher.QUIET_MS * 2);
            told.clear();
            Files.writeString(ws.resolve("prompts/triage.yaml"), "\n", java.nio.file.StandardOpenOption.APPEND);
            Set<String> next = told.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("the edit after the churn is told").contains("prompts/triage.yaml");
        }
    }
}
