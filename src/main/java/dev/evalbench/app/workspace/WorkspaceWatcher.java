package dev.evalbench.app.workspace;

import dev.evalbench.app.fx.TaskRunner;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a workspace folder (and its sub-folders, new ones included; hidden ones such as {@code .evalbench}
 * and {@code .git} are not watched) for files changed outside the app: a git checkout, another editor, or a
 * save here. Changes are debounced (a checkout touching twenty files is one notice, after {@link #QUIET_MS}
 * without further change) and delivered on the UI thread through the task runner as the set of changed files,
 * workspace-relative; the folder itself gone (moved or deleted) or back is a change of no file. One daemon thread
 * per watcher; {@link #close()} stops it.
 */
public final class WorkspaceWatcher implements AutoCloseable {
    static final long QUIET_MS = 300;
    /** How often, while no file changes, the folder itself is looked for (see {@link #loop}). */
    static final long GONE_CHECK_MS = 2000;

    private final Path root;
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Thread thread;

    private WorkspaceWatcher(Path root, TaskRunner runner, Consumer<Set<String>> onChange) throws IOException {
        this.root = root;
        this.service = FileSystems.getDefault().newWatchService();
        registerTree(root);
        this.thread = new Thread(() -> loop(runner, onChange), "evalbench-watch-" + root.getFileName());
        thread.setDaemon(true);
    }

    /** Starts watching {@code root}; {@code onChange} runs on the UI thread. */
    public static WorkspaceWatcher start(Path root, TaskRunner runner, Consumer<Set<String>> onChange) throws IOException {
        WorkspaceWatcher watcher = new WorkspaceWatcher(root, runner, onChange);
        watcher.thread.start();
        return watcher;
    }

    /**
     * Watches {@code dir} and the folders under it, hidden ones left out (not even listed). Files and folders come
     * and go while it looks (SQLite's journal beside the history, a checkout's short-lived folders): one gone between
     * its folder's listing and the look at it is skipped, not a failure that would leave the workspace unwatched.
     */
    private void registerTree(Path dir) throws IOException {
        VisibleTree.walk(root, dir, new VisibleTree.Visitor() {
            @Override
            public boolean folder(Path p) throws IOException {
                try {
                    dirs.put(p.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY), p);
                    return true;
                } catch (NoSuchFileException gone) {
                    return false;
                }
            }
        });
    }

    private void loop(TaskRunner runner, Consumer<Set<String>> onChange) {
        boolean gone = false;
        try {
            while (true) {
                WatchKey first = service.poll(GONE_CHECK_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    // A folder moved away (renamed, or a parent moved) sends no event: the watches follow it to its new
                    // place. So while nothing happens its path is looked at, and its going (or coming back) told once
                    // as a change of no file in particular: the workspace is read again, and says it is gone.
                    boolean now = !Files.isDirectory(root);
                    if (now != gone) runner.onUi(() -> onChange.accept(Set.of()));
                    gone = now;
                    continue;
                }
                Set<String> changed = new LinkedHashSet<>();
                collect(first, changed);
                WatchKey more;
                while ((more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) collect(more, changed);
                if (!changed.isEmpty()) runner.onUi(() -> onChange.accept(Set.copyOf(changed)));
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the workspace was switched or the window closed
        }
    }

    private void collect(WatchKey key, Set<String> changed) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null || !(event.context() instanceof Path name)) continue;
            Path full = dir.resolve(name);
            Path rel = root.relativize(full);
            if (WorkspaceFileList.hidden(rel)) continue;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(full)) {
                try {
                    registerTree(full);
                } catch (IOException e) {
                    // a folder that vanished at once: nothing to watch
                }
            }
            changed.add(rel.toString().replace('\\', '/'));
        }
        if (!key.reset()) dirs.remove(key);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            service.close();
        } catch (IOException e) {
            // closing a watch service only releases OS handles; nothing to tell the user
        }
    }
}
