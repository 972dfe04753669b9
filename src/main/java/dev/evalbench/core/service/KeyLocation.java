package dev.evalbench.core.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where signing keys live by default, and whether a folder lies inside a git work tree (where a private key is
 * one {@code git add} away from being published). Reads the file system only, except
 * {@link #ignoreInFolder}, which writes one {@code .gitignore}. Thread-safe.
 */
public final class KeyLocation {
    private KeyLocation() {}

    /**
     * The user's key folder: {@code $XDG_CONFIG_HOME/evalbench/keys}, else {@code ~/.config/evalbench/keys} on
     * Linux and other Unix systems, {@code ~/Library/Application Support/evalbench/keys} on macOS and
     * {@code %APPDATA%\evalbench\keys} on Windows.
     */
    public static Path defaultFolder(Map<String, String> env, String osName, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "evalbench", "keys");
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") && env.get("APPDATA") != null) return Path.of(env.get("APPDATA"), "evalbench", "keys");
        if (os.contains("mac")) return home.resolve("Library/Application Support/evalbench/keys");
        return home.resolve(".config/evalbench/keys");
    }

    /** The root of the git work tree holding {@code folder} (which may not exist yet), if any. */
    public static Optional<Path> gitWorkTree(Path folder) {
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) return Optional.of(dir);
        }
        return Optional.empty();
    }

    /**
     * Makes git ignore {@code fileName} in {@code folder}: appends it to the folder's {@code .gitignore}
     * (created when missing) unless a line already names it.
     */
    public static void ignoreInFolder(Path folder, String fileName) throws IOException {
        Path ignore = folder.resolve(".gitignore");
        String text = Files.exists(ignore) ? Files.readString(ignore, StandardCharsets.UTF_8) : "";
        if (text.lines().anyMatch(l -> l.strip().equals(fileName) || l.strip().equals("/" + fileName))) return;
        String line = (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "# private signing key: never committed\n" + fileName + "\n";
        Files.writeString(ignore, text + line, StandardCharsets.UTF_8);
    }
}
