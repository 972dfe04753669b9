package dev.evalbench.app.settings;

import java.util.List;

/**
 * The centre tabs a workspace had open when the window last left it (closed, or switched to another workspace):
 * their ids in order ({@code shell/TabMemory}'s "file:prompts/triage.yaml", "run:ID", "compare:FIRST SECOND") and
 * the selected one's (null: none that can be opened again). A plain bean of the settings file.
 */
public final class OpenTabs {
    @com.fasterxml.jackson.annotation.JsonSetter(nulls = com.fasterxml.jackson.annotation.Nulls.SKIP)
    public List<String> ids = List.of();
    public String selected;

    public OpenTabs() {}

    public OpenTabs(List<String> ids, String selected) {
        this.ids = List.copyOf(ids);
        this.selected = selected;
    }
}
