package dev.evalbench.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every workspace this repository ships (workspaces/NAME with an evalbench.yaml) and the test fixture load
 * without error and render every case, with no environment set: what a fresh checkout gets.
 */
class ShippedWorkspacesTest {
    private static List<Path> workspaces() throws Exception {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of(ShippedWorkspacesTest.class.getResource("/fixtures/minimal-workspace").toURI()));
        Path shipped = Path.of("workspaces");
        if (Files.isDirectory(shipped)) {
            try (Stream<Path> dirs = Files.list(shipped)) {
                dirs.filter(d -> Files.isRegularFile(d.resolve("evalbench.yaml"))).sorted().forEach(roots::add);
            }
        }
        return roots;
    }

    @Test
    void eachLoadsAndEveryCaseRenders() throws Exception {
        PebblePromptRenderer renderer = new PebblePromptRenderer();
        for (Path root : workspaces()) {
            Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

            assertThat(ws.suites()).as("%s has suites", root).isNotEmpty();
            assertThat(WorkspaceValidator.check(ws, renderer)).as("render problems in %s", root).isEmpty();
        }
    }
}
