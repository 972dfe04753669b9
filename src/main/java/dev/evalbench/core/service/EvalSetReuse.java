package dev.evalbench.core.service;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.SuiteVersions;
import dev.evalbench.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Datasets whose cases changed since a stored run read them while their suite's eval set version stayed the same
 * (an expected value relabelled, a ticket added): two eval sets would both be "version 2026.11.1" in the history,
 * reports and comparisons, told apart only by SHA-256. The prompt's counterpart is {@link RevisionReuse}. Found from
 * the newest runs ({@link RevisionReuse#RUNS_READ}, read once for both warnings): each run's dataset digest, and the version its snapshot of
 * {@code evalbench.yaml} gave the suite. A warning, not an error. Reads the store: call off the UI thread.
 */
public final class EvalSetReuse {

    /** Suite {@code suite} read other cases from {@code dataset} under the same {@code version}, in run {@code runId}. */
    public record Reuse(String suite, String dataset, String version, String runId) {
        /** The warning, in a user's words. */
        public String sentence() {
            return dataset + ": its cases differ from the ones run " + runId + " read, but suite " + suite
                    + " says version " + version + " for both; give the suite a new version in evalbench.yaml, so the "
                    + "history, reports and comparisons tell the two eval sets apart";
        }
    }

    private EvalSetReuse() {}

    /** One reuse per suite at most (the newest of {@code runs} that shows it), in the workspace's suite order. */
    static List<Reuse> in(Workspace ws, RunStore store, List<RunHeader> runs) throws StoreException {
        List<Reuse> found = new ArrayList<>();
        for (SuiteSpec suite : ws.suites()) {
            String now = ws.inputDigests().get(suite.dataset());
            if (now == null || suite.version() == null) continue;
            Set<String> read = new HashSet<>();
            for (RunHeader run : runs) {
                String sha = run.inputs() == null ? null : run.inputs().get(suite.dataset());
                if (sha == null || sha.equals(now) || !read.add(sha)) continue;
                String manifest = run.inputs().get(SuiteVersions.FILE);
                Optional<byte[]> bytes = manifest == null ? Optional.empty() : store.snapshot(manifest);
                if (bytes.isPresent() && Objects.equals(SuiteVersions.of(bytes.get()).get(suite.name()), suite.version())) {
                    found.add(new Reuse(suite.name(), suite.dataset(), suite.version(), run.id()));
                    break;
                }
            }
        }
        return found;
    }
}
