package dev.evalbench.app.runner;

import dev.evalbench.app.settings.LauncherChoices;
import dev.evalbench.app.settings.WorkbenchSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * Remembers the run launcher's choices per workspace in the settings (routes and suites ticked, concurrency,
 * repeat, cache mode): an author who runs on "openai" with the cache off finds it so the next day, and in each
 * workspace its own. Taken when another workspace opens and when the app stops; put back when a workspace opens
 * (the launcher then keeps the routes and suites it still has). FX thread only.
 */
final class LauncherMemory {
    private LauncherMemory() {}

    /**
     * @param folder the open workspace folder (null: none)
     * @param atStop registers work for when the app stops (the settings are written after it)
     */
    static void install(RunLauncherViewModel launcher, ObservableValue<Path> folder, WorkbenchSettings settings,
                        Consumer<Runnable> atStop) {
        Map<String, LauncherChoices> remembered = settings.launchers;
        if (folder.getValue() != null) restore(launcher, remembered.get(key(folder.getValue())));
        folder.addListener((o, was, now) -> {
            if (was != null) remembered.put(key(was), capture(launcher));
            if (now != null) restore(launcher, remembered.get(key(now)));
        });
        atStop.accept(() -> {
            if (folder.getValue() != null) remembered.put(key(folder.getValue()), capture(launcher));
        });
    }

    private static String key(Path folder) {
        return folder.toAbsolutePath().normalize().toString();
    }

    static LauncherChoices capture(RunLauncherViewModel launcher) {
        LauncherChoices c = new LauncherChoices();
        c.routes = List.copyOf(launcher.chosenRoutes());
        c.suites = List.copyOf(launcher.chosenSuites());
        c.concurrency = launcher.concurrencyProperty().get();
        c.repeat = launcher.repeatProperty().get();
        c.cache = launcher.cacheModeProperty().get();
        return c;
    }

    /** Puts {@code c} back; nothing remembered (null) leaves the launcher as it is. Values out of range are skipped. */
    static void restore(RunLauncherViewModel launcher, LauncherChoices c) {
        if (c == null) return;
        launcher.remember(c.routes == null ? List.of() : c.routes, c.suites == null ? List.of() : c.suites);
        if (c.concurrency >= 1) launcher.concurrencyProperty().set(c.concurrency);
        if (c.repeat >= 1) launcher.repeatProperty().set(c.repeat);
        if (List.of("read-write", "read", "off").contains(c.cache)) launcher.cacheModeProperty().set(c.cache);
    }
}
