package dev.evalbench.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the workbench remembers between sessions: the window, split positions, open tabs, the last and recent workspaces,
 * the theme, the run launcher's choices per workspace. A plain mutable bean owned by the FX thread; {@link SettingsFile} reads and writes it.
 * Unknown fields in the file are ignored, so an older app reads a newer file.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class WorkbenchSettings {
    public double x = Double.NaN;
    public double y = Double.NaN;
    public double width = 1400;
    public double height = 860;
    public boolean maximized;
    /** Divider positions by split pane name ("main", "left", ...), fractions 0..1. */
    public Map<String, double[]> dividers = new LinkedHashMap<>();
    /** Absolute path of the workspace last open. */
    public String lastWorkspace;
    /** The workspaces opened here (absolute paths), the most recent first; {@code author/WorkspaceSwitcher} keeps it. */
    @com.fasterxml.jackson.annotation.JsonSetter(nulls = com.fasterxml.jackson.annotation.Nulls.SKIP)
    public List<String> recentWorkspaces = new java.util.ArrayList<>();
    /** "light" or "dark". */
    public String theme = "light";
    /**
     * Ids of the centre tabs open at the last close, in order ("file:prompts/triage.yaml", "run:ID",
     * "compare:FIRST SECOND"; {@code shell/TabMemory}): the last workspace's, as {@link #tabsByWorkspace} has them too.
     * Still written for an older app, and read where a settings file from before has no {@link #tabsByWorkspace}.
     */
    public List<String> openTabs = List.of();
    /** The id of the tab selected at the last close (one of {@link #openTabs}), or null. */
    public String selectedTab;
    /**
     * The tabs each workspace (its absolute path) had open when the window last left it, closed or switched to
     * another: switching back, or starting there, opens them again. Kept for the last and the recent workspaces only.
     */
    @com.fasterxml.jackson.annotation.JsonSetter(nulls = com.fasterxml.jackson.annotation.Nulls.SKIP)
    public Map<String, OpenTabs> tabsByWorkspace = new LinkedHashMap<>();
    /**
     * The private key file the last report was exported with (absolute path), which a new export form offers first;
     * null for unsigned. A path, never the key: the settings file holds no secret.
     */
    public String signingKey;
    /** The private key file the last report was approved with (absolute path), which the verify form offers first. */
    public String approvingKey;
    /** The run launcher's choices by workspace (its absolute path), as last left there. */
    public Map<String, LauncherChoices> launchers = new LinkedHashMap<>();

    /**
     * The tabs to open again in {@code workspace}: those kept for it, else (a settings file from before tabs were
     * kept per workspace) the last close's when it was the last workspace; none otherwise.
     */
    public OpenTabs tabsOf(String workspace) {
        OpenTabs kept = tabsByWorkspace.get(workspace);
        if (kept != null) return kept;
        return workspace.equals(lastWorkspace) ? new OpenTabs(openTabs, selectedTab) : new OpenTabs();
    }

    /**
     * Keeps {@code tabs} as {@code workspace}'s, and forgets those of workspaces neither last nor recent (the list
     * would otherwise grow with every folder ever opened).
     */
    public void keepTabs(String workspace, OpenTabs tabs) {
        tabsByWorkspace.put(workspace, tabs);
        tabsByWorkspace.keySet().removeIf(w -> !w.equals(workspace) && !w.equals(lastWorkspace)
                && !recentWorkspaces.contains(w));
    }
}
