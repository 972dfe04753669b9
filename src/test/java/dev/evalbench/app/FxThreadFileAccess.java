package dev.evalbench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Catches the workbench reading or writing a file on the JavaFX application thread, where a slow disk or a
 * network folder would freeze the window (WORKBENCH.md: the FX thread never waits on the file system). Every
 * read and write of the JVM is recorded with its stack (JFR's {@code jdk.FileRead} and {@code jdk.FileWrite},
 * no threshold) while a window test runs; {@link #stop()} names those made on the FX thread from Evalbench's own
 * code. What the toolkit and the JVM read for themselves is left out: classes and resources from the class path
 * (style sheets), fonts, native libraries, the JDK's own files and devices; so is the tests' own code. Stat
 * calls and SQLite's native I/O leave no such event, so this catches reads and writes of the user's files, not
 * every touch of the disk.
 */
final class FxThreadFileAccess {
    /** Where the toolkit and the JVM read their own files: the class path, the JDK, fonts (JavaFX's copies too). */
    private static final List<String> OWN_FILES = ownFiles();

    private final Recording recording = new Recording();
    private final String fxThread;

    private FxThreadFileAccess(String fxThread) {
        this.fxThread = fxThread;
        for (String event : List.of("jdk.FileRead", "jdk.FileWrite")) {
            recording.enable(event).withThreshold(Duration.ZERO).withStackTrace();
        }
        recording.setToDisk(true);
    }

    /** Starts recording; the FX toolkit must be running (its thread's name is read once, on it). */
    static FxThreadFileAccess start() {
        FxThreadFileAccess access = new FxThreadFileAccess(FxWait.read(() -> Thread.currentThread().getName()));
        access.recording.start();
        return access;
    }

    /**
     * Stops recording and returns, one per place, the reads and writes the FX thread made from Evalbench's code
     * (the innermost Evalbench frame, with the file's path); empty when there were none.
     */
    List<String> stop() {
        try {
            recording.stop();
            Path dump = Files.createTempFile("fx-thread-io", ".jfr");
            try {
                recording.dump(dump);
                List<String> found = new ArrayList<>();
                for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
                    String place = onFxThreadFromOurCode(event);
                    if (place != null && !found.contains(place)) found.add(place);
                }
                return found;
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            recording.close();
        }
    }

    private String onFxThread(RecordedEvent event) {
        return event.getThread() == null ? null : event.getThread().getJavaName();
    }

    private String onFxThreadFromOurCode(RecordedEvent event) {
        if (!fxThread.equals(onFxThread(event)) || event.getStackTrace() == null) return null;
        String path = event.getString("path");
        if (path == null || OWN_FILES.stream().anyMatch(path::startsWith) || path.endsWith(".ttf")
                || path.contains("/+JXF")) {
            return null;
        }
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("dev.evalbench.")) continue;
            if (isTestCode(type)) return null;
            String via = frames.stream().limit(8)
                    .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                    .collect(Collectors.joining(" < "));
            return type + "." + frame.getMethod().getName() + ":" + frame.getLineNumber()
                    + " (" + event.getEventType().getName() + " " + path + ") via " + via;
        }
        return null;
    }

    private static List<String> ownFiles() {
        // JavaFX copies its native libraries to ~/.openjfx on first use; /dev/urandom seeds the JDK's random numbers.
        List<String> own = new ArrayList<>(List.of(System.getProperty("java.home"), "/usr/share/fonts", "/dev/",
                Path.of(System.getProperty("user.home"), ".openjfx").toString()));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            own.add(Path.of(entry).toAbsolutePath().toString());
        }
        return own;
    }

    private static boolean isTestCode(String type) {
        try {
            var source = Class.forName(type, false, FxThreadFileAccess.class.getClassLoader())
                    .getProtectionDomain().getCodeSource();
            return source != null && source.getLocation().getPath().contains("test-classes");
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
