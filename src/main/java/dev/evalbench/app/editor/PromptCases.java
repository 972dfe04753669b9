package dev.evalbench.app.editor;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.PromptTemplate;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cases of every suite that uses a prompt file, read from the workspace's datasets without the render
 * check, so a template the author is still fixing can be previewed against them, and the mask their restricted
 * values go through where the window shows them (as reports and CI outputs mask them). Reads files: call off the
 * UI thread. Empty-handed ({@link Optional#empty()}) when the workspace does not load at all.
 */
final class PromptCases {
    private PromptCases() {}

    /** The cases that use the prompt file, and the workspace's outbound mask. */
    record Found(List<CaseChoice> cases, OutboundMask mask) {}

    static Optional<Found> of(Path workspace, String promptFile, Map<String, String> env) {
        Workspace ws;
        try {
            ws = WorkspaceLoader.load(new DiskWorkspaceFiles(workspace), env);
        } catch (WorkspaceException | RuntimeException e) {
            return Optional.empty();
        }
        List<CaseChoice> cases = new ArrayList<>();
        for (SuiteSpec suite : ws.suites()) {
            PromptTemplate prompt = ws.prompts().get(suite.promptId());
            if (prompt == null || !prompt.file().equals(promptFile)) continue;
            for (EvalCase c : suite.cases()) cases.add(CaseChoice.of(suite.name(), c));
        }
        // Keys never reach a preview (cases carry none), so the mask needs only restricted values and patterns.
        return Optional.of(new Found(cases, OutboundMasks.of(List.of(ws), Map.of())));
    }
}
