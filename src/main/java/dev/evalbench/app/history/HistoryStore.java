package dev.evalbench.app.history;

import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.service.HistoryService;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The run history of the open workspace, shared by the launcher, the history list and every results tab: one
 * SQLite store per workspace folder, opened on first use and closed when another folder is opened or the
 * window closes.
 *
 * <p>Threads: {@link #store()} opens files, so it is called from task bodies only, never on the FX thread; it
 * is synchronized, and the store it returns is thread-safe. {@link #changed()} and {@link #touch()} belong to
 * the FX thread: views that list runs refresh when it moves (a run finished or a tag moved, here or in another
 * process: {@link HistoryWatch} asks {@link #writtenByOthers()}).
 */
public final class HistoryStore implements AutoCloseable {
    private final ReadOnlyIntegerWrapper changed = new ReadOnlyIntegerWrapper(this, "changed");
    private volatile Path folder;
    private Path openFor;
    private RunStore store;
    /** The open store's {@link RunStore#writesByOthers()} when last asked (or when opened). */
    private long othersSeen;

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
     * The history of the current workspace folder, created (with its git-ignored folder) when missing. Off
     * the FX thread only.
     *
     * @throws StoreException when no workspace is open or the file cannot be opened
     */
    public synchronized RunStore store() throws StoreException {
        Path want = folder;
        if (want == null) throw new StoreException(NO_WORKSPACE);
        if (store != null && want.equals(openFor)) return store;
        closeQuietly();
        try {
            store = HistoryService.openForWriting(want, null);
        } catch (IOException e) {
            throw new StoreException("cannot create " + HistoryLocation.folder(want) + ": " + e.getMessage(), e);
        }
        openFor = want;
        // From here on, what another process commits is news: the views read the history after this.
        othersSeen = store.writesByOthers();
        return store;
    }

    /**
     * Whether another process (a terminal's {@code evalbench run}, {@code tag} or {@code resume}) committed to
     * the open history since the last call, or since it was opened. False when no history is open: this never
     * opens one. Off the FX thread ({@link HistoryWatch} asks).
     *
     * @throws StoreException when the open history cannot be read
     */
    public synchronized boolean writtenByOthers() throws StoreException {
        if (store == null) return false;
        long now = store.writesByOthers();
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

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (store == null) return;
        try {
            store.close();
        } catch (StoreException e) {
            // Every write was committed when it returned; a failed close loses nothing.
        }
        store = null;
        openFor = null;
    }
}
