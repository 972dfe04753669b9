package dev.evalbench.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app image, built once by the documented command ({@code packaging/build-image.sh}, here with
 * {@code --skip-build}: Maven's package phase has just built target/evalbench.jar, which is all the script's
 * build step does) and then used as a person would: its launcher runs {@code validate} on the sample, and
 * opens the workbench without arguments. Run by failsafe after {@code package}.
 *
 * <p>The workbench check runs the image's own launcher, runtime and jar with JavaFX's headless glass platform
 * (Monocle, from the test class path, added to a copy of the launcher's configuration, as TestFX adds it to the
 * tests): the window is up once its start has opened the workspace's history, and the process is still running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedImageIT {
    private static final Path DEST = Path.of("target/it-image");
    private static final Path IMAGE = DEST.resolve("evalbench");
    private static final Path LAUNCHER = IMAGE.resolve("bin/evalbench");
    private static final String SAMPLE = "workspaces/support-triage";

    @TempDir static Path temp;

    @BeforeAll
    static void buildTheImageWithTheDocumentedCommand() throws Exception {
        Result built = run(List.of("bash", "packaging/build-image.sh", "--skip-build", "--dest", DEST.toString()), Map.of(), 600);
        assertThat(built.exit()).as(built.output()).isZero();
        assertThat(LAUNCHER).isExecutable();
        assertThat(IMAGE.resolve("lib/runtime/bin/java")).isExecutable();
    }

    @Test
    @Order(1)
    void itsLauncherRunsTheCommandLineWithArguments() throws Exception {
        Result validate = run(List.of(LAUNCHER.toString(), "validate", SAMPLE), Map.of(), 120);

        assertThat(validate.exit()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("support-triage is valid: 2 suites (triage, safety), 159 cases");
    }

    /**
     * The image's class archive holds picocli's classes (rewritten with stack maps at package) and what a run adds to
     * them (the run command, its engine, SQLite's driver, the gates: it is recorded by a run of the sample), so they
     * are mapped.
     */
    @Test
    @Order(2)
    void itsClassArchiveHoldsTheCommandLinesClasses() throws Exception {
        Path app = IMAGE.resolve("lib/app").toAbsolutePath();
        Path ws = temp.resolve("archive-check");
        copyTree(Path.of(SAMPLE), ws);
        Result logged = run(List.of(IMAGE.resolve("lib/runtime/bin/java").toString(), "-Xshare:auto",
                "-XX:SharedArchiveFile=" + app.resolve("evalbench.jsa"), "-Xlog:class+load=info",
                "-cp", app.resolve("evalbench.jar").toString(), "dev.evalbench.Launcher", "run", ws.toString(), "--quiet"),
                Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString()), 120);

        assertThat(logged.exit()).as(logged.output()).isIn(0, 1);
        assertThat(logged.output()).contains("picocli.CommandLine source: shared objects file")
                .contains("dev.evalbench.cli.RunCommand source: shared objects file")
                .contains("dev.evalbench.core.run.RunEngine source: shared objects file")
                .contains("org.sqlite.jdbc4.JDBC4Connection source: shared objects file")
                .contains("dev.evalbench.core.gate.GateEvaluator source: shared objects file");
    }

    @Test
    @Order(3)
    void withoutArgumentsAndWithoutADisplayItTriesTheWorkbenchAndSaysWhyNot() throws Exception {
        Result bare = run(List.of(LAUNCHER.toString()), Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""), 120);

        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.output()).contains("cannot open the workbench: no display").doesNotContain("Usage:");
    }

    @Test
    @Order(4)
    void withoutArgumentsItOpensTheWorkbenchHeadless() throws Exception {
        Path ws = temp.resolve("support-triage");
        copyTree(Path.of(SAMPLE), ws);
        Path config = IMAGE.resolve("lib/app/evalbench.cfg");
        Path monocle = Path.of(Class.forName("com.sun.glass.ui.monocle.MonocleApplication")
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.writeString(config, Files.readString(config).replace("[JavaOptions]\n", "[JavaOptions]\n"
                        + "java-options=-Dglass.platform=Monocle\njava-options=-Dmonocle.platform=Headless\n"
                        + "java-options=-Dprism.order=sw\njava-options=-Devalbench.config.dir=" + temp.resolve("config") + "\n")
                .replace("app.classpath=$APPDIR/evalbench.jar\n", "app.classpath=$APPDIR/evalbench.jar\napp.classpath=" + monocle + "\n"),
                StandardCharsets.UTF_8);
        // "open DIR" names the workspace; with no arguments the launcher would open the last one, or the sample.
        // Both go the same way (Launcher: no arguments or "open" -> the workbench); the named copy keeps the
        // checkout's sample free of a history.
        Process app = new ProcessBuilder(LAUNCHER.toString(), "open", ws.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("app.log").toFile()).start();
        try {
            Path history = ws.resolve(".evalbench/history.db");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(history) && app.isAlive() && System.nanoTime() < deadline) Thread.sleep(200);
            String log = Files.readString(temp.resolve("app.log"));
            assertThat(history).as("the window's start opened the workspace history; log:\n" + log).exists();
            Thread.sleep(1000);
            assertThat(app.isAlive()).as("the workbench keeps running; log:\n" + log).isTrue();
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("evalbench-it", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s: "
                        + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log));
        } finally {
            // Read into the result (or the failure) above; nothing of a test run is left in the shared temp folder.
            Files.deleteIfExists(log);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String rel = from.relativize(p).toString();
                if (rel.startsWith(".evalbench")) continue;
                Path target = to.resolve(rel);
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
