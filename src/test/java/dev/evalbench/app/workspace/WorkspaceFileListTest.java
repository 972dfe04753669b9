package dev.evalbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace tree's files: grouped as the author works, hidden folders left out, listed while files come and go. */
class WorkspaceFileListTest {
    @TempDir Path temp;

    @Test
    void groupsTheSamplesFilesAndLeavesTheHistoryOut() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        Files.createDirectories(ws.resolve(".evalbench"));
        Files.writeString(ws.resolve(".evalbench/history.db-journal"), "x");
        Files.createSymbolicLink(ws.resolve("prompts/linked.yaml"), ws.resolve("prompts/triage.yaml"));
        // Editors' leavings beside a template: vim's swap file, a backup (gedit, emacs), emacs's autosave.
        for (String left : List.of(".triage.yaml.swp", "triage.yaml~", "#triage.yaml#")) {
            Files.writeString(ws.resolve("prompts").resolve(left), "x");
        }
        List<WorkspaceFileList.Group> groups = WorkspaceFileList.of(ws);
        assertThat(groups.stream().map(WorkspaceFileList.Group::name)).startsWith("prompts", "datasets", "schemas")
                .endsWith("workspace");
        assertThat(groups.get(0).files())
                .containsExactly("prompts/linked.yaml", "prompts/reply-rubric.yaml", "prompts/triage.yaml");
        assertThat(groups.stream().flatMap(g -> g.files().stream())).noneMatch(f -> f.startsWith("."))
                .contains("evalbench.yaml");
    }

    @Test
    void listsWhileTheHistorysJournalAndACheckoutsFoldersComeAndGo() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        List<WorkspaceFileList.Group> quiet = WorkspaceFileList.of(ws);
        Path hidden = Files.createDirectories(ws.resolve(".evalbench"));
        try (FolderChurn journal = new FolderChurn(hidden); FolderChurn checkout = new FolderChurn(ws.resolve("models"))) {
            for (int i = 0; i < 200; i++) {
                List<WorkspaceFileList.Group> listed = WorkspaceFileList.of(ws);
                assertThat(listed.get(0)).isEqualTo(quiet.get(0));
            }
        }
    }
}
