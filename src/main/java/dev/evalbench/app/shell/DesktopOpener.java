package dev.evalbench.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens a document (a file's URI) with the desktop's own handler, and says why when it cannot: {@code xdg-open} on
 * Linux and other Unix desktops, {@code open} on macOS. JavaFX's host services print a stack trace and return
 * when no browser is found, so a click on "Open report.html" did nothing and said nothing on a machine without a
 * handler for HTML files. Windows keeps the host services ({@code fallback}). Blocks while the opener runs (at
 * most {@value #WAIT_SECONDS} s; an opener still running then is taken to have opened it): call it off the FX
 * thread. Stateless.
 */
public final class DesktopOpener implements Consumer<String> {
    static final long WAIT_SECONDS = 10;
    private final List<String> command;
    private final Consumer<String> fallback;

    /** @param fallback what opens documents where no command is known (Windows: the host services) */
    public static DesktopOpener forThisOs(Consumer<String> fallback) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) return new DesktopOpener(List.of(), fallback);
        return new DesktopOpener(List.of(os.startsWith("mac") ? "open" : "xdg-open"), fallback);
    }

    /** @param command the program and its first arguments; the URI is appended (empty: use {@code fallback}) */
    DesktopOpener(List<String> command, Consumer<String> fallback) {
        this.command = List.copyOf(command);
        this.fallback = fallback;
    }

    /** @throws IllegalStateException with what the opener said when it failed or could not be started */
    @Override
    public void accept(String uri) {
        if (command.isEmpty()) {
            fallback.accept(uri);
            return;
        }
        List<String> line = new ArrayList<>(command);
        line.add(uri);
        Process p;
        try {
            p = new ProcessBuilder(line).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " could not be started (" + e.getMessage() + ")");
        }
        try {
            p.getOutputStream().close();
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) return; // still running: it opened a viewer and waits on it
            if (p.exitValue() == 0) return;
            String said = new String(p.getInputStream().readNBytes(2000), StandardCharsets.UTF_8).strip();
            throw new IllegalStateException(command.get(0) + " failed (exit " + p.exitValue() + ")"
                    + (said.isEmpty() ? "" : ": " + said.lines().reduce((a, b) -> b).orElse(said)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " failed: " + e.getMessage());
        }
    }
}
