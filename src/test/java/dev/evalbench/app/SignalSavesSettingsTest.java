package dev.evalbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.cli.Cli;
import dev.evalbench.cli.TestJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real workbench in a child process (JavaFX's headless platform), ended by SIGTERM as a desktop session ends
 * it when the user logs out: it stops as a closed window does, so the workspace and layout it had are remembered
 * at the next start, and exits with the shell's code for the signal.
 */
class SignalSavesSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermWithTheWindowUpStillWritesTheSettings() throws Exception {
        sigtermWritesTheSettings(System.getProperty("java.class.path"), () -> { });
    }

    /**
     * The same with the jar replaced in place under the running window (an upgrade, or `mvn package` beside it): the
     * classes the close needs were loaded from the jar it started from. It printed "Exception in Application stop
     * method" and "cannot open the workbench", and saved nothing.
     */
    @Test
    void sigtermAfterTheJarWasReplacedInPlaceStillWritesTheSettings() throws Exception {
        Path jar = Files.copy(TestJar.path(), tmp.resolve("evalbench.jar"));
        String monocle = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("openjfx-monocle")).findFirst().orElseThrow();
        String log = sigtermWritesTheSettings(jar + java.io.File.pathSeparator + monocle, () -> {
            // Same file, other bytes: what a package manager or a build writing the jar again does to a running JVM.
            try (var out = Files.newOutputStream(jar, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(Files.readAllBytes(TestJar.path()), 0, 4096);
            }
        });
        assertThat(log).doesNotContain("Exception in Application stop method").doesNotContain("a bug");
    }

    /** Starts the workbench on a copy of the sample, runs {@code meanwhile}, ends it with SIGTERM; returns its output. */
    private String sigtermWritesTheSettings(String classPath, Meanwhile meanwhile) throws Exception {
        Path ws = Cli.copySample(tmp.resolve("sample"));
        Path config = tmp.resolve("config");
        List<String> command = List.of(TestJar.java(), "-cp", classPath,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Devalbench.config.dir=" + config, "dev.evalbench.Launcher", "open", ws.toString());
        Process app = new ProcessBuilder(TestJar.yielding(command)).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("app.log").toFile()).start();
        try {
            // Up once its start has opened the workspace's history.
            Path history = ws.resolve(".evalbench/history.db");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(history) && app.isAlive() && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(history).as(Files.readString(tmp.resolve("app.log"))).exists();
            assertThat(Files.exists(config.resolve("workbench.json"))).as("nothing written while the window is up")
                    .isFalse();
            meanwhile.run();

            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(app.pid())).start().waitFor()).isZero();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the app ended").isTrue();
            assertThat(app.exitValue()).as("the shell's code for SIGTERM").isEqualTo(143);
        } finally {
            app.destroyForcibly();
        }
        String log = Files.readString(tmp.resolve("app.log"));
        assertThat(config.resolve("workbench.json")).as(log).exists();
        JsonNode saved = dev.evalbench.core.json.Json.MAPPER.readTree(config.resolve("workbench.json").toFile());
        assertThat(Path.of(saved.get("lastWorkspace").asText())).isEqualTo(ws.toAbsolutePath());
        assertThat(saved.get("width").asDouble()).isPositive();
        assertThat(log).doesNotContain("could not remember");
        return log;
    }

    private interface Meanwhile {
        void run() throws Exception;
    }
}
