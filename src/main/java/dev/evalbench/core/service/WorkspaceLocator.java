package dev.evalbench.core.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the workspace a request means, the way git finds a repository: the folder the user named, or else the
 * nearest folder holding {@code evalbench.yaml}, starting at the current folder and walking up to the root.
 * Reads the file system only; thread-safe. Failures are {@link RequestException}s on field "workspace" whose
 * reason is one line a person can act on.
 */
public final class WorkspaceLocator {
    private WorkspaceLocator() {}

    /**
     * The workspace folder for a request that must read one.
     *
     * @param given the folder the user named, or null to search from {@code cwd} upwards
     * @param cwd   where the search starts
     * @throws RequestException "no workspace at PATH: no evalbench.yaml", "PATH is a file, not a workspace
     *                          folder", or "no workspace here or in a parent folder" when the search finds none
     */
    public static Path locate(Path given, Path cwd) throws RequestException {
        if (given != null) return check(given);
        return discover(cwd).orElseThrow(() -> new RequestException("workspace", null,
                "no workspace in " + cwd.toAbsolutePath().normalize() + " or a parent folder: no " + GateService.MANIFEST));
    }

    /** The folder the user named, checked; or the discovered one; or empty when neither exists. */
    public static Optional<Path> locateIfAny(Path given, Path cwd) throws RequestException {
        return given != null ? Optional.of(check(given)) : discover(cwd);
    }

    /** The nearest folder from {@code cwd} upwards that holds {@code evalbench.yaml}. */
    public static Optional<Path> discover(Path cwd) {
        Path absolute = cwd.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(GateService.MANIFEST))) {
                // Keep the path as short as the user's view of it: "." rather than an absolute path when it is here.
                return Optional.of(dir.equals(absolute) ? cwd : dir);
            }
        }
        return Optional.empty();
    }

    private static Path check(Path given) throws RequestException {
        if (Files.isRegularFile(given)) {
            throw new RequestException("workspace", given.toString(), given + " is a file, not a workspace folder");
        }
        if (!Files.isDirectory(given)) {
            throw new RequestException("workspace", given.toString(), "no workspace at " + given + ": no such folder");
        }
        if (!Files.isRegularFile(given.resolve(GateService.MANIFEST))) {
            throw new RequestException("workspace", given.toString(), "no workspace at " + given + ": no " + GateService.MANIFEST);
        }
        return given;
    }
}
