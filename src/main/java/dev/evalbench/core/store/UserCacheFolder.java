package dev.evalbench.core.store;

import dev.evalbench.core.io.UserHome;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's cache folder for Evalbench's own speed-ups (the command JVMs' class archive, SQLite's native
 * library): {@code $XDG_CACHE_HOME/evalbench}, else {@code ~/.cache/evalbench}, and
 * {@code ~/Library/Caches/evalbench} on macOS. Anything in it can be deleted at any time; it is made again.
 * Pure.
 */
public final class UserCacheFolder {
    private UserCacheFolder() {}

    public static Path of(Map<String, String> env, String osName, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "evalbench");
        if (osName.toLowerCase(Locale.ROOT).contains("mac")) return home.resolve("Library/Caches/evalbench");
        return home.resolve(".cache/evalbench");
    }

    /** The folder for the running process. */
    public static Path current() {
        return of(System.getenv(), System.getProperty("os.name", ""), UserHome.current());
    }
}
