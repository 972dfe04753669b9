package dev.evalbench.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar's picocli classes, rewritten at package with stack map frames (packaging/PicocliStackMaps.java):
 * each is a Java 8 class file that loads under the JVM's type-checking verifier, and a class archive made from
 * the jar holds them, so a command maps them instead of parsing and verifying them. Run by failsafe after
 * {@code package}.
 */
class PicocliStackMapsIT {
    private static final Path JAR = Path.of("target/evalbench.jar");

    @TempDir Path tmp;

    @Test
    void everyPicocliClassIsAJava8ClassFileThatVerifies() throws Exception {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (!e.getName().startsWith("picocli/") || !e.getName().endsWith(".class")) continue;
                assertThat(majorVersion(jar, e)).as(e.getName()).isGreaterThanOrEqualTo(52);
                names.add(e.getName().replace('/', '.').substring(0, e.getName().length() - ".class".length()));
            }
        }
        assertThat(names).hasSizeGreaterThan(100).contains("picocli.CommandLine");
        // Initialising a class links it, and linking verifies it: a wrong frame throws VerifyError here.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                assertThat(Class.forName(name, true, loader).getClassLoader()).as(name).isSameAs(loader);
            }
        }
    }

    @Test
    void aClassArchiveMadeFromTheJarHoldsPicocli() throws Exception {
        Path archive = tmp.resolve("evalbench.jsa");
        String dump = java("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=warning", "-jar", JAR.toString(),
                "validate", "workspaces/support-triage");
        assertThat(dump).contains("is valid").doesNotContain("picocli");
        assertThat(archive).isRegularFile();

        String mapped = java("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info", "-jar", JAR.toString(),
                "validate", "workspaces/support-triage");
        assertThat(mapped).contains("picocli.CommandLine source: shared objects file")
                .doesNotContain("picocli.CommandLine source: file:");
    }

    private static int majorVersion(JarFile jar, JarEntry e) throws IOException {
        try (DataInputStream in = new DataInputStream(jar.getInputStream(e))) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            return in.readUnsignedShort();
        }
    }

    /** Runs the JDK's java with {@code args} (its own options, so the command runs in that JVM); output and errors. */
    private String java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        Path log = tmp.resolve("java.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
