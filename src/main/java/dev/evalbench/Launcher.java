package dev.evalbench;

import dev.evalbench.cli.EvalbenchCommand;

/**
 * Entry point of {@code evalbench.jar}. With arguments it is the command line, which never loads JavaFX, so
 * CI machines without a display run it as they are.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.exit(EvalbenchCommand.commandLine().execute(args));
    }
}
