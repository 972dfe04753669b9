package dev.evalbench;

import dev.evalbench.app.WorkbenchLauncher;
import dev.evalbench.cli.EvalbenchCommand;

/**
 * Entry point of {@code evalbench.jar}. No arguments (or {@code open DIR}) opens the workbench; anything else
 * is the command line, which never loads JavaFX, so CI machines without a display run it as they are.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("open")) {
            System.exit(WorkbenchLauncher.launch(args, System.getenv(), System.err));
        }
        System.exit(EvalbenchCommand.commandLine().execute(args));
    }
}
