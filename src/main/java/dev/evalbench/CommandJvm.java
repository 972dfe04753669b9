package dev.evalbench;

import dev.evalbench.core.io.UserHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a command of {@code java -jar evalbench.jar} in a second JVM started with the options the packaged image
 * uses, because {@code java -jar} cannot carry JVM options and the JVM's defaults are made for long-lived servers:
 * on a 2-core machine the optimising compiler and G1's threads cost a seconds-long command about as much CPU as
 * the command's own work, and G1's heap grows with the run (docs/performance.md). The child inherits the
 * terminal, the working folder and the environment; its exit code is this process's.
 *
 * <p>Only when the user left the JVM to us: started as {@code java -jar JAR ...} with no option before
 * {@code -jar}, none of the JVM's option variables set, not on Windows, and not a child already. Any JVM option of
 * the user's ({@code java -Xmx2g -jar ...}) runs the command in that JVM as started.
 *
 * <p>Signals: Ctrl-C at a terminal reaches both processes (one process group); SIGINT or SIGTERM sent to this
 * process alone (CI cancelling a job) is passed on as SIGTERM, which the child treats as it treats Ctrl-C
 * ({@code cli/InterruptGuard} counts the two copies of a terminal's Ctrl-C as one). If this process is killed
 * outright, the child notices within a fraction of a second and stops as a killed process would
 * ({@link ParentWatch}). If the child cannot be started, the command runs here instead.
 */
final class CommandJvm {
    /**
     * The packaged image's collector, compiler and initial heap (packaging/build-image.sh). The serial collector
     * grows the heap with what is live. Its default start (a 64th of RAM) makes a young generation of 100 MB or
     * more that every command fills before its first collection: 234 MB for a 10,000-call run. A 32 MB start
     * collected so often that the same run took 11% more CPU (137 MB). 128 MB costs 1-4% of CPU over the default
     * and peaks at 158 MB (docs/performance.md, round 14). No limit on the heap: {@code java -jar} never had one,
     * and a large run or report must not fail for it.
     */
    static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms128m");
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private CommandJvm() {}

    /**
     * The jar to run the command from in a child JVM, as an absolute path, or empty when the command should run in
     * this JVM.
     *
     * @param processArguments this process's arguments after the {@code java} executable, as the OS reports them
     * @param alreadyChild whether this JVM was started by another Evalbench process
     */
    static Optional<Path> jarToRelaunch(List<String> processArguments, Map<String, String> env, String osName,
            boolean alreadyChild) {
        if (alreadyChild || osName.toLowerCase(Locale.ROOT).startsWith("windows")) return Optional.empty();
        for (String variable : OPTION_VARIABLES) {
            if (!env.getOrDefault(variable, "").isBlank()) return Optional.empty();
        }
        if (processArguments.size() < 2 || !processArguments.get(0).equals("-jar")) return Optional.empty();
        // Absolute: the class archive is named by the jar's absolute path, and the JVM records the class path as the
        // child is given it. Given "target/evalbench.jar", an archive made from the repository's root was refused,
        // silently, by every command started from another folder ("Required classpath entry does not exist"), which
        // then loaded its classes as if there were none: compare of two 10,000-case runs 1.65 s instead of 1.28 s.
        return Optional.of(Path.of(processArguments.get(1)).toAbsolutePath().normalize());
    }

    /**
     * The child's command line.
     *
     * @param archiveOptions the class-data archive's options ({@link ClassArchive#options})
     * @param parentPid this process's id, which the child watches
     */
    static List<String> childCommand(String java, Path jar, List<String> archiveOptions, long parentPid, String[] args) {
        List<String> options = new ArrayList<>(options(HUGE_PAGES));
        options.addAll(archiveOptions);
        return javaCommand(java, options, jar, parentPid, args);
    }

    /** Where Linux says when it gives a process transparent huge pages: "always", "madvise" or "never", the chosen one in brackets. */
    static final Path HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    /**
     * {@link #OPTIONS}, and the heap in transparent huge pages where the kernel gives them to a process that asks
     * ({@code [madvise]} in {@code hugePagesSetting}, the usual default): a command touches its heap's pages once each,
     * and in 4 KB pages that was 29,000 page faults and a third of a second of system CPU for {@code compare} of two
     * 10,000-case runs; in 2 MB pages half the faults, 0.99 s down to 0.88 s (docs/performance.md, round 29). Not
     * asked for elsewhere: with {@code [always]} the heap has them already, with {@code [never]} there are none to
     * ask for, and without the file (not Linux, or a kernel without them) the JVM would warn on every command.
     */
    static List<String> options(Path hugePagesSetting) {
        List<String> options = new ArrayList<>(OPTIONS);
        options.addAll(hugePages(hugePagesSetting));
        return options;
    }

    /** The option that asks for the heap in huge pages where {@code hugePagesSetting} says asking gets them; else none. */
    static List<String> hugePages(Path hugePagesSetting) {
        try {
            return Files.readString(hugePagesSetting).contains("[madvise]") ? List.of("-XX:+UseTransparentHugePages") : List.of();
        } catch (java.io.IOException | RuntimeException unreadable) {
            // No such setting here: the JVM's default pages.
            return List.of();
        }
    }

    /** {@code java OPTIONS -D<parent>=PID -jar JAR ARGS}: a child JVM that watches this process ({@link ParentWatch}). */
    static List<String> javaCommand(String java, List<String> options, Path jar, long parentPid, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-D" + ParentWatch.PROPERTY + "=" + parentPid);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the command in a child JVM if {@link #jarToRelaunch} says so for the running process.
     *
     * @return the child's exit code (128 + the signal's number if a signal ended it), or empty if the command is to
     *     run in this JVM (not wanted, or the child could not be started)
     */
    static Optional<Integer> runIfWanted(String[] args) {
        Optional<Relaunch> relaunch = relaunch(System.getenv());
        if (relaunch.isEmpty()) return Optional.empty();
        Relaunch r = relaunch.get();
        List<String> archiveOptions = r.archive().map(a -> a.options(args.length == 0 ? "" : args[0])).orElse(List.of());
        Optional<Integer> exit = run(childCommand(r.java(), r.jar(), archiveOptions, ProcessHandle.current().pid(), args),
                List.of("INT", "TERM"));
        r.archive().ifPresent(ClassArchive::afterExit);
        return exit;
    }

    /** This process's java executable, the jar to run in a child JVM, and that jar's class archive (if its folder can be). */
    record Relaunch(String java, Path jar, Optional<ClassArchive> archive) {}

    /**
     * What a child JVM of this process would run ({@link #jarToRelaunch} for this process's own command line), or empty
     * when this process should do the work itself: it is a child already, or the OS does not report its command line.
     * Shared by the commands' JVM and the window's ({@link WindowJvm}).
     */
    static Optional<Relaunch> relaunch(Map<String, String> env) {
        // A child knows it is one without asking the OS for its command line, as only the launcher must.
        if (System.getProperty(ParentWatch.PROPERTY) != null) return Optional.empty();
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> java = info.command();
        Optional<String[]> arguments = info.arguments();
        if (java.isEmpty() || arguments.isEmpty()) return Optional.empty();
        String os = System.getProperty("os.name", "");
        Optional<Path> jar = jarToRelaunch(List.of(arguments.get()), env, os, false);
        if (jar.isEmpty()) return Optional.empty();
        return Optional.of(new Relaunch(java.get(), jar.get(), ClassArchive.of(jar.get(), System.getProperty("java.home", ""),
                System.getProperty("java.vm.version", ""), env, os, UserHome.of(env))));
    }

    /**
     * Starts the child, passes {@code signals} on (as SIGTERM), and waits for it; empty if it could not be started.
     */
    static Optional<Integer> run(List<String> command, List<String> signals) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        for (String name : signals) {
            try {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, s -> child.destroy());
                // Ignored when we started (a background job of a script, nohup): the child inherits that and
                // ignores it too, so passing it on would do what the user's shell asked not to.
                if (before == SignalHandler.SIG_IGN) Signal.handle(signal, SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException reserved) {
                // -Xrs or the like: the default handling stays; the child still notices this process is gone.
            }
        }
        while (true) {
            try {
                return Optional.of(child.waitFor());
            } catch (InterruptedException e) {
                // Nothing interrupts the main thread on purpose; keep waiting for the child's verdict.
            }
        }
    }
}
