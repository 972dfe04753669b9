package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskWorkspaceFilesTest {
    @TempDir Path dir;

    @Test
    void readsAndListsFilesByRelativeSlashPaths() throws Exception {
        Path root = Files.createDirectories(dir.resolve("ws"));
        FixtureWorkspace.write(root, "prompts/b.yaml", "b");
        FixtureWorkspace.write(root, "prompts/a.yaml", "a");
        Files.createDirectories(root.resolve("prompts/sub"));
        DiskWorkspaceFiles files = new DiskWorkspaceFiles(root);

        assertThat(files.list("prompts")).containsExactly("prompts/a.yaml", "prompts/b.yaml");
        assertThat(files.list("missing")).isEmpty();
        assertThat(new String(files.read("./prompts//a.yaml"))).isEqualTo("a");
        assertThat(files.exists("prompts/a.yaml")).isTrue();
        assertThat(files.exists("prompts/sub")).isFalse();
        assertThatThrownBy(() -> files.read("prompts/c.yaml")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void refusesPathsThatLeaveTheRoot() throws Exception {
        Path root = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(dir.resolve("secret.txt"), "outside");
        DiskWorkspaceFiles files = new DiskWorkspaceFiles(root);

        assertThatThrownBy(() -> files.read("../secret.txt")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> files.read("prompts/../../secret.txt")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> files.read(dir.resolve("secret.txt").toString())).isInstanceOf(AccessDeniedException.class);
        assertThat(files.exists("../secret.txt")).isFalse();
    }

    @Test
    void refusesSymbolicLinksLeadingOutside() throws Exception {
        Path root = Files.createDirectories(dir.resolve("ws"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("link.txt"), secret);
        DiskWorkspaceFiles files = new DiskWorkspaceFiles(root);

        assertThatThrownBy(() -> files.read("link.txt")).isInstanceOf(AccessDeniedException.class);
        assertThat(files.list("")).doesNotContain("link.txt");
    }
}
