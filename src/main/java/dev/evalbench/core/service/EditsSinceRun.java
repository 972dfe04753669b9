package dev.evalbench.core.service;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.text.Counted;
import dev.evalbench.core.text.Listed;
import dev.evalbench.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The workspace files edited since a run started, which resuming it does not use: a resume runs the remaining cases
 * on the files as the run recorded them (its snapshots), so a run stays one run. Said before a resume, because an
 * author who fixed routes.yaml after the server refused the route (HTTP 404: a model name it did not know) and then
 * resumed met the same refusal, told again to resume. Stateless.
 */
public final class EditsSinceRun {
    /** How many files a note names before it counts the rest. */
    private static final int NAMED = 3;

    private EditsSinceRun() {}

    /**
     * The paths, sorted, whose digest in {@code now} differs from the one in {@code recorded}: changed, removed and
     * added files alike. Empty when either map is null (a run recorded before its inputs were).
     */
    public static List<String> of(Map<String, String> recorded, Map<String, String> now) {
        if (recorded == null || now == null) return List.of();
        TreeSet<String> paths = new TreeSet<>(recorded.keySet());
        paths.addAll(now.keySet());
        List<String> edited = new ArrayList<>();
        for (String path : paths) {
            if (!Objects.equals(recorded.get(path), now.get(path))) edited.add(path);
        }
        return edited;
    }

    /**
     * What to tell before resuming {@code run} from a folder holding {@code current} ("routes.yaml changed since run
     * … started: resume runs its cases on the files as the run recorded them (a new run uses the edits)"), or null
     * when nothing changed or there is no workspace to compare with.
     */
    public static String note(RunHeader run, Workspace current) {
        return current == null ? null : note(run.id(), of(run.inputs(), current.inputDigests()));
    }

    /** The note for files {@code edited} (sorted) since run {@code runId} started; null when there are none. */
    static String note(String runId, List<String> edited) {
        if (edited.isEmpty()) return null;
        return named(edited) + " changed since run " + runId + " started: resume runs its cases on the files as the run"
                + " recorded them (a new run uses the edits)";
    }

    /** "routes.yaml", "a.yaml and b.yaml", "a, b, c and 2 other files". */
    private static String named(List<String> paths) {
        if (paths.size() <= NAMED) return Listed.inWords(paths);
        return String.join(", ", paths.subList(0, NAMED)) + " and " + Counted.of(paths.size() - NAMED, "other file");
    }
}
