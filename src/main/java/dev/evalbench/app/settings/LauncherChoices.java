package dev.evalbench.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The run launcher's choices for one workspace, as the window last had them: the routes and suites ticked (names
 * the workspace may no longer have; the launcher keeps those it still has), concurrency, repeat and cache mode. A
 * plain mutable bean in {@link WorkbenchSettings}; FX thread.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class LauncherChoices {
    public List<String> routes = List.of();
    /** Empty: every suite. */
    public List<String> suites = List.of();
    public int concurrency = 4;
    public int repeat = 1;
    /** "read-write", "read" or "off". */
    public String cache = "read-write";
}
