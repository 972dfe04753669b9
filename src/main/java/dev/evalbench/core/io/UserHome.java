package dev.evalbench.core.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's home folder as the shell and the docs name it ({@code ~}): {@code $HOME} when it is set to an
 * absolute path, else the JVM's {@code user.home}. The JDK reads {@code user.home} from the password database,
 * not from {@code $HOME}; where the two differ (a CI job or a container that points HOME elsewhere, a test
 * sandbox) keys, settings and caches would otherwise land in a folder the docs' {@code ~/.config/evalbench/keys}
 * does not name. Pure.
 */
public final class UserHome {
    private UserHome() {}

    /**
     * @param env          the environment
     * @param userHomeProperty the JVM's {@code user.home}
     */
    public static Path of(Map<String, String> env, String userHomeProperty) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) return Path.of(home);
        return Path.of(userHomeProperty == null || userHomeProperty.isBlank() ? "." : userHomeProperty);
    }

    /** The home folder for {@code env}, with this JVM's {@code user.home} when HOME does not name one. */
    public static Path of(Map<String, String> env) {
        return of(env, System.getProperty("user.home"));
    }

    /** The home folder of the running process. */
    public static Path current() {
        return of(System.getenv());
    }
}
