package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
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
        Workspace ws = withCounted(loaded, reads);
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

    /** {@code ws} with each suite's cases counting the cases read from them. */
    private static Workspace withCounted(Workspace ws, AtomicInteger reads) {
        List<SuiteSpec> suites = ws.suites().stream().map(s -> new SuiteSpec(s.name(), s.kind(), s.promptId(), s.dataset(),
                s.version(), s.classification(), s.extraction(), s.routing(), s.datasetHash(), counted(s.cases(), reads),
                s.extractionRules(), s.checks(), s.judges())).toList();
        return new Workspace(ws.name(), ws.description(), ws.files(), ws.defaultRoute(), ws.preprocess(), ws.preprocessHash(),
                suites, ws.prompts(), ws.routes(), ws.policy(), ws.gates(), ws.inputDigests());
    }

    private static List<EvalCase> counted(List<EvalCase> cases, AtomicInteger reads) {
        return new AbstractList<>() {
            @Override
            public EvalCase get(int index) {
                reads.incrementAndGet();
                return cases.get(index);
            }

            @Override
            public int size() {
                return cases.size();
            }
        };
    }
}
