package dev.evalbench;

/** Entry point of the jar. Wired to the command line once the CLI lands. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.exit(0);
    }
}
