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
     * "compare:FIRST SECOND"; {@code shell/TabMemory}), opened again when the app next starts on the same workspace.
     */
    public List<String> openTabs = List.of();
    /** The id of the tab selected at the last close (one of {@link #openTabs}), or null. */
    public String selectedTab;
    /** The run launcher's choices by workspace (its absolute path), as last left there. */
    public Map<String, LauncherChoices> launchers = new LinkedHashMap<>();
}
