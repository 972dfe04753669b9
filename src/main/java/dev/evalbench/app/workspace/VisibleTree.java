package dev.evalbench.app.workspace;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Walks a workspace folder as the window sees it: hidden folders ({@code .evalbench}, {@code .git}) are skipped without
 * being listed, and an entry gone between its folder's listing and the look at it (SQLite's journal beside the history,
 * a checkout's short-lived folder) is passed over, not a failed walk. Blocking (file system): off the UI thread.
 */
final class VisibleTree {
    /** What a walk is told of; each default passes. */
    interface Visitor {
        /** A visible folder; false skips what is under it. */
        default boolean folder(Path dir) throws IOException {
            return true;
        }

        /** A visible regular file, or a link to one. */
        default void file(Path file) {}
    }

    private VisibleTree() {}

    /** Walks {@code from}, a folder of the workspace {@code root} (or the root itself); hidden is said relative to root. */
    static void walk(Path root, Path from, Visitor visitor) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path p, BasicFileAttributes attrs) throws IOException {
                if (!p.equals(root) && WorkspaceFileList.hidden(root.relativize(p))) return FileVisitResult.SKIP_SUBTREE;
                return visitor.folder(p) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                boolean file = attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(p);
                if (file && !WorkspaceFileList.hidden(root.relativize(p))) visitor.file(p);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                if (e instanceof NoSuchFileException && !p.equals(from)) return FileVisitResult.CONTINUE;
                throw e;
            }
        });
    }
}
