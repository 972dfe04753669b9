package dev.evalbench.app.runner;

import dev.evalbench.app.fx.LatestOnly;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.history.HistoryStore;
import dev.evalbench.app.workspace.WorkspaceSession;
import dev.evalbench.core.service.RevisionReuse;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the open workspace's warnings ({@link WorkspaceSession#warnings()}): first each route that cannot run here, a
 * {@code ${NAME}} in its settings whose variable is unset ({@link Workspace#unsetVariables}, as {@code validate} warns
 * of it), then what only its run history can tell: a prompt whose text changed under a revision a stored run used, a
 * dataset changed under its suite's version ({@link RevisionReuse#placed}), the warnings a run prints. So the author
 * reads them in the Problems panel, at the line to change, before pressing Ctrl+R rather than in a status line after.
 * Read off the FX thread each time the workspace has loaded and each time the history changes (a run of this window
 * or of a terminal); a newer read wins; emptied while the workspace has problems or another one is opening. FX thread.
 */
final class WorkspaceWarnings {
    private WorkspaceWarnings() {}

    static void install(TaskRunner runner, WorkspaceSession session, HistoryStore history) {
        LatestOnly reads = new LatestOnly(runner);
        Runnable refresh = () -> {
            // While a load is under way the workspace may still be the previous folder's: its end reads again.
            if (session.loadingProperty().get()) return;
            Workspace ws = session.workspace();
            if (ws == null || session.folder() == null) {
                reads.cancelPending();
                session.warnings().clear();
                return;
            }
            List<InputError> routes = ws.unsetVariableWarnings();
            reads.submit(() -> {
                List<InputError> all = new ArrayList<>(routes);
                all.addAll(RevisionReuse.placed(ws, history.store()));
                return all;
            }, session.warnings()::setAll,
                    // No history to read (the history list says why): nothing to warn about from it.
                    failure -> session.warnings().setAll(routes));
        };
        session.folderProperty().addListener((o, was, now) -> {
            reads.cancelPending();
            session.warnings().clear();
        });
        session.loadingProperty().addListener((o, was, loading) -> {
            if (!loading) refresh.run();
        });
        history.changed().addListener((o, was, now) -> refresh.run());
        refresh.run();
    }
}
