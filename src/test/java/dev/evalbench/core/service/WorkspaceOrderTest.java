package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.workspace.CountedCases;
import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a case comes in its workspace, worked out from the cases only when first asked. */
class WorkspaceOrderTest {
    @TempDir Path dir;

    @Test
    void theCasesAreReadWhenAPlaceIsFirstAskedForAndOnlyThen() throws Exception {
        Workspace loaded = WorkspaceLoader.load(new DiskWorkspaceFiles(new ServiceWorkspace(dir).dir), Map.of());
        AtomicInteger reads = new AtomicInteger();
        Workspace ws = CountedCases.of(loaded, reads);
        SuiteSpec first = ws.suites().get(0);
        String secondId = first.cases().get(1).id();
        reads.set(0);

        WorkspaceOrder order = WorkspaceOrder.of(ws);
        assertThat(reads).as("no case read to make the order").hasValue(0);

        assertThat(order.applyAsInt(new CaseKey(first.name(), secondId, first.promptId(), "fake", 0))).isEqualTo(1);
        assertThat(order.applyAsInt(new CaseKey(first.name(), "no-such-case", first.promptId(), "fake", 0)))
                .isEqualTo(Integer.MAX_VALUE);
        int afterFirstAsk = reads.get();
        assertThat(afterFirstAsk).as("every case read once").isEqualTo(ws.suites().stream().mapToInt(s -> s.cases().size()).sum());
        order.applyAsInt(new CaseKey(first.name(), secondId, first.promptId(), "fake", 0));
        assertThat(reads).as("the places are kept").hasValue(afterFirstAsk);
    }
}
