package dev.evalbench.app.author;

import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.app.workspace.WorkspaceSession;
import java.util.Map;

/** The parts of the workbench the author's side uses: the task runner, the open workspace, the window, the environment. */
record AuthorParts(TaskRunner runner, WorkspaceSession session, MainWindow window, Map<String, String> env) {}
