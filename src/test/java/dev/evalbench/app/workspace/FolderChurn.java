package dev.evalbench.app.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes and removes a folder of files under a parent folder as fast as it can, on a thread of its own, until closed:
 * SQLite's journal beside the history, or a checkout's short-lived folders, at their most hurried.
 */
final class FolderChurn implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    FolderChurn(Path parent) {
        thread = new Thread(() -> {
            Path dir = parent.resolve("churn");
            while (!stop.get()) {
                try {
                    Files.createDirectories(dir.resolve("sub"));
                    for (int i = 0; i < 20; i++) Files.writeString(dir.resolve("sub/f" + i), "x");
                    for (int i = 0; i < 20; i++) Files.delete(dir.resolve("sub/f" + i));
                    Files.delete(dir.resolve("sub"));
                    Files.delete(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, "folder-churn");
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join();
    }
}
