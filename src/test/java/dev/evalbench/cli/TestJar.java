package dev.evalbench.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code evalbench.jar} for tests that start the real command in a child process: a jar whose manifest names
 * {@code dev.evalbench.Launcher} and whose Class-Path is the test run's main classes and dependencies. Built
 * once per test JVM (a few milliseconds, no shading), so {@code java -jar evalbench.jar} behaves as the packaged
 * jar does, before Maven's package phase has made it. Thread-safe.
 */
public final class TestJar {
    private static Path jar;

    private TestJar() {}

    /** The jar, built on first use under {@code target/test-jar/}. */
    public static synchronized Path path() {
        if (jar != null) return jar;
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-jar").toAbsolutePath());
            Path file = dir.resolve("evalbench.jar");
            String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(Path::of).filter(p -> !p.toString().contains("test-classes"))
                    .map(p -> p.toAbsolutePath().toUri().toString())
                    .collect(Collectors.joining(" "));
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.evalbench.Launcher");
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
            Path partial = dir.resolve("evalbench.jar.part");
            try (OutputStream out = Files.newOutputStream(partial); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
                // The manifest is the whole jar.
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            jar = file;
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code java} of the running JVM. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
