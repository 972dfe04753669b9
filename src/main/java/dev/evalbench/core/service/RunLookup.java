package dev.evalbench.core.service;

import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.RunExport;
import dev.evalbench.core.store.RunFileException;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.text.NearestNames;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the run a user named: an id, a unique id prefix, a tag, "latest", or (for baselines) an exported
 * run file or a report.json. A name that matches nothing is a {@link RequestException} (field "run").
 */
public final class RunLookup {
    private RunLookup() {}

    public static RunHeader header(RunStore store, String ref) throws RequestException, StoreException {
        java.util.Optional<String> id;
        try {
            id = store.resolve(ref);
        } catch (StoreException e) {
            // A prefix of several runs' ids is a name to type more of (exit 2), not a history that failed (exit 3).
            if (e.isAmbiguousName()) throw new RequestException("run", ref, e.getMessage());
            throw e;
        }
        java.util.Optional<RunHeader> header = id.isEmpty() ? java.util.Optional.empty() : store.run(id.get());
        if (header.isPresent()) return header.get();
        // "no run, tag or run file named run.json" for a file that is there: the command reads the history alone.
        if (id.isEmpty() && runFile(ref).isPresent()) {
            throw new RequestException("run", ref, "\"" + ref + "\" is a run file (an export or a report), not a run of the "
                    + "history, which this command reads (an id, a tag, latest); compare, --baseline and open read run files");
        }
        // What follows the name: how far back the history goes, or the names near a mistyped one.
        String after = "";
        java.util.OptionalInt back = dev.evalbench.core.store.LatestBack.steps(ref);
        if (back.isPresent()) {
            // "latest~5" in a history of two runs: say how far back it goes, not "did you mean latest?".
            int runs = store.runs(back.getAsInt() + 1).size();
            after = runs == 0 ? ": the history has no run yet" : ": the history has " + runs + (runs == 1 ? " run" : " runs")
                    + ", the oldest is " + (runs == 1 ? "latest" : "latest~" + (runs - 1));
        } else if (id.isEmpty()) {
            // A mistyped tag ("mian" for main, in a CI step's --baseline) gets the tags near it, "lates" the word latest.
            java.util.Set<String> names = new java.util.TreeSet<>(store.tags().keySet());
            names.add("latest");
            String near = NearestNames.didYouMean(ref, names);
            after = near.isEmpty() ? "" : "; " + near.strip();
            // The window's "Previous" button and git's HEAD~1 make "previous" a word to try: say how it is written.
            if (near.isEmpty() && BEFORE_LATEST.contains(ref.toLowerCase(java.util.Locale.ROOT))) {
                after = "; the run before the latest is latest~1";
            }
        }
        throw new RequestException("run", ref, NOT_FOUND + "\"" + ref + "\"" + after);
    }

    public static StoredRun run(RunStore store, String ref) throws RequestException, StoreException {
        RunHeader header = header(store, ref);
        return new StoredRun(header, store.cases(header.id()), store.events(header.id()));
    }

    /**
     * The run as gates and counts read it: its header, the compact summary of every case and its events. Reads
     * no message or output text, so gating a 100,000-case run costs what its summaries cost.
     */
    public static RunCases runCases(RunStore store, String ref) throws RequestException, StoreException {
        return runCases(store, header(store, ref));
    }

    /** As {@link #runCases(RunStore, String)}, for a run whose header the caller has read already. */
    public static RunCases runCases(RunStore store, RunHeader header) throws StoreException {
        return RunCases.ofSummaries(header, store.summaries(header.id()), store.events(header.id()));
    }

    /**
     * The run file {@code ref} names: an existing file (an export, a report.json), or a report folder's report.json
     * (a folder holding one, as CI uploads it); empty when it names neither, so it is a run of the history.
     */
    public static java.util.Optional<Path> runFile(String ref) {
        Path path = Path.of(ref);
        if (Files.isRegularFile(path)) return java.util.Optional.of(path);
        Path report = path.resolve(RunFiles.REPORT);
        return Files.isDirectory(path) && Files.isRegularFile(report) ? java.util.Optional.of(report) : java.util.Optional.empty();
    }

    /** A baseline as gates read it: a run file read whole, or a run in the history by its summaries. */
    public static RunCases baselineCases(RunStore store, String ref) throws WorkspaceException, StoreException {
        return runFile(ref).isPresent() ? RunCases.of(baseline(store, ref)) : runCases(store, ref);
    }

    /**
     * The run in {@code ref} when it names an existing file (an export or a report.json), read and checked
     * without touching any history; empty when no such file exists.
     */
    public static java.util.Optional<StoredRun> baselineFile(String ref) throws WorkspaceException {
        java.util.Optional<Path> found = runFile(ref);
        if (found.isEmpty()) return java.util.Optional.empty();
        Path file = found.get();
        try {
            return java.util.Optional.of(RunExport.read(file));
        } catch (RunFileException e) {
            throw new WorkspaceException(new InputError(e.file(), e.line(), e.column(), e.problem()));
        }
    }

    /** A baseline: a file path when such a file exists, otherwise a run in the history. */
    public static StoredRun baseline(RunStore store, String ref) throws WorkspaceException, StoreException {
        return baselineWithTemplates(store, ref).run();
    }

    /**
     * As {@link #baseline}, with the prompt template texts a file carries ({@link RunFiles#withTemplates}), so a
     * comparison with CI's exported baseline shows the template diff the history cannot; none for a history run.
     */
    public static RunExport.Exported baselineWithTemplates(RunStore store, String ref)
            throws WorkspaceException, StoreException {
        java.util.Optional<Path> found = runFile(ref);
        if (found.isPresent()) {
            try {
                return RunFiles.withTemplates(found.get());
            } catch (RunFileException e) {
                throw new WorkspaceException(new InputError(e.file(), e.line(), e.column(), e.problem()));
            }
        }
        return new RunExport.Exported(run(store, ref), java.util.Map.of());
    }

    /** Words people try for the run before the latest, which is written {@code latest~1}. */
    private static final java.util.Set<String> BEFORE_LATEST = java.util.Set.of("previous", "prev", "latest-1", "latest^");

    /** How the reason of a {@link RequestException} for a reference that matched nothing begins. */
    public static final String NOT_FOUND = "no run, tag or run file named ";

}
