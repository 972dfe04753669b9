package dev.evalbench.app.author;

import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.app.workspace.WorkspaceSession;
import java.util.Map;

/**
 * The parts of the workbench the author's side uses: the task runner, the open workspace, the window, the
 * environment, where unsaved edits are kept when the app is stopped without asking (null: nowhere), and the
 * list of recent workspaces the settings keep (a new one when the settings are not kept).
 */
record AuthorParts(TaskRunner runner, WorkspaceSession session, MainWindow window, Map<String, String> env,
                   dev.evalbench.app.editor.KeptEdits kept, java.util.List<String> recentWorkspaces) {}
