package dev.evalbench.core.service;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.KeyPlaces;
import dev.evalbench.core.workspace.PromptTemplate;
import dev.evalbench.core.workspace.SuiteVersions;
import dev.evalbench.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prompt files, and the policy, whose text changed since a stored run took them while their revision number stayed
 * the same (edited outside the workbench, whose save always writes a new revision): two texts would both be "triage
 * r4" (or "policy r2") in the history, reports and comparisons, told apart only by SHA-256. Found from the runs'
 * own snapshots of each file, the newest {@link #RUNS_READ} runs. A warning, not an error: the run is valid, and its
 * records carry the hash. Reads the store: call off the UI thread.
 */
public final class RevisionReuse {
    static final int RUNS_READ = 50;

    /** A file of the workspace whose revision {@code revision} was run with another text, by run {@code runId}. */
    public record Reuse(String file, int revision, String runId, boolean changelog) {
        /** The warning, in a user's words. */
        public String sentence() {
            return file + ": " + detail();
        }

        /** The warning without the file it is about. */
        String detail() {
            return "its text differs from the one run " + runId + " used, but both say revision " + revision
                    + "; give the new text revision " + (revision + 1) + (changelog ? " and a changelog line" : "")
                    + ", so the history, reports and comparisons tell them apart";
        }
    }

    private RevisionReuse() {}

    /**
     * Every warning of this kind a run of {@code ws} gives before it starts: prompts that kept their revision, then
     * eval sets that kept their version ({@link EvalSetReuse}), each in a user's words.
     */
    public static List<String> warnings(Workspace ws, RunStore store) throws StoreException {
        // The newest runs' headers are read once, for both kinds.
        List<RunHeader> runs = store.runs(RUNS_READ);
        List<String> warnings = new ArrayList<>();
        for (Reuse reuse : in(ws, store, runs)) warnings.add(reuse.sentence());
        for (EvalSetReuse.Reuse reuse : EvalSetReuse.in(ws, store, runs)) warnings.add(reuse.sentence());
        return warnings;
    }

    /**
     * The same warnings as {@link #warnings}, each placed where it is fixed (the window's Problems panel lists them
     * beside the workspace's errors): a prompt's at its {@code revision} key, an eval set's at its suite's
     * {@code version} key in {@code evalbench.yaml}, as the workspace's files read now (line 0 when a key cannot be
     * found). Reads the store and the files: off the UI thread.
     */
    public static List<InputError> placed(Workspace ws, RunStore store) throws StoreException {
        List<RunHeader> runs = store.runs(RUNS_READ);
        List<InputError> placed = new ArrayList<>();
        for (Reuse reuse : in(ws, store, runs)) {
            placed.add(KeyPlaces.atTopLevelKey(reuse.file(), read(ws, reuse.file()), "revision", reuse.detail()));
        }
        List<EvalSetReuse.Reuse> evalSets = EvalSetReuse.in(ws, store, runs);
        byte[] manifest = evalSets.isEmpty() ? new byte[0] : read(ws, SuiteVersions.FILE);
        for (EvalSetReuse.Reuse reuse : evalSets) {
            placed.add(KeyPlaces.atSuiteKey(manifest, reuse.suite(), "version", reuse.sentence()));
        }
        return placed;
    }

    /** A workspace file's bytes; none when it cannot be read now (the warning then names the file without a line). */
    private static byte[] read(Workspace ws, String file) {
        try {
            return ws.files().read(file);
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    /**
     * One reuse per prompt file at most (the newest run that shows it), in the workspace's prompt order, then the
     * policy's.
     */
    public static List<Reuse> in(Workspace ws, RunStore store) throws StoreException {
        return in(ws, store, store.runs(RUNS_READ));
    }

    /** As {@link #in(Workspace, RunStore)}, over {@code runs} (newest first) already read. */
    static List<Reuse> in(Workspace ws, RunStore store, List<RunHeader> runs) throws StoreException {
        List<Reuse> found = new ArrayList<>();
        for (PromptTemplate prompt : ws.prompts().values()) {
            Set<String> read = new HashSet<>();
            for (RunHeader run : runs) {
                String sha = run.inputs() == null ? null : run.inputs().get(prompt.file());
                if (sha == null || sha.equals(prompt.contentHash()) || !read.add(sha)) continue;
                Optional<byte[]> bytes = store.snapshot(sha);
                if (bytes.isPresent() && PromptRevisions.revisionOf(prompt.file(),
                        new String(bytes.get(), StandardCharsets.UTF_8)) == prompt.revision()) {
                    found.add(new Reuse(prompt.file(), prompt.revision(), run.id(), true));
                    break;
                }
            }
        }
        policyReuse(ws, store, runs).ifPresent(found::add);
        return found;
    }

    /** The policy's reuse, if a run (the newest that shows one) read another text under the revision it gives now. */
    private static Optional<Reuse> policyReuse(Workspace ws, RunStore store, List<RunHeader> runs) throws StoreException {
        // The policy's file is the input its hash is the digest of (evalbench.yaml may name another than policy.yaml).
        String hash = ws.policy() == null ? null : ws.policy().hash();
        String file = ws.inputDigests().entrySet().stream().filter(e -> e.getValue().equals(hash))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
        if (file == null) return Optional.empty();
        Set<String> read = new HashSet<>();
        for (RunHeader run : runs) {
            String sha = run.inputs() == null ? null : run.inputs().get(file);
            if (sha == null || sha.equals(hash) || !read.add(sha)) continue;
            Optional<byte[]> bytes = store.snapshot(sha);
            if (bytes.isPresent() && Integer.valueOf(ws.policy().revision())
                    .equals(PolicyRevision.revisionOf(new String(bytes.get(), StandardCharsets.UTF_8)))) {
                return Optional.of(new Reuse(file, ws.policy().revision(), run.id(), false));
            }
        }
        return Optional.empty();
    }
}
