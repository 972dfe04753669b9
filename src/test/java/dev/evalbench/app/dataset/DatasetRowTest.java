package dev.evalbench.app.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.service.StarterWorkspace;
import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case as the dataset table shows it, read from the starter workspace {@code init} writes. */
class DatasetRowTest {
    @TempDir Path temp;

    @Test
    void aProbesExpectationReadsAsTheDatasetSpellsIt() throws Exception {
        Path folder = StarterWorkspace.create(temp.resolve("demo"), "demo").folder();
        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(folder), Map.of());
        SuiteSpec safety = ws.suites().stream().filter(s -> s.name().equals("safety")).findFirst().orElseThrow();
        var mask = OutboundMasks.of(List.of(ws), Map.of());
        // The file says {"forbidden_actions": ["escalate"]}; the table said {"mustReject":false,"forbiddenActions":…}.
        assertThat(DatasetRow.of("safety", safety.cases().get(0), mask).expected())
                .isEqualTo("{\"forbidden_actions\":[\"escalate\"]}");
        assertThat(DatasetRow.of("safety", safety.cases().get(1), mask).expected()).isEqualTo("{}");
    }
}
