package dev.evalbench.core.workspace;

import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A workspace whose suites count every case read from them: for tests of what is read, and when. */
public final class CountedCases {
    private CountedCases() {}

    /** The sample workspace, its cases counted into {@code reads}. */
    public static Workspace ofSample(AtomicInteger reads) throws WorkspaceException {
        return of(WorkspaceLoader.load(new DiskWorkspaceFiles(java.nio.file.Path.of("workspaces/support-triage")), java.util.Map.of()),
                reads);
    }

    /** {@code ws} with each suite's cases counting the cases read from them into {@code reads}. */
    public static Workspace of(Workspace ws, AtomicInteger reads) {
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
