package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar evalbench.jar} opens the workbench as users open it, from the second window on a machine, in a
 * second JVM that maps (or makes) the window's class archive, on the quick compiler with the JVM's other defaults, and a signal to the
 * process the user started reaches it. The display is a loopback X server that accepts the connection and never
 * answers, so the window's JVM stays up, waiting for it, long enough to be looked at; it never shows a window, so the
 * archive it dumped on the way out is thrown away rather than kept as the window's. (Its FX thread is stuck in that
 * connection, so SIGTERM ends it after the workbench's ten seconds of patience, with the same 143.)
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // own folders and child
class WindowRelaunchTest {
    @TempDir
    Path tmp;

    @Test
    void theWindowOpensInASecondJvmMakingItsArchiveAndASignalToTheLauncherReachesIt() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("cache/evalbench/jvm"));
        Files.createFile(folder.resolve("window-seen")); // a window was opened here before
        try (ServerSocket stalled = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<String> command = new ArrayList<>(List.of(TestJar.java(), "-jar", TestJar.path().toString()));
            ProcessBuilder builder = new ProcessBuilder(TestJar.yielding(command));
            List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "WAYLAND_DISPLAY").forEach(builder.environment()::remove);
            builder.environment().put("DISPLAY", "127.0.0.1:" + (stalled.getLocalPort() - 6000)); // X's port is 6000 + N
            builder.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
            builder.environment().put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
            Process launcher = builder.directory(tmp.toFile()).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("launcher.log").toFile()).start();
            try {
                ProcessHandle window = windowJvm(launcher);
                List<String> args = window.info().arguments().map(List::of).orElseThrow();
                assertThat(args).as("the window's JVM").anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + folder))
                        .contains("-Devalbench.parent=" + launcher.pid(), "-jar")
                        .as("the quick compiler, as the packaged image's window").contains("-XX:TieredStopAtLevel=1")
                        .as("the JVM's collector, not a command's").doesNotContain("-XX:+UseSerialGC", "-Xms128m");
                // It opens the window on the display named: it connects, and waits for an answer that never comes.
                stalled.setSoTimeout(60_000);
                try (java.net.Socket connected = stalled.accept()) {
                    assertThat(connected.isConnected()).isTrue();

                assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(launcher.pid())).start().waitFor()).isZero();
                assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (window.isAlive()) {
                    assertThat(Instant.now()).as("the window's JVM ended with its launcher").isBefore(deadline);
                    Thread.sleep(50);
                }
                    String log = Files.readString(tmp.resolve("launcher.log"));
                    assertThat(launcher.exitValue()).as(log).isEqualTo(143);
                    // JavaFX started (it connected) from the jar's class path, and kept its warning about that to
                    // itself: the user can do nothing about it (app/shell/ClassPathNotice).
                    assertThat(log).doesNotContain("Unsupported JavaFX configuration");
                }
            } finally {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("a window that never showed leaves no archive")
                    .containsExactly("window-seen");
        }
    }

    /**
     * The first window opened on a machine opens in the second JVM too, for the quick compiler (it showed 0.45 s
     * sooner), with no archive to map or make yet; it leaves the mark that has the next window make one. (It opened
     * in the launching JVM on the JVM's defaults, which is what a new user's first start of the quick start met.)
     */
    @Test
    void theFirstWindowOnAMachineOpensInTheSecondJvmWithoutAnArchive() throws Exception {
        Path folder = tmp.resolve("cache/evalbench/jvm");
        try (ServerSocket stalled = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<String> command = new ArrayList<>(List.of(TestJar.java(), "-jar", TestJar.path().toString(), "open"));
            ProcessBuilder builder = new ProcessBuilder(TestJar.yielding(command));
            List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "WAYLAND_DISPLAY").forEach(builder.environment()::remove);
            builder.environment().put("DISPLAY", "127.0.0.1:" + (stalled.getLocalPort() - 6000));
            builder.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
            builder.environment().put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
            Process launcher = builder.directory(tmp.toFile()).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("launcher.log").toFile()).start();
            try {
                List<String> args = windowJvm(launcher).info().arguments().map(List::of).orElseThrow();
                assertThat(args).as("the window's JVM").contains("-XX:TieredStopAtLevel=1", "-Devalbench.parent=" + launcher.pid())
                        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-XX:ArchiveClassesAtExit"));
                assertThat(folder.resolve("window-seen")).as("the mark that has the next window make the archive").exists();
            } finally {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }

    /** The JVM the launcher started for the window, once it is waiting for the display. */
    private static ProcessHandle windowJvm(Process launcher) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            // Only once it runs java: between fork and exec, a child reads as a copy of the launcher.
            Optional<ProcessHandle> child = launcher.children().findFirst();
            if (child.isPresent() && child.get().info().arguments().map(List::of).orElse(List.of()).stream()
                    .anyMatch(a -> a.startsWith("-Devalbench.parent="))) {
                return child.get();
            }
            assertThat(launcher.isAlive()).as("the launcher ended before starting the window's JVM").isTrue();
            assertThat(Instant.now()).as("the launcher started no JVM").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
