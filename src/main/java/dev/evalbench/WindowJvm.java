package dev.evalbench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the workbench of {@code java -jar evalbench.jar} (no arguments, or {@code open ...}) in a second JVM, because
 * {@code java -jar} cannot carry the options it runs with: the quick compiler alone, as the packaged image's window
 * ({@link #OPTIONS}), and the window's class-data archive once there is one ({@link ClassArchive#windowOptions}; the
 * window shows about 0.6 s sooner, the second JVM's start included: 3.6 s to 3.0 s from the launcher's start to the
 * first frame, seven interleaved starts each, docs/performance.md round 27). It keeps the JVM's collector and heap
 * (but for the heap's pages, below), inherits the terminal, the folder and the environment, and its exit code is
 * this process's.
 *
 * <p>Only where {@link CommandJvm#jarToRelaunch} would relaunch a command and a display is named. The first window
 * opened on a machine maps no archive (it leaves the mark that has the second make one), nor does one whose archive
 * folder cannot be written; both still open in the second JVM, for its compiler. SIGINT,
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
        if (relaunch.isEmpty()) return Optional.empty();
        CommandJvm.Relaunch r = relaunch.get();
        // The first window on a machine has no archive to map (it leaves the mark that makes the second make one),
        // and opens in a second JVM all the same, for the quick compiler: shown about 0.45 s sooner for the 0.1 s
        // the second JVM costs, and the README's quick start is exactly that first window.
        List<String> archiveOptions = r.archive().flatMap(ClassArchive::windowOptions).orElse(List.of());
        Optional<Integer> exit = CommandJvm.run(childCommand(r.java(), r.jar(), archiveOptions, ProcessHandle.current().pid(), args),
                List.of("INT", "TERM", "HUP"));
        r.archive().ifPresent(ClassArchive::afterWindowExit);
        return exit;
    }
}
