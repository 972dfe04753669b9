package dev.evalbench.app.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a workspace folder as the tree shows them: prompts, datasets and schemas first, then any
 * other folder (models, ...), then the top-level files (manifest, routes, policy, gates) under "workspace";
 * files sorted within each group.
 * Hidden entries ({@code .evalbench}, {@code .git}, editors' backups: {@link #hidden}) are left out. Reads the disk:
 * call off the UI thread.
 */
public final class WorkspaceFileList {
    /** A group of the tree and its files, workspace-relative with '/' separators. */
    public record Group(String name, List<String> files) {}

    static final String TOP = "workspace";
    /** The author's files first, in the order of the loop: templates, their cases, their output schemas. */
    private static final List<String> FIRST = List.of("prompts", "datasets", "schemas");

    private WorkspaceFileList() {}

    public static List<Group> of(Path dir) throws IOException {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(TOP, new ArrayList<>());
        List<Path> found = new ArrayList<>();
        VisibleTree.walk(dir, dir, new VisibleTree.Visitor() {
            @Override
            public void file(Path file) {
                found.add(file);
            }
        });
        found.sort(null);
        for (Path p : found) {
            Path rel = dir.relativize(p);
            String file = rel.toString().replace('\\', '/');
            String group = rel.getNameCount() == 1 ? TOP : rel.getName(0).toString();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(file);
        }
        List<Group> result = new ArrayList<>();
        for (String first : FIRST) {
            List<String> files = groups.remove(first);
            if (files != null) result.add(new Group(first, List.copyOf(files)));
        }
        List<String> top = groups.remove(TOP);
        groups.forEach((name, files) -> result.add(new Group(name, List.copyOf(files))));
        if (!top.isEmpty()) result.add(new Group(TOP, List.copyOf(top)));
        return result;
    }

    /**
     * Hidden: a dot name ({@code .git}, vim's {@code .triage.yaml.swp}), or an editor's backup or autosave beside the
     * file ({@code triage.yaml~}, {@code #triage.yaml#}), which file managers hide too: the tree listed
     * {@code triage.yaml~} under the prompts as if it were one.
     */
    static boolean hidden(Path rel) {
        for (Path part : rel) {
            String name = part.toString();
            if (name.startsWith(".") || name.endsWith("~") || name.length() > 1 && name.startsWith("#") && name.endsWith("#")) {
                return true;
            }
        }
        return false;
    }
}
