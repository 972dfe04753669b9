package dev.evalbench.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code evalbench.jar} for tests that start the real command in a child process: Evalbench's compiled classes
 * and resources with a manifest naming {@code dev.evalbench.Launcher} and a Class-Path of the test run's
 * dependencies, so {@code java -jar evalbench.jar} behaves as the packaged jar does, before Maven's package phase
 * has made it (no shading: a second or so instead of the shade plugin's half minute).
 *
 * <p>Built once per test JVM, under {@code target/test-jar/}, with a class-data-sharing archive beside it
 * ({@link #jvmOptions()}): a child JVM then maps the classes a command loads instead of parsing and verifying
 * them again, which is most of a short command's CPU. The archive changes how fast a child starts, never what it
 * does; if it cannot be made or does not match, the JVM ignores it and loads classes as usual. Thread-safe.
 */
public final class TestJar {
    private static Path jar;
    private static String options;

    private TestJar() {}

    /** The jar, built on first use under {@code target/test-jar/}. */
    public static synchronized Path path() {
        if (jar != null) return jar;
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-jar").toAbsolutePath());
            List<Path> classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(p -> Path.of(p).toAbsolutePath()).filter(p -> !p.toString().contains("test-classes")).toList();
            Path classes = classPath.stream().filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no classes folder on " + classPath));
            // Paths relative to the jar's folder, not file: URIs: the JVM's class-data sharing reads the manifest's
            // Class-Path itself and resolves every entry, even an absolute one, against that folder.
            String manifestClassPath = classPath.stream().filter(p -> !p.equals(classes))
                    .map(p -> relativeUrl(dir, p)).collect(Collectors.joining(" "));
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.evalbench.Launcher");
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, manifestClassPath);
            Path partial = dir.resolve("evalbench.jar.part");
            try (OutputStream out = Files.newOutputStream(partial); JarOutputStream zip = new JarOutputStream(out, manifest)) {
                addTree(zip, classes);
            }
            Path file = dir.resolve("evalbench.jar");
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            jar = file;
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relativeUrl(Path from, Path to) {
        try {
            return new URI(null, null, from.relativize(to).toString().replace(File.separatorChar, '/'), null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(to.toString(), e);
        }
    }

    private static void addTree(JarOutputStream zip, Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(root)) {
                    zip.putNextEntry(new JarEntry(root.relativize(d).toString().replace(File.separatorChar, '/') + "/"));
                    zip.closeEntry();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                zip.putNextEntry(new JarEntry(root.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, zip);
                zip.closeEntry();
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Options for a child JVM running {@link #path()}: the quick compiler only and the serial collector (a
     * command lives seconds; C2 and parallel GC threads cost more CPU than they save), no perf-data file, and the
     * class-data archive, with the JVM's sharing log off (a copy of the jar elsewhere does not match the archive;
     * the JVM then loads classes as usual and would say so on stdout, into output a test reads). The archive is made on first call by running the sample once with
     * {@code -XX:ArchiveClassesAtExit}; if that fails the options simply leave it out.
     */
    public static synchronized String jvmOptions() {
        if (options != null) return options;
        String quick = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";
        Path archive = path().resolveSibling("evalbench.jsa");
        options = quick + (dumpArchive(archive, quick) ? " -XX:SharedArchiveFile=" + archive + " -Xlog:cds*=off" : "");
        return options;
    }

    /** Runs a representative command (a run of the sample) so its classes land in the archive. */
    private static boolean dumpArchive(Path archive, String quick) {
        try {
            Path work = Files.createTempDirectory(path().getParent(), "cds-");
            Path ws = Cli.copySample(work);
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(List.of(quick.split(" ")));
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xshare:auto", "-jar", path().toString(),
                    "run", "--workspace", ws.toString(), "--db", work.resolve("history.db").toString(), "--quiet"));
            Files.deleteIfExists(archive);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("dump.log").toFile()).start();
            return p.waitFor(5, TimeUnit.MINUTES) && Files.isRegularFile(archive);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code command} started at a lower scheduling priority ({@code nice -n 10}, which execs it: same pid, same
     * signals, same behaviour). The docs and recipe sessions and the kill-and-resume children are CPU-bound and
     * nobody waits on them first; the window tests, run one after another in this JVM, are the longest chain of
     * the suite, and while these children took an equal share of the two cores that chain ran 25 s longer than
     * on its own. The children still get whatever the chain leaves.
     */
    public static List<String> yielding(List<String> command) {
        List<String> niced = new ArrayList<>(List.of("nice", "-n", "10"));
        niced.addAll(command);
        return niced;
    }

    /** The {@code java} of the running JVM. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
