package dev.evalbench.app;

import java.io.PrintStream;
import java.util.Map;

/** Lets tests of other packages call the launcher as {@code Launcher.main} does, without exiting the JVM. */
public final class WorkbenchLauncherAccess {
    private WorkbenchLauncherAccess() {}

    public static int launch(String[] args, Map<String, String> env, PrintStream err) {
        return WorkbenchLauncher.launch(args, env, err);
    }
}
