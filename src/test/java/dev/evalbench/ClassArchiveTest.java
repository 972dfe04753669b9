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
     * A reviewer's machine that never runs: its second compare (or gate, report, verify) makes a reader's archive
     * that later commands use; a run there uses it once, then makes the run's own, which every command uses after.
     */
    @Test
    void whereNoRunWasSeenTheSecondReaderMakesAnArchiveAndARunLaterMakesItsOwn() throws Exception {
        Path jar = Files.writeString(tmp.resolve("evalbench.jar"), "jar");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Path folder = tmp.resolve("cache/evalbench/jvm");

        assertThat(fresh(jar, env).options("history")).as("not a reader").isEmpty();
        assertThat(fresh(jar, env).options("compare")).as("the first reader leaves a mark").isEmpty();
        assertThat(folder.resolve(ClassArchive.READ_SEEN)).exists();
        ClassArchive making = fresh(jar, env);
        List<String> dumping = making.options("verify");
        assertThat(dumping.get(0)).startsWith("-XX:ArchiveClassesAtExit=");
        Files.writeString(Path.of(dumping.get(0).substring("-XX:ArchiveClassesAtExit=".length())), "reader's archive");
        making.afterExit();

        assertThat(archiveIn(fresh(jar, env).options("history"))).hasContent("reader's archive").hasFileName(
                archiveIn(fresh(jar, env).options("gate")).getFileName().toString()).satisfies(p ->
                assertThat(p.getFileName().toString()).endsWith(".reading.jsa"));
        assertThat(archiveIn(fresh(jar, env).options("run"))).as("a first run uses it and makes none").hasContent("reader's archive");
        ClassArchive runMaking = fresh(jar, env);
        List<String> runDumping = runMaking.options("run");
        assertThat(runDumping.get(0)).as("a second run makes its own").startsWith("-XX:ArchiveClassesAtExit=");
        Files.writeString(Path.of(runDumping.get(0).substring("-XX:ArchiveClassesAtExit=".length())), "run's archive");
        runMaking.afterExit();
        assertThat(archiveIn(fresh(jar, env).options("compare"))).hasContent("run's archive");
    }

    /** A CI job's report, compare and verify after its run make nothing: the job's machine is gone after it. */
    @Test
    void whereARunWasSeenReadersMakeNoArchive() throws Exception {
        Path jar = Files.writeString(tmp.resolve("evalbench.jar"), "jar");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        assertThat(fresh(jar, env).options("run")).isEmpty();
        for (String reader : List.of("report", "compare", "verify", "gate")) {
            assertThat(fresh(jar, env).options(reader)).as(reader).isEmpty();
        }
        try (Stream<Path> left = Files.list(tmp.resolve("cache/evalbench/jvm"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(ClassArchive.RUN_SEEN);
        }
    }

    private ClassArchive fresh(Path jar, Map<String, String> env) {
        return ClassArchive.of(jar, "/jdk", "17", env, "Linux", tmp).orElseThrow();
    }

    private static Path archiveIn(List<String> options) {
        assertThat(options).isNotEmpty();
        assertThat(options.get(0)).startsWith("-XX:SharedArchiveFile=");
        return Path.of(options.get(0).substring("-XX:SharedArchiveFile=".length()));
    }

    @Test
    void aRunThatMadeNoArchiveLeavesNothingAndOnlyTheTwoNewestArchivesAreKept() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("cache/evalbench/jvm"));
        for (int i = 1; i <= 3; i++) {
            Files.setLastModifiedTime(Files.writeString(folder.resolve("old" + i + ".jsa"), "x"), FileTime.fromMillis(i * 1_000L));
        }
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
                    .containsExactlyInAnyOrder("old2.jsa", "old3.jsa", ClassArchive.RUN_SEEN);
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
        Files.setLastModifiedTime(Files.writeString(folder.resolve("older.reading.jsa"), "reader's"), FileTime.fromMillis(2_000));

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
                    .contains("run.jsa", "older.reading.jsa", ClassArchive.WINDOW_SEEN, mapped.getFileName().toString())
                    .noneMatch(name -> name.endsWith(".part") || name.endsWith(".shown"));
        }
        assertThat(fresh(jar, env).options("compare")).as("a command never maps the window's archive").isEmpty();
    }
}
