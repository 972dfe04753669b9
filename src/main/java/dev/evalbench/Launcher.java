package dev.evalbench;

import dev.evalbench.app.WorkbenchLauncher;
import dev.evalbench.cli.EvalbenchCommand;

/**
 * Entry point of {@code evalbench.jar}. No arguments (or {@code open DIR}, {@code open FILE [FILE]}) opens the workbench; anything else
 * is the command line, which never loads JavaFX, so CI machines without a display run it as they are.
 *
 * <p>{@code --version} (or {@code -V}) alone is answered before the command tree is built: picocli builds its
 * model of every command by reflection, about a thousand classes and most of a second on a busy 2-core machine,
 * and scripts ask for the version often. The text is the one {@code EvalbenchCommand}'s version provider prints.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(EvalbenchCommand.versionText());
            System.exit(0);
        }
        if (args.length == 0 || args[0].equals("open")) {
            System.exit(WorkbenchLauncher.launch(args, System.getenv(), System.err));
        }
        System.exit(EvalbenchCommand.commandLine().execute(args));
    }
}
