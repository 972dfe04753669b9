package dev.evalbench.app.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.io.UserHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The settings file, {@code workbench.json} in the user's config folder: {@code $XDG_CONFIG_HOME/evalbench}
 * or {@code ~/.config/evalbench} (the system property {@code evalbench.config.dir} overrides both, for tests
 * and portable installs). A missing or unreadable file gives defaults: settings are a convenience, never a
 * reason not to start. Writes are atomic. Called off the FX thread.
 */
public final class SettingsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    public static SettingsFile standard(Map<String, String> env) {
        return new SettingsFile(configFolder(env).resolve("workbench.json"));
    }

    /** The user's Evalbench config folder; also where keys are kept by default. */
    public static Path configFolder(Map<String, String> env) {
        String override = System.getProperty("evalbench.config.dir");
        if (override != null && !override.isBlank()) return Path.of(override);
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "evalbench");
        return UserHome.of(env).resolve(".config").resolve("evalbench");
    }

    public Path path() {
        return file;
    }

    /**
     * Serializes default settings to nowhere, so that every class a {@link #save} needs is loaded now: the JVM loads
     * classes from the jar when first used, and a jar replaced in place under the running window (an upgrade, a
     * rebuild) has none of the old ones to give, so the save at close failed with "Type LauncherChoices not
     * present" and the layout was lost. Cheap; any thread.
     */
    public static void rehearseSave() {
        try {
            WorkbenchSettings sample = new WorkbenchSettings();
            sample.launchers.put("", new LauncherChoices());
            JSON.writeValue(java.io.OutputStream.nullOutputStream(), sample);
            dev.evalbench.core.io.AtomicFiles.class.getName();
            dev.evalbench.core.io.OutputFolder.class.getName();
            dev.evalbench.core.io.NotAFolderException.class.getName(); // the verifier of OutputFolder asks for it
        } catch (IOException | RuntimeException e) {
            // A rehearsal: the real save reports its own failures.
        }
    }

    public WorkbenchSettings load() {
        if (!Files.isRegularFile(file)) return new WorkbenchSettings();
        try {
            return JSON.readValue(file.toFile(), WorkbenchSettings.class);
        } catch (IOException e) {
            return new WorkbenchSettings();
        }
    }

    public void save(WorkbenchSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, JSON.writeValueAsBytes(settings));
    }
}
