package dev.evalbench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each workspace's tabs, kept in the real settings file; a file from before (one list of tabs) still reads. */
class TabsByWorkspaceTest {
    @TempDir Path tmp;

    @Test
    void eachWorkspaceKeepsItsTabsAndOnlyTheLastAndRecentOnesAreKept() throws Exception {
        SettingsFile file = new SettingsFile(tmp.resolve("workbench.json"));
        WorkbenchSettings settings = new WorkbenchSettings();
        settings.lastWorkspace = "/w/a";
        settings.recentWorkspaces = new java.util.ArrayList<>(List.of("/w/a", "/w/b"));
        settings.keepTabs("/w/a", new OpenTabs(List.of("file:prompts/triage.yaml", "run:r1"), "run:r1"));
        settings.keepTabs("/w/b", new OpenTabs(List.of("file:prompts/extract.yaml"), null));
        settings.keepTabs("/w/gone", new OpenTabs(List.of("run:r9"), null));
        // A workspace neither last nor recent is forgotten as soon as another's tabs are kept.
        settings.keepTabs("/w/b", new OpenTabs(List.of("file:prompts/extract.yaml", "run:r2"), "run:r2"));
        file.save(settings);

        WorkbenchSettings read = file.load();
        assertThat(read.tabsByWorkspace.keySet()).containsExactly("/w/a", "/w/b");
        assertThat(read.tabsOf("/w/a").ids).containsExactly("file:prompts/triage.yaml", "run:r1");
        assertThat(read.tabsOf("/w/a").selected).isEqualTo("run:r1");
        assertThat(read.tabsOf("/w/b").ids).containsExactly("file:prompts/extract.yaml", "run:r2");
        assertThat(read.tabsOf("/w/c").ids).isEmpty();
    }

    @Test
    void aSettingsFileFromBeforeGivesItsTabsToTheLastWorkspaceOnly() throws Exception {
        Path path = tmp.resolve("workbench.json");
        Files.writeString(path, "{\"lastWorkspace\": \"/w/a\", \"openTabs\": [\"run:r1\"], \"selectedTab\": \"run:r1\"}");
        WorkbenchSettings read = new SettingsFile(path).load();
        assertThat(read.tabsOf("/w/a").ids).containsExactly("run:r1");
        assertThat(read.tabsOf("/w/a").selected).isEqualTo("run:r1");
        assertThat(read.tabsOf("/w/b").ids).isEmpty();
    }
}
