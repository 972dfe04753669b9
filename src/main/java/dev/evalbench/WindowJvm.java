package dev.evalbench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the workbench of {@code java -jar evalbench.jar} (no arguments, or {@code open ...}) in a second JVM that
 * maps the window's class-data archive ({@link ClassArchive#windowOptions}), because {@code java -jar} cannot carry
 * the option that names it. The window shows about 0.6 s sooner, the second JVM's start included (3.6 s to 3.0 s
 * from the launcher's start to the first frame here, seven interleaved starts each; docs/performance.md, round 27).
 * The child runs on the quick compiler alone, as the packaged image's window does ({@link #OPTIONS}), and keeps the
 * JVM's defaults otherwise (but for its heap's pages, below); it inherits the terminal, the folder and the
 * environment, and its exit code is this process's.
 *
 * <p>Only where {@link CommandJvm#jarToRelaunch} would relaunch a command, a display is named, and the archive's
 * folder can be written; the first window opened on a machine opens here as started (it only leaves a mark). SIGINT,
 * SIGTERM and SIGHUP sent to this process alone reach the window as SIGTERM, which saves its layout and closes it
 * (exit 143); if this process is killed outright, the window goes too ({@link ParentWatch}). If the child cannot be
 * started, the window opens here.
 */
final class WindowJvm {
    /**
     * C1 alone, with room for its code. On two cores the optimising compiler made the window's first seconds its
     * own: opening a report folder with its baseline took 10 s of CPU with it and 6 s without; the 10,000-case run's
     * first rows showed in 90-108 ms instead of 146 ms (every row 281-305 ms instead of 421 ms, a case's detail 25 ms
     * instead of 41 ms, 120-140 ms of CPU instead of 280 ms), and the comparison of two 10,000-case runs was no slower
     * (docs/performance.md, round 34). C1 alone gets a 48 MB code cache by default, which the test JVM filled once
     * (the JIT then stops, and a method handle can fail to link); the window reserves 128 MB, as the tests do.
     */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=128m");

    private WindowJvm() {}

    /**
     * The child's command line: the quick compiler ({@link #OPTIONS}), the heap in huge pages where Linux gives them on
     * request ({@link CommandJvm#hugePages}; the window showed 2.44 s → 2.33 s after its JVM's start, six interleaved
     * starts each, docs/performance.md round 29), the archive's options, the launcher's id for {@link ParentWatch},
     * the same arguments.
     */
    static List<String> childCommand(String java, Path jar, List<String> archiveOptions, long parentPid, String[] args) {
        List<String> options = new java.util.ArrayList<>(OPTIONS);
        options.addAll(CommandJvm.hugePages(CommandJvm.HUGE_PAGES));
        options.addAll(archiveOptions);
        return CommandJvm.javaCommand(java, options, jar, parentPid, args);
    }

    /**
     * Opens the window in a child JVM if this process should.
     *
     * @return the child's exit code, or empty if the window is to open in this JVM
     */
    static Optional<Integer> runIfWanted(String[] args, Map<String, String> env, boolean displayNamed) {
        if (!displayNamed) return Optional.empty();
        Optional<CommandJvm.Relaunch> relaunch = CommandJvm.relaunch(env);
        if (relaunch.isEmpty() || relaunch.get().archive().isEmpty()) return Optional.empty();
        CommandJvm.Relaunch r = relaunch.get();
        ClassArchive archive = r.archive().get();
        Optional<List<String>> options = archive.windowOptions();
        if (options.isEmpty()) return Optional.empty();
        Optional<Integer> exit = CommandJvm.run(childCommand(r.java(), r.jar(), options.get(), ProcessHandle.current().pid(), args),
                List.of("INT", "TERM", "HUP"));
        archive.afterWindowExit();
        return exit;
    }
}
