package dev.evalbench.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's hold keeps its workspace's history open across a switch to another workspace, and the history closes once
 * the hold ends; the open workspace's history is the held one while it is open; a history removed on disk is opened
 * anew. Real SQLite files.
 */
class HistoryStoreHoldTest {
    @TempDir
    Path temp;

    @Test
    void aHeldHistoryOutlivesASwitchAndClosesWhenReleased() throws Exception {
        Path first = folder("first");
        Path second = folder("second");
        try (HistoryStore history = new HistoryStore()) {
            history.setFolder(first);
            HistoryStore.Held held = history.hold(first);
            RunStore running = held.store();
            assertThat(history.store()).as("one connection for the open workspace and its run").isSameAs(running);

            history.setFolder(second);
            RunStore other = history.store();
            assertThat(other).isNotSameAs(running);
            assertThat(running.runs(1)).as("the run's history, still open").isEmpty();

            held.close();
            assertThatThrownBy(() -> running.runs(1)).isInstanceOf(StoreException.class);
            assertThat(other.runs(1)).isEmpty();
        }
    }

    @Test
    void aHistoryReleasedWhileItsWorkspaceIsOpenStaysOpenUntilTheSwitch() throws Exception {
        Path first = folder("first");
        Path second = folder("second");
        try (HistoryStore history = new HistoryStore()) {
            history.setFolder(first);
            RunStore open = history.store();
            try (HistoryStore.Held held = history.hold(first)) {
                assertThat(held.store()).isSameAs(open);
            }
            assertThat(open.runs(1)).as("still the open workspace's").isEmpty();
            history.setFolder(second);
            history.store();
            assertThatThrownBy(() -> open.runs(1)).isInstanceOf(StoreException.class);
        }
    }

    /**
     * {@code git clean -fdx} removes the git-ignored {@code .evalbench/} under an open window: the views are told, and
     * the history they and the next run open is a file on disk, not the unlinked one (runs stored there were gone at
     * the window's close, and the command line read "no run history here").
     */
    @Test
    void aHistoryRemovedOnDiskIsOpenedAnewForTheViewsAndTheNextRun() throws Exception {
        Path ws = folder("ws");
        Path file = dev.evalbench.core.store.HistoryLocation.defaultDb(ws);
        try (HistoryStore history = new HistoryStore()) {
            history.setFolder(ws);
            RunStore before = history.store();
            assertThat(history.writtenByOthers()).isFalse();
            deleteTree(dev.evalbench.core.store.HistoryLocation.folder(ws));

            assertThat(history.writtenByOthers()).as("the views read again").isTrue();
            RunStore after = history.store();
            assertThat(after).isNotSameAs(before);
            assertThat(file).isRegularFile();
            try (HistoryStore.Held held = history.hold(ws)) {
                assertThat(held.store()).isSameAs(after);
            }
            assertThat(history.writtenByOthers()).isFalse();

            deleteTree(dev.evalbench.core.store.HistoryLocation.folder(ws));
            try (HistoryStore.Held run = history.hold(ws)) {
                assertThat(run.store()).as("a run started after the removal").isNotSameAs(after);
                assertThat(file).isRegularFile();
            }
        }
    }

    /**
     * A workspace folder moved away while open is not made again by its history (it would stand in the way of the
     * folder's return): its open history is read until it is back, and none is opened for a folder that is not there.
     */
    @Test
    void aWorkspaceFolderMovedAwayIsNotMadeAgainByItsHistory() throws Exception {
        Path ws = folder("ws");
        Path away = temp.resolve("away");
        try (HistoryStore history = new HistoryStore()) {
            history.setFolder(ws);
            RunStore open = history.store();
            Files.move(ws, away);
            assertThat(history.writtenByOthers()).isFalse();
            assertThat(history.store()).isSameAs(open);
            assertThat(ws).doesNotExist();
            Files.move(away, ws);
            assertThat(history.store()).isSameAs(open);

            history.setFolder(temp.resolve("never-made"));
            assertThatThrownBy(history::store).isInstanceOf(StoreException.class).hasMessageEndingWith(
                    "never-made: the workspace folder is gone (moved or deleted)");
            assertThat(temp.resolve("never-made")).doesNotExist();
        }
    }

    /** A hold that outlived the close of every history leaves alone the hold of a run started after it. */
    @Test
    void aHoldReleasedAfterACloseLeavesTheNextRunsHoldAlone() throws Exception {
        Path first = folder("first");
        HistoryStore history = new HistoryStore();
        history.setFolder(first);
        HistoryStore.Held stale = history.hold(first);
        history.close();
        HistoryStore.Held running = history.hold(first);
        stale.close();
        history.setFolder(folder("second"));
        history.store();
        assertThat(running.store().runs(1)).as("the running run's history, still open").isEmpty();
        running.close();
        assertThatThrownBy(() -> running.store().runs(1)).isInstanceOf(StoreException.class);
        history.close();
    }

    private Path folder(String name) throws java.io.IOException {
        return Files.createDirectories(temp.resolve(name));
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
