package dev.evalbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where command JVMs' class-data archives go, when one is made or used, and what is kept. */
class ClassArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void theCacheFolderFollowsThePlatform() {
        Path home = Path.of("/home/ada");
        assertThat(ClassArchive.folder(Map.of("XDG_CACHE_HOME", "/c"), "Linux", home)).isEqualTo(Path.of("/c/evalbench/jvm"));
        assertThat(ClassArchive.folder(Map.of(), "Linux", home)).isEqualTo(home.resolve(".cache/evalbench/jvm"));
        assertThat(ClassArchive.folder(Map.of(), "Mac OS X", home)).isEqualTo(home.resolve("Library/Caches/evalbench/jvm"));
    }

    @Test
    void theFirstRunMakesTheArchiveLaterCommandsUseItAndARebuiltJarStartsAgain() throws Exception {
        Path jar = Files.writeString(tmp.resolve("evalbench.jar"), "jar v1");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        ClassArchive archive = ClassArchive.of(jar, "/jdk", "17.0.1", env, "Linux", tmp).orElseThrow();

        assertThat(archive.options("validate")).as("only a run makes the archive").isEmpty();
        assertThat(archive.options("run")).as("not the first run here: a CI machine's only one").isEmpty();
        assertThat(tmp.resolve("cache/evalbench/jvm").resolve(ClassArchive.RUN_SEEN)).exists();
        List<String> dumping = archive.options("run");
        assertThat(dumping).hasSize(3).contains("-Xlog:cds*=off").last().isEqualTo("-D" + ClassArchive.MAKING + "=true");
        Path part = Path.of(dumping.get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        assertThat(part.getParent()).isEqualTo(tmp.resolve("cache/evalbench/jvm"));
        Files.writeString(part, "archive"); // what the JVM writes at exit
        archive.afterExit();
        assertThat(part).doesNotExist();
        List<String> using = ClassArchive.of(jar, "/jdk", "17.0.1", env, "Linux", tmp).orElseThrow().options("gate");
        assertThat(using.get(0)).startsWith("-XX:SharedArchiveFile=").endsWith(".jsa");
        assertThat(Path.of(using.get(0).substring("-XX:SharedArchiveFile=".length()))).hasContent("archive");

        Files.writeString(jar, "jar v2, rebuilt");
        assertThat(ClassArchive.of(jar, "/jdk", "17.0.1", env, "Linux", tmp).orElseThrow().options("gate"))
                .as("another jar: no archive yet").isEmpty();
        assertThat(ClassArchive.of(tmp.resolve("evalbench.jar"), "/other-jdk", "21", env, "Linux", tmp).orElseThrow().options("run").get(0))
                .as("another JDK makes its own, at its first run (runs were seen here)").startsWith("-XX:ArchiveClassesAtExit=");
    }

    /**
     * A reviewer's machine that never runs: the second use of each reader (compare, gate, report, verify) makes that
     * reader's archive, which it maps from then on; other commands, and readers without their own, map one of those;
     * a run there maps one once, then makes the run's own, which the commands without an archive of their own use.
     */
    @Test
    void whereNoRunWasSeenEachReaderMakesItsOwnOnItsSecondUse() throws Exception {
        Path jar = Files.writeString(tmp.resolve("evalbench.jar"), "jar");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Path folder = tmp.resolve("cache/evalbench/jvm");

        assertThat(fresh(jar, env).options("history")).as("not a reader").isEmpty();
        assertThat(fresh(jar, env).options("compare")).as("the first compare leaves a mark").isEmpty();
        assertThat(folder.resolve("compare" + ClassArchive.READER_SEEN_SUFFIX)).exists();
        assertThat(fresh(jar, env).options("verify")).as("so does the first verify").isEmpty();
        make(jar, env, "compare", "compare's archive");

        assertThat(archiveIn(fresh(jar, env).options("compare"))).hasContent("compare's archive")
                .satisfies(p -> assertThat(p.getFileName().toString()).endsWith(".compare.jsa"));
        assertThat(archiveIn(fresh(jar, env).options("history"))).as("a command without its own").hasContent("compare's archive");
        assertThat(archiveIn(fresh(jar, env).options("gate"))).as("a first gate").hasContent("compare's archive");
        make(jar, env, "verify", "verify's archive");
        assertThat(archiveIn(fresh(jar, env).options("verify"))).hasContent("verify's archive");
        assertThat(archiveIn(fresh(jar, env).options("run"))).as("a first run maps a reader's and makes none")
                .hasContent("compare's archive");
        make(jar, env, "run", "run's archive");
        assertThat(archiveIn(fresh(jar, env).options("history"))).hasContent("run's archive");
        assertThat(archiveIn(fresh(jar, env).options("compare"))).as("a reader keeps its own").hasContent("compare's archive");
    }

    /** A CI job's report, compare and verify after its run make nothing: the job's machine is gone after it. */
    @Test
    void whereARunWasSeenButNoRunsArchiveMadeReadersMakeNone() throws Exception {
        Path jar = Files.writeString(tmp.resolve("evalbench.jar"), "jar");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        assertThat(fresh(jar, env).options("run")).isEmpty();
        for (String reader : ClassArchive.READERS) {
            assertThat(fresh(jar, env).options(reader)).as(reader).isEmpty();
            assertThat(fresh(jar, env).options(reader)).as(reader + ", again").isEmpty();
        }
        try (Stream<Path> left = Files.list(tmp.resolve("cache/evalbench/jvm"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".jsa") || name.endsWith(".part"));
        }
    }

    /**
     * Where runs are repeated (the run's archive exists), a reader maps the run's archive the first time and makes its
     * own the second; from then on it maps its own, while the run and the other readers keep theirs. A reader's maker
     * loads nothing beyond its command (the run's maker loads CEL and the HTTP path too).
     */
    @Test
    void whereRunsAreRepeatedEachReaderMakesItsOwnOnItsSecondUse() throws Exception {
        Path jar = Files.writeString(tmp.resolve("evalbench.jar"), "jar");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        assertThat(fresh(jar, env).options("run")).isEmpty();
        make(jar, env, "run", "run's archive");

        assertThat(archiveIn(fresh(jar, env).options("compare"))).as("the first compare").hasContent("run's archive");
        ClassArchive making = fresh(jar, env);
        List<String> dumping = making.options("compare");
        assertThat(dumping).hasSize(2).noneMatch(o -> o.contains(ClassArchive.MAKING));
        Files.writeString(Path.of(dumping.get(0).substring("-XX:ArchiveClassesAtExit=".length())), "compare's archive");
        making.afterExit();

        assertThat(archiveIn(fresh(jar, env).options("compare"))).hasContent("compare's archive");
        assertThat(archiveIn(fresh(jar, env).options("run"))).hasContent("run's archive");
        assertThat(archiveIn(fresh(jar, env).options("gate"))).as("a first gate").hasContent("run's archive");
        assertThat(archiveIn(fresh(jar, env).options("tag"))).hasContent("run's archive");
    }

    /** Makes {@code command}'s archive as the launcher would: the options to dump, the JVM's file, then its exit. */
    private void make(Path jar, Map<String, String> env, String command, String content) throws Exception {
        ClassArchive making = fresh(jar, env);
        List<String> dumping = making.options(command);
        assertThat(dumping).as(command + " makes its archive").isNotEmpty();
        assertThat(dumping.get(0)).startsWith("-XX:ArchiveClassesAtExit=");
        Files.writeString(Path.of(dumping.get(0).substring("-XX:ArchiveClassesAtExit=".length())), content);
        making.afterExit();
    }

    private ClassArchive fresh(Path jar, Map<String, String> env) {
        return ClassArchive.of(jar, "/jdk", "17", env, "Linux", tmp).orElseThrow();
    }

    private static Path archiveIn(List<String> options) {
        assertThat(options).isNotEmpty();
        assertThat(options.get(0)).startsWith("-XX:SharedArchiveFile=");
        return Path.of(options.get(0).substring("-XX:SharedArchiveFile=".length()));
    }

    /**
     * The archives of the two jars that made one last are kept, each jar's run's and readers' together; older jars'
     * go, and so does a reader's archive of an earlier Evalbench ({@code KEY.reading.jsa}), which nothing reads now.
     */
    @Test
    void aRunThatMadeNoArchiveLeavesNothingAndOnlyTheTwoNewestJarsArchivesAreKept() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("cache/evalbench/jvm"));
        for (int i = 1; i <= 3; i++) {
            Files.setLastModifiedTime(Files.writeString(folder.resolve("old" + i + ".jsa"), "x"), FileTime.fromMillis(i * 1_000L));
            Files.setLastModifiedTime(Files.writeString(folder.resolve("old" + i + ".gate.jsa"), "x"), FileTime.fromMillis(i * 1_000L + 10));
        }
        Files.setLastModifiedTime(Files.writeString(folder.resolve("old3.reading.jsa"), "x"), FileTime.fromMillis(3_020L));
        Path stale = Files.writeString(folder.resolve("killed.123.part"), "half");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(0));
        // A window's launcher killed outright leaves its window's mark too.
        Files.setLastModifiedTime(Files.writeString(folder.resolve("killed.124.part.shown"), "shown"), FileTime.fromMillis(0));
        Path jar = Files.writeString(tmp.resolve("evalbench.jar"), "jar");
        Files.createFile(folder.resolve(ClassArchive.RUN_SEEN));
        ClassArchive archive = ClassArchive.of(jar, "/jdk", "17", Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()),
                "Linux", tmp).orElseThrow();
        assertThat(archive.options("run").get(0)).startsWith("-XX:ArchiveClassesAtExit=");
        archive.afterExit(); // the JVM wrote nothing (killed, or the disk was full)
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("old2.jsa", "old2.gate.jsa", "old3.jsa", "old3.gate.jsa", ClassArchive.RUN_SEEN);
        }
    }

    @Test
    void aCommandThatUsedTheArchiveLeavesTheFolderAsItWas() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("cache/evalbench/jvm"));
        Path jar = Files.writeString(tmp.resolve("evalbench.jar"), "jar");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Files.createFile(folder.resolve(ClassArchive.RUN_SEEN));
        ClassArchive making = ClassArchive.of(jar, "/jdk", "17", env, "Linux", tmp).orElseThrow();
        Path part = Path.of(making.options("run").get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(part, "archive");
        making.afterExit();
        Path stale = Files.writeString(folder.resolve("killed.123.part"), "half");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(0));

        ClassArchive using = ClassArchive.of(jar, "/jdk", "17", env, "Linux", tmp).orElseThrow();
        assertThat(using.options("gate").get(0)).startsWith("-XX:SharedArchiveFile=");
        using.afterExit();

        assertThat(stale).as("left for the next run that makes an archive").exists();
    }

    @Test
    void aFolderThatCannotBeMadeMeansNoArchive() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Path jar = Files.writeString(tmp.resolve("evalbench.jar"), "jar");
        ClassArchive archive = ClassArchive.of(jar, "/jdk", "17", Map.of("XDG_CACHE_HOME", file.toString()), "Linux", tmp).orElseThrow();
        assertThat(archive.options("run")).isEmpty();
        assertThat(ClassArchive.of(tmp.resolve("missing.jar"), "/jdk", "17", Map.of(), "Linux", tmp)).isEmpty();
    }

    /**
     * The workbench: the first window opens as started and leaves a mark; the second makes the window's archive, kept
     * only when its window was shown (its JVM leaves a mark for that); later windows map it. A window archive never
     * pushes a command's archives out of the folder.
     */
    @Test
    void theSecondWindowMakesTheWindowsArchiveKeptOnlyIfItShowedAndLaterWindowsMapIt() throws Exception {
        Path jar = Files.writeString(tmp.resolve("evalbench.jar"), "jar");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Path folder = tmp.resolve("cache/evalbench/jvm");
        Files.createDirectories(folder);
        Files.setLastModifiedTime(Files.writeString(folder.resolve("run.jsa"), "run's"), FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(Files.writeString(folder.resolve("older.compare.jsa"), "reader's"), FileTime.fromMillis(2_000));

        assertThat(fresh(jar, env).windowOptions()).as("the first window: as started").isEmpty();
        assertThat(folder.resolve(ClassArchive.WINDOW_SEEN)).exists();

        // A window that never showed (no display reachable, stopped early): its dump is thrown away.
        ClassArchive failed = fresh(jar, env);
        List<String> dumping = failed.windowOptions().orElseThrow();
        assertThat(dumping.get(0)).startsWith("-XX:ArchiveClassesAtExit=");
        assertThat(dumping).contains("-Xlog:cds*=off");
        Path part = Path.of(dumping.get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(part, "a few classes");
        failed.afterWindowExit();
        assertThat(part).doesNotExist();

        ClassArchive making = fresh(jar, env);
        List<String> again = making.windowOptions().orElseThrow();
        Path shown = Path.of(again.stream().filter(o -> o.startsWith("-D" + dev.evalbench.app.WorkbenchLauncher.SHOWN_MARK + "="))
                .findFirst().orElseThrow().substring(("-D" + dev.evalbench.app.WorkbenchLauncher.SHOWN_MARK + "=").length()));
        Files.writeString(Path.of(again.get(0).substring("-XX:ArchiveClassesAtExit=".length())), "the window's classes");
        Files.writeString(shown, "shown"); // what the window's JVM writes once its window has been shown and closed
        making.afterWindowExit();
        assertThat(shown).doesNotExist();

        Path mapped = archiveIn(fresh(jar, env).windowOptions().orElseThrow());
        assertThat(mapped).hasContent("the window's classes");
        assertThat(mapped.getFileName().toString()).endsWith(".window.jsa");
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the commands' archives kept")
                    .contains("run.jsa", "older.compare.jsa", ClassArchive.WINDOW_SEEN, mapped.getFileName().toString())
                    .noneMatch(name -> name.endsWith(".part") || name.endsWith(".shown"));
        }
        assertThat(fresh(jar, env).options("compare")).as("a command never maps the window's archive").isEmpty();
    }
}
