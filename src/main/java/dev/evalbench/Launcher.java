package dev.evalbench;

import dev.evalbench.app.WorkbenchLauncher;
import dev.evalbench.cli.EvalbenchCommand;
import java.util.Optional;

/**
 * Entry point of {@code evalbench.jar}. No arguments (or {@code open DIR}, {@code open FILE [FILE]}, or those paths without
 * {@code open}) opens the workbench; anything else
 * is the command line, which never loads JavaFX, so CI machines without a display run it as they are.
 *
 * <p>{@code --version} (or {@code -V}) alone is answered before the command tree is built: picocli builds its
 * model of every command by reflection, about a thousand classes and most of a second on a busy 2-core machine,
 * and scripts ask for the version often. The text is the one {@code EvalbenchCommand}'s version provider prints.
 *
 * <p>Any other command started as {@code java -jar evalbench.jar ...} runs in a child JVM with the packaged
 * image's options ({@link CommandJvm}); the workbench runs on the JVM's collector and heap ({@code app/shell/HeapCeiling}
 * keeps its memory in check), in a child JVM to map its class archive and run on the quick compiler ({@link WindowJvm}).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] given) {
        String[] args = withOpenWhenNamingPaths(given);
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(EvalbenchCommand.versionText());
            System.exit(0);
        }
        if (args.length == 0 || args[0].equals("open")) {
            // Usage, not a window: answered here, before a second JVM could be started for the window.
            if (WorkbenchLauncher.asksForHelp(args)) System.exit(WorkbenchLauncher.launch(args, System.getenv(), System.err));
            Optional<Integer> windowExit = WindowJvm.runIfWanted(args, System.getenv(), WorkbenchLauncher.displayNamed(System.getenv()));
            if (windowExit.isPresent()) System.exit(windowExit.get());
            ParentWatch.startIfChild();
            System.exit(WorkbenchLauncher.launch(args, System.getenv(), System.err));
        }
        Optional<Integer> childExit = CommandJvm.runIfWanted(args);
        if (childExit.isPresent()) System.exit(childExit.get());
        ParentWatch.startIfChild();
        int exit = EvalbenchCommand.commandLine(System.getenv(), args).execute(args);
        if (Boolean.getBoolean(ClassArchive.MAKING)) ClassArchive.loadOptionalParts();
        System.exit(exit);
    }

    /**
     * {@code args} with {@code open} put first when they name a folder or file to open without it, as {@code code DIR}
     * and {@code idea DIR} do: one or two words, none an option, each an existing path, the first no verb. A verb wins
     * over a folder of its name ({@code evalbench run} runs), and a path that does not exist is left to the command
     * line, which says it is no command. Otherwise {@code args} as given. Costs a command one look at the file system:
     * the verbs' names are read (their classes loaded) only for a first word that is a path.
     */
    static String[] withOpenWhenNamingPaths(String[] args) {
        if (args.length < 1 || args.length > 2 || args[0].equals("open")) return args;
        for (String arg : args) {
            if (arg.startsWith("-") || !exists(arg)) return args;
        }
        if (EvalbenchCommand.isVerb(args[0])) return args;
        String[] opening = new String[args.length + 1];
        opening[0] = "open";
        System.arraycopy(args, 0, opening, 1, args.length);
        return opening;
    }

    private static boolean exists(String path) {
        try {
            return java.nio.file.Files.exists(java.nio.file.Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
