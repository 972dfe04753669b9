package dev.evalbench.app.history;

import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.service.HistoryService;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The run history of the open workspace, shared by the launcher, the history list and every results tab: one
 * SQLite store per workspace folder, opened on first use and closed when another folder is opened or the
 * window closes, unless a run still {@linkplain #hold holds} it: a run goes on in its workspace's history while
 * another workspace is read (its store was closed under it at the switch, and the run failed part way). A history
 * file removed or replaced on disk ({@code git clean -fdx}) is opened anew at the next read or run.
 *
 * <p>Threads: {@link #store()} and {@link #hold} open files, so they are called from task bodies only, never on
 * the FX thread; they are synchronized, and the stores they return are thread-safe. {@link #changed()} and
 * {@link #touch()} belong to the FX thread: views that list runs refresh when it moves (a run finished or a tag
 * moved, here or in another process: {@link HistoryWatch} asks {@link #writtenByOthers()}).
 */
public final class HistoryStore implements AutoCloseable {
    private final ReadOnlyIntegerWrapper changed = new ReadOnlyIntegerWrapper(this, "changed");
    private volatile Path folder;
    /** The folder whose store {@link #store()} last returned, and that store. */
    private Path openFor;
    private RunStore returned;
    /** Each open store, by workspace folder, with the runs holding it. */
    private final Map<Path, Open> opened = new HashMap<>();
    /** The open store's {@link RunStore#writesByOthers()} when last asked (or when opened). */
    private long othersSeen;

    private static final class Open {
        final RunStore store;
        final Path file;
        /** The file's identity when opened ({@link #fileKeyOf}). */
        final Object fileKey;
        int holds;

        Open(RunStore store, Path file, Object fileKey) {
            this.store = store;
            this.file = file;
            this.fileKey = fileKey;
        }

        /**
         * Whether the file opened is still the history on disk: {@code git clean -fdx} removes the git-ignored
         * {@code .evalbench/}, and the window went on writing runs into the unlinked file, gone at its close, while
         * the command line read "no run history here".
         */
        boolean onDisk() {
            Object now = fileKeyOf(file);
            return now != null && now.equals(fileKey);
        }
    }

    /**
     * The file's identity (device and inode here), {@code Boolean.TRUE} for a file of a platform without one (its
     * presence is all that is known), or null when it is gone.
     */
    private static Object fileKeyOf(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : Boolean.TRUE;
        } catch (IOException gone) {
            return null;
        }
    }

    /** The workspace whose history {@link #store()} opens next; the FX thread sets it when a folder opens. */
    public void setFolder(Path workspaceFolder) {
        this.folder = workspaceFolder;
    }

    public Path folder() {
        return folder;
    }

    /** Why there is no history to read, and how to get one. */
    private static final String NO_WORKSPACE = "no workspace is open, so there is no run history to read (Ctrl+O opens one)";

    /**
     * The history of the current workspace folder, created (with its git-ignored folder) when missing; the previous
     * folder's is closed unless a run holds it. Off the FX thread only.
     *
     * @throws StoreException when no workspace is open or the file cannot be opened
     */
    public synchronized RunStore store() throws StoreException {
        Path want = folder;
        if (want == null) throw new StoreException(NO_WORKSPACE);
        RunStore store = open(want);
        if (!want.equals(openFor) || store != returned) {
            returned = store;
            Path left = openFor;
            openFor = want;
            if (left != null && !left.equals(want)) closeUnheld(left);
            // From here on, what another process commits is news: the views read the history after this.
            othersSeen = store.writesByOthers();
        }
        return store;
    }

    /**
     * Holds {@code workspaceFolder}'s history open for a run until the hold is closed, whichever folder is opened
     * meanwhile; the same store as {@link #store()} returns while that folder is the open one. Off the FX thread.
     *
     * @throws StoreException when the file cannot be opened
     */
    public synchronized Held hold(Path workspaceFolder) throws StoreException {
        if (workspaceFolder == null) throw new StoreException(NO_WORKSPACE);
        RunStore store = open(workspaceFolder);
        opened.get(workspaceFolder).holds++;
        return new Held(this, workspaceFolder, store);
    }

    /** Opens and holds the history of a workspace folder for one run, in its task body ({@link #hold}). */
    @FunctionalInterface
    public interface Holds {
        Held hold(Path workspaceFolder) throws Exception;
    }

    /** A run's hold on one workspace's history: {@link #store()} stays open until {@link #close()}. */
    public static final class Held implements AutoCloseable {
        private final HistoryStore owner;
        private final Path folder;
        private final RunStore store;
        private boolean closed;

        private Held(HistoryStore owner, Path folder, RunStore store) {
            this.owner = owner;
            this.folder = folder;
            this.store = store;
        }

        /** A hold on a store nobody closes here (view-model tests own theirs). */
        public static Held of(RunStore store) {
            return new Held(null, null, store);
        }

        public RunStore store() {
            return store;
        }

        /** Releases the hold; the store closes if its folder is no longer the open one and no other run holds it. */
        @Override
        public void close() {
            if (owner == null) return;
            synchronized (owner) {
                if (closed) return;
                closed = true;
                Open open = owner.opened.get(folder);
                // The store it holds, not another opened since for the folder (the window closed all meanwhile).
                if (open == null || open.store != store) return;
                if (--open.holds == 0 && !folder.equals(owner.openFor)) owner.closeUnheld(folder);
            }
        }
    }

    /**
     * The open store of {@code workspaceFolder}'s history, opened anew when its file was removed or replaced since
     * (unless a run holds it: its writes go on where they started).
     */
    private RunStore open(Path workspaceFolder) throws StoreException {
        Open open = opened.get(workspaceFolder);
        // Not when the workspace folder itself went (moved away: the window says so, and it may come back): making
        // its history anew would make the folder again where it was, in the way of its return.
        if (open != null && open.holds == 0 && !open.onDisk() && Files.isDirectory(workspaceFolder)) {
            closeQuietly(workspaceFolder);
            open = null;
        }
        if (open != null) return open.store;
        if (!Files.isDirectory(workspaceFolder)) {
            throw new StoreException(workspaceFolder + ": the workspace folder is gone (moved or deleted)");
        }
        try {
            Path file = HistoryLocation.prepare(workspaceFolder);
            RunStore store = HistoryService.openForWriting(workspaceFolder, file);
            opened.put(workspaceFolder, new Open(store, file, fileKeyOf(file)));
            return store;
        } catch (IOException e) {
            throw new StoreException("cannot create " + HistoryLocation.folder(workspaceFolder) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether another process (a terminal's {@code evalbench run}, {@code tag} or {@code resume}) committed to
     * the open history since the last call, or since it was opened. False when no history is open: this never
     * opens one. Off the FX thread ({@link HistoryWatch} asks).
     *
     * @throws StoreException when the open history cannot be read
     */
    public synchronized boolean writtenByOthers() throws StoreException {
        Open open = openFor == null ? null : opened.get(openFor);
        if (open == null) return false;
        // Removed or replaced: the views read again, and the history they open is the one on disk (unless the whole
        // workspace folder went: the window says that, and the history it had is read until it comes back).
        if (!open.onDisk()) return Files.isDirectory(openFor);
        long now = open.store.writesByOthers();
        boolean moved = now != othersSeen;
        othersSeen = now;
        return moved;
    }

    /** Moves whenever the history changed: a run stored, a tag moved, by this window or (noticed) another process. */
    public ReadOnlyIntegerProperty changed() {
        return changed.getReadOnlyProperty();
    }

    /** Tells the views that list runs to read again. FX thread. */
    public void touch() {
        changed.set(changed.get() + 1);
    }

    /** Closes every open history (the window closes; its runs were stopped before). */
    @Override
    public synchronized void close() {
        for (Path f : new java.util.ArrayList<>(opened.keySet())) closeQuietly(f);
        openFor = null;
    }

    private void closeUnheld(Path workspaceFolder) {
        Open open = opened.get(workspaceFolder);
        if (open != null && open.holds == 0) closeQuietly(workspaceFolder);
    }

    private void closeQuietly(Path workspaceFolder) {
        Open open = opened.remove(workspaceFolder);
        if (open == null) return;
        try {
            open.store.close();
        } catch (StoreException e) {
            // Every write was committed when it returned; a failed close loses nothing.
        }
    }
}
