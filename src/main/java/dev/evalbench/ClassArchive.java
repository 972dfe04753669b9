package dev.evalbench;

import static dev.evalbench.app.WorkbenchLauncher.SHOWN_MARK;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.cel.ExpressionException;
import dev.evalbench.core.cel.ExpressionScope;
import dev.evalbench.core.cel.ExpressionValues;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.http.HttpPathWarmUp;
import dev.evalbench.core.store.UserCacheFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The class-data archive of command JVMs ({@link CommandJvm}): the classes a run of this jar loads, parsed and
 * verified once and then mapped by every later command, which saves a command about 0.6 s of CPU on a 2-core
 * machine (docs/performance.md). The JDK makes it: the first {@code run} after the jar changed is started with
 * {@code -XX:ArchiveClassesAtExit} (its exit takes a second or two longer, and it needs about 130 MB more),
 * later commands with {@code -XX:SharedArchiveFile}. Not on a machine's very first {@code run}, though: a CI
 * job's machine is new each time, its cache folder empty, and it would pay for an archive no later command
 * uses. The first {@code run} only leaves a mark ({@value #RUN_SEEN}) in the folder; the archive is made by a
 * {@code run} that finds the mark, so only where the folder outlives a command.
 *
 * <p>The commands that read stored runs ({@link #READERS}: {@code compare}, {@code gate}, {@code report},
 * {@code verify}) each get an archive of their own ({@code KEY.compare.jsa} and so on, 10-17 MB), made by the
 * second use of that command: it holds what the command loads and nothing else, and a JVM maps and relocates a
 * 15 MB archive sooner than the run's 38 MB one ({@code compare} of two 10,000-case runs 0.79 s → 0.69 s in its
 * JVM, docs/performance.md, round 32). Where runs are made (a run was seen here) a reader makes its archive only
 * once the run's exists, which shows that this folder outlives a command: a CI job's report, gate and compare
 * after its one run make nothing. On a reviewer's machine, where no run was ever seen, the second use of each
 * reader makes its archive. Until a command has one of its own it maps the run's archive, else a reader's of the
 * same jar, else none; so do the commands with no archive of their own ({@code history}, {@code tag}, ...). An
 * archive that does not match (another JDK, the jar rebuilt) is ignored by the JVM, which then loads classes as
 * usual; the JVM's sharing log is off either way, so nothing reaches the command's output.
 *
 * <p>Archives live in the user's cache folder ({@code $XDG_CACHE_HOME/evalbench/jvm}, else
 * {@code ~/.cache/evalbench/jvm}; {@code ~/Library/Caches/evalbench/jvm} on macOS), named by a hash of the jar's
 * path, size and time and of the JDK (the run's about 38 MB); the commands' archives of the two jars that made one
 * last and the window's newest are kept (its archive, {@link #windowOptions}, about 50 MB). If the folder cannot be written,
 * commands run without an archive. Not thread-safe; used by the launching process's main thread only.
 */
final class ClassArchive {
    static final int KEPT = 2;
    /** The file in the archive folder that says a {@code run} has been here before. */
    static final String RUN_SEEN = "run-seen";
    /** The file that says a reader (one of {@link #READERS}) has been here: {@code READER-seen}. */
    static final String READER_SEEN_SUFFIX = "-seen";
    /** The file that says the workbench has been opened here with this folder writable. */
    static final String WINDOW_SEEN = "window-seen";
    /** The commands that read stored runs and have an archive of their own, in the order another command falls back on theirs. */
    static final List<String> READERS = List.of("compare", "gate", "report", "verify");
    /** The system property that tells the command's JVM it is making the run's archive ({@link #loadOptionalParts}). */
    static final String MAKING = "evalbench.classArchive.making";
    private static final String QUIET = "-Xlog:cds*=off";
    private static final String WINDOW_SUFFIX = ".window.jsa";
    private final Path folder;
    private final String key;
    private final Path archive;
    private final Path windowArchive;
    private final Path dump;
    /** Where the dump goes once the command's JVM has exited, or null when it makes no archive. */
    private Path dumpingTo;

    private ClassArchive(Path folder, String key) {
        this.folder = folder;
        this.key = key;
        this.archive = folder.resolve(key + ".jsa");
        this.windowArchive = folder.resolve(key + WINDOW_SUFFIX);
        this.dump = folder.resolve(key + "." + ProcessHandle.current().pid() + ".part");
    }

    /** The archive of {@code jar} run by the JDK at {@code javaHome}, or empty if the jar cannot be read. */
    static Optional<ClassArchive> of(Path jar, String javaHome, String javaVersion, Map<String, String> env, String osName,
            Path home) {
        try {
            Path absolute = jar.toAbsolutePath().normalize();
            String identity = String.join("\n", absolute.toString(), Long.toString(Files.size(absolute)),
                    Long.toString(Files.getLastModifiedTime(absolute).toMillis()), javaHome, javaVersion);
            return Optional.of(new ClassArchive(folder(env, osName, home), key(identity)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * 24 hex digits naming {@code identity}'s archive: FNV-1a (64 bits) and CRC-32 of its UTF-8 bytes. Not a
     * cryptographic digest: the name only keeps archives of different jars apart, and the JVM checks an archive
     * against the jar and JDK it is given and ignores one that does not match. The first SHA-256 of a process
     * loads the JDK's security providers, 15 ms of the launching JVM before the command's JVM could start.
     */
    static String key(String identity) {
        byte[] bytes = identity.getBytes(StandardCharsets.UTF_8);
        long fnv = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            fnv = (fnv ^ (b & 0xff)) * 0x100000001b3L;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return HexFormat.of().toHexDigits(fnv) + HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /**
     * In the command JVM that makes the archive, after its command: loads what a run may need and this one may not
     * have, so a later command on another workspace maps it instead of loading it from the jar on every start.
     * <ul>
     *   <li>CEL: compiles and evaluates a policy rule as a run does, for a workspace with no rule, check or judge
     *   (0.16 s of the sample's run).</li>
     *   <li>The HTTP path: one call to a loopback server in this process ({@link HttpPathWarmUp}), for a run whose
     *   routes are all offline (the sample's, which a new user runs first): about 200 classes of OkHttp, okio and
     *   Kotlin that every later run of a real model loaded from the jar.</li>
     * </ul>
     * Prints nothing; any failure leaves the archive as the command made it.
     */
    static void loadOptionalParts() {
        try {
            ObjectNode output = JsonNodeFactory.instance.objectNode().put("action", "refund");
            ExpressionScope.forRules(null).compile("output.action != 'refund' || has(vars.order)")
                    .test(Map.of("output", ExpressionValues.of(output), "vars", ExpressionValues.of(JsonNodeFactory.instance.objectNode())));
        } catch (ExpressionException | RuntimeException | LinkageError e) {
            // the archive holds what the command loaded; CEL loads from the jar when needed, as before
        }
        try {
            HttpPathWarmUp.callOnce();
        } catch (IOException | ProviderException | RuntimeException | LinkageError e) {
            // as above: a run of a real model loads what is missing from the jar
        }
    }

    /** The cache folder archives go to. */
    static Path folder(Map<String, String> env, String osName, Path home) {
        return UserCacheFolder.of(env, osName, home).resolve("jvm");
    }

    /**
     * JVM options for a command: its own archive when there is one (the run's for {@code run}, a reader's own for a
     * reader); else make it if this command was seen here before and, for a reader where runs were seen, the run's
     * archive exists; otherwise the run's archive, or a reader's of this jar, or none (and a first use leaves its
     * mark).
     */
    List<String> options(String command) {
        boolean run = command.equals("run");
        Path own = run ? archive : READERS.contains(command) ? readerArchive(command) : null;
        if (own != null && Files.isRegularFile(own)) return using(own);
        List<String> fallback = fallback();
        if (own == null) return fallback;
        if (!run && Files.exists(folder.resolve(RUN_SEEN)) && !Files.isRegularFile(archive)) return fallback;
        if (!seenBefore(run ? RUN_SEEN : command + READER_SEEN_SUFFIX)) return fallback;
        dumpingTo = own;
        // A run's archive serves every command and every workspace, so its maker loads what this run may not have
        // used (loadOptionalParts); a reader's holds what that command loads and nothing more.
        List<String> making = List.of("-XX:ArchiveClassesAtExit=" + dump, QUIET);
        return run ? Stream.concat(making.stream(), Stream.of("-D" + MAKING + "=true")).toList() : making;
    }

    /** The archive a command without one of its own maps: the run's, else the first reader's there is, else none. */
    private List<String> fallback() {
        if (Files.isRegularFile(archive)) return using(archive);
        return READERS.stream().map(this::readerArchive).filter(Files::isRegularFile).findFirst()
                .map(ClassArchive::using).orElse(List.of());
    }

    private Path readerArchive(String command) {
        return folder.resolve(key + "." + command + ".jsa");
    }

    /**
     * JVM options for the workbench's JVM, or empty when the window is to open in the launching JVM as started: the
     * window's archive when there is one; made by the second window opened here (the first leaves
     * {@value #WINDOW_SEEN}), kept only if that window was shown ({@link #afterWindowExit}). The window loads about
     * twice the classes of a command (JavaFX, its skins and CSS), and mapping them shows it about 0.6 s sooner, the
     * second JVM included (docs/performance.md, round 27). Its own file: a window's classes are not a command's.
     */
    Optional<List<String>> windowOptions() {
        if (Files.isRegularFile(windowArchive)) return Optional.of(using(windowArchive));
        if (!seenBefore(WINDOW_SEEN)) return Optional.empty();
        dumpingTo = windowArchive;
        return Optional.of(List.of("-XX:ArchiveClassesAtExit=" + dump, QUIET, "-D" + SHOWN_MARK + "=" + shownMark()));
    }

    /**
     * Whether {@code mark} was already in the archive folder, which can be written: the second time makes the archive.
     * The first time leaves the mark and says no; so does a folder that cannot be made or written (no archive then).
     */
    private boolean seenBefore(String mark) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return false;
        }
        if (!Files.isWritable(folder)) return false;
        Path seen = folder.resolve(mark);
        if (Files.exists(seen)) return true;
        try {
            Files.createFile(seen);
        } catch (IOException e) {
            // Another process made it meanwhile, or the folder went: either way this one makes no archive.
        }
        return false;
    }

    /** The file the window's JVM creates once its window was shown and closed ({@code WorkbenchLauncher.SHOWN_MARK}). */
    private Path shownMark() {
        return dump.resolveSibling(dump.getFileName() + ".shown");
    }

    /**
     * After the workbench's JVM has exited: keeps the archive it made only if its window was shown and then closed
     * (the mark it leaves, {@link #shownMark}). A window that could not open (no display reachable) or was stopped
     * before it showed dumped the few classes it had loaded, which would stand for the window's from then on; that
     * dump is thrown away, and the next window makes the archive.
     */
    void afterWindowExit() {
        if (dumpingTo == null) return;
        boolean shown = Files.exists(shownMark());
        delete(shownMark());
        if (!shown) {
            delete(dump);
            dumpingTo = null;
            return;
        }
        afterExit();
    }

    private static List<String> using(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, QUIET);
    }

    /**
     * After the command's JVM has exited: keeps the archive it made, if it was to make one, and removes older
     * archives and parts left by killed commands. A command that used an archive, or ran without, touches nothing:
     * its launcher exits at once. Failures leave things as they were; the next run tries again.
     */
    void afterExit() {
        if (dumpingTo == null) return;
        try {
            if (Files.isRegularFile(dump) && Files.size(dump) > 0) {
                Files.move(dump, dumpingTo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(dump);
            prune();
        } catch (IOException | RuntimeException e) {
            // A full disk or a folder another process cleans: the command ran; its archive is a nicety.
        }
    }

    private void prune() throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            all.stream().filter(p -> p.getFileName().toString().endsWith(".part") || p.getFileName().toString().endsWith(".shown"))
                    .filter(p -> modified(p).toMillis() < hourAgo).forEach(ClassArchive::delete);
            // The commands' archives of the two jars that wrote one last (a run's and its readers', or two jars'), and
            // the window's newest: a window's archive is not a newer command's, and must not push the run's out. A
            // reader's archive of an earlier Evalbench (KEY.reading.jsa) is read by no one now.
            List<Path> commands = all.stream().filter(p -> p.getFileName().toString().endsWith(".jsa") && !isWindowArchive(p))
                    .sorted(Comparator.comparing(ClassArchive::modified).reversed()).toList();
            List<String> keptKeys = commands.stream().map(ClassArchive::keyOf).distinct().limit(KEPT).toList();
            commands.stream().filter(p -> !keptKeys.contains(keyOf(p)) || p.getFileName().toString().endsWith(".reading.jsa"))
                    .forEach(ClassArchive::delete);
            all.stream().filter(ClassArchive::isWindowArchive)
                    .sorted(Comparator.comparing(ClassArchive::modified).reversed()).skip(1).forEach(ClassArchive::delete);
        }
    }

    /** The jar's key an archive's name starts with ({@code KEY.jsa}, {@code KEY.compare.jsa}). */
    private static String keyOf(Path p) {
        String name = p.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }

    private static boolean isWindowArchive(Path p) {
        return p.getFileName().toString().endsWith(WINDOW_SUFFIX);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // another command removed or holds it; pruning is best effort
        }
    }
}
