package dev.evalbench.core.service;

import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import dev.evalbench.core.workspace.WorkspaceFiles;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace as it would read with one file's text replaced, before anything is written: what the window's editors
 * (a dataset's case, the manifest's versions, a configuration file) check a save against. An edit is refused only for
 * the problems it adds; those the workspace had already do not block it. Blocking file IO and a workspace load per
 * call: off the UI thread. Stateless.
 */
final class EditedWorkspace {
    /** A workspace as loaded, or the loader's reasons to refuse it (then {@code workspace} is null). */
    record Loaded(Workspace workspace, List<InputError> errors) {}

    private EditedWorkspace() {}

    /** The workspace with {@code file} reading {@code text}. */
    static Loaded load(Path workspace, String file, String text, Map<String, String> env) {
        try {
            WorkspaceFiles files = new OneFileEdited(new DiskWorkspaceFiles(workspace), file, text);
            return new Loaded(WorkspaceLoader.load(files, env), List.of());
        } catch (WorkspaceException e) {
            return new Loaded(null, e.errors());
        }
    }

    /**
     * The problems of {@code edited} that {@code before} did not have, in {@code edited}'s order. A problem is matched
     * by its file and words, not its line: an edit moves the lines below it, and a problem it moved is not one it made.
     * Each problem of {@code before} matches one of {@code edited} at most (the same words twice, once before: one new).
     */
    static List<InputError> added(List<InputError> before, List<InputError> edited) {
        Map<String, Integer> had = new HashMap<>();
        for (InputError e : before) had.merge(key(e), 1, Integer::sum);
        List<InputError> added = new ArrayList<>();
        for (InputError e : edited) {
            Integer left = had.get(key(e));
            if (left == null || left == 0) added.add(e);
            else had.put(key(e), left - 1);
        }
        return added;
    }

    private static String key(InputError e) {
        return e.file() + '\u0000' + e.message();
    }

    /** A workspace read from disk but for one file, which reads as given. */
    private record OneFileEdited(WorkspaceFiles disk, String file, String text) implements WorkspaceFiles {
        @Override public String describe() { return disk.describe(); }

        @Override
        public byte[] read(String relativePath) throws IOException {
            // As the disk's reader gives a file: each \r\n as \n.
            if (!relativePath.equals(file)) return disk.read(relativePath);
            return dev.evalbench.core.text.LineEnds.toLf(text).getBytes(StandardCharsets.UTF_8);
        }

        @Override public boolean exists(String relativePath) { return relativePath.equals(file) || disk.exists(relativePath); }

        @Override public List<String> list(String relativeDir) throws IOException { return disk.list(relativeDir); }
    }
}
