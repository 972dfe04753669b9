package dev.evalbench.core.store;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.StoredRun;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs read from files (an export, a report), held in memory behind the {@link RunStore} contract, so views
 * that read a history read them the same way ({@link #summaries}, {@link #caseRecord}). Read-only: every write
 * is a {@link StoreException}; there are no tags, and the only snapshots are the prompt template texts the files
 * carried ({@link RunExport.Exported#templates}), so comparisons of opened runs show template diffs; a masked one
 * is served as exported, restricted values replaced (so its bytes do not have its hash). Thread-safe (synchronized); the runs are
 * immutable once added.
 */
public final class LoadedRunStore implements RunStore {
    private final Map<String, Loaded> runs = new LinkedHashMap<>();
    /** Template texts by SHA-256, of every file opened (a hash names the same bytes whichever file brought it). */
    private final Map<String, PromptTemplates.Text> templates = new HashMap<>();

    private record Loaded(StoredRun run, List<CaseSummary> summaries, Map<CaseKey, CaseRecord> byKey) {}

    /**
     * Adds a run read from a file and returns the id it is known by here: its own, or its own with
     * {@code ~2}, {@code ~3}... when another file already brought a run with that id.
     */
    public synchronized String add(StoredRun run) {
        return add(run, Map.of());
    }

    /** As {@link #add(StoredRun)}, with the prompt template texts the file carried, by SHA-256. */
    public synchronized String add(StoredRun run, Map<String, PromptTemplates.Text> templateTexts) {
        templates.putAll(templateTexts);
        String id = run.id();
        for (int n = 2; runs.containsKey(id); n++) id = run.id() + "~" + n;
        RunHeader h = run.header();
        RunHeader header = id.equals(h.id()) ? h : new RunHeader(id, h.workspace(), h.workspacePath(), h.config(),
                h.status(), h.startedAt(), h.finishedAt(), h.appVersion(), h.gitCommit(), h.inputs(), h.plannedCases(),
                h.pid(), h.tags(), h.kind());
        Map<CaseKey, CaseRecord> byKey = new HashMap<>();
        for (CaseRecord r : run.cases()) byKey.put(r.key(), r);
        List<CaseSummary> summaries = run.cases().stream().map(CaseSummary::of).toList();
        runs.put(id, new Loaded(new StoredRun(header, run.cases(), run.events()), summaries, byKey));
        return id;
    }

    private Loaded loaded(String runId) throws StoreException {
        Loaded l = runs.get(runId);
        if (l == null) throw new StoreException("no run " + runId + " was opened from a file");
        return l;
    }

    private static StoreException readOnly() {
        return new StoreException("a run opened from a file is read-only");
    }

    @Override public void createRun(RunHeader header) throws StoreException { throw readOnly(); }
    @Override public String putSnapshot(byte[] content) throws StoreException { throw readOnly(); }
    @Override
    public synchronized Optional<byte[]> snapshot(String sha256) {
        PromptTemplates.Text text = templates.get(sha256);
        return text == null ? Optional.empty() : Optional.of(text.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    @Override public void appendCase(CaseRecord record) throws StoreException { throw readOnly(); }
    @Override public void appendEvent(String runId, RunEvent event) throws StoreException { throw readOnly(); }
    @Override public void discardCases(String runId, Collection<CaseKey> keys) throws StoreException { throw readOnly(); }
    @Override public void finishRun(String runId, RunStatus status, Instant finishedAt) throws StoreException { throw readOnly(); }
    @Override public void reopenRun(String runId, long pid) throws StoreException { throw readOnly(); }
    @Override public void tag(String runId, String tag) throws StoreException { throw readOnly(); }
    @Override public Optional<String> untag(String tag) throws StoreException { throw readOnly(); }

    @Override
    public synchronized Optional<RunHeader> run(String runId) {
        Loaded l = runs.get(runId);
        return l == null ? Optional.empty() : Optional.of(l.run().header());
    }

    /** Newest first, by start time. */
    @Override
    public synchronized List<RunHeader> runs(int limit) {
        return runs.values().stream().map(l -> l.run().header())
                .sorted(Comparator.comparing(RunHeader::startedAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<CaseRecord> cases(String runId) throws StoreException {
        return loaded(runId).run().cases();
    }

    @Override
    public synchronized List<CaseSummary> summaries(String runId) throws StoreException {
        return loaded(runId).summaries();
    }

    @Override
    public synchronized Optional<CaseRecord> caseRecord(String runId, CaseKey key) throws StoreException {
        return Optional.ofNullable(loaded(runId).byKey().get(key));
    }

    @Override
    public synchronized Set<CaseKey> finishedKeys(String runId) throws StoreException {
        return new LinkedHashSet<>(loaded(runId).byKey().keySet());
    }

    @Override
    public synchronized List<RunEvent> events(String runId) throws StoreException {
        return loaded(runId).run().events();
    }

    /** An id loaded here, or a unique prefix of one; no tags; "latest" is the newest, "latest~N" the N-th before it. */
    @Override
    public synchronized Optional<String> resolve(String idOrTag) {
        if (runs.containsKey(idOrTag)) return Optional.of(idOrTag);
        java.util.OptionalInt back = LatestBack.steps(idOrTag);
        if (back.isPresent()) {
            List<RunHeader> newest = runs(back.getAsInt() + 1);
            return newest.size() > back.getAsInt() ? Optional.of(newest.get(back.getAsInt()).id()) : Optional.empty();
        }
        List<String> matches = runs.keySet().stream().filter(id -> id.startsWith(idOrTag)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    @Override
    public Map<String, String> tags() {
        return Map.of();
    }

    /** Nothing to close: the runs live in memory until the window closes. */
    @Override
    public void close() {}
}
