package dev.evalbench.app.history;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.gates.GatedRun;
import dev.evalbench.app.gates.RunGating;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.service.HistoryService;
import dev.evalbench.core.store.RunStore;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The run history, newest first: status, date, routes, prompt revisions, gate summary and tags, with a search
 * box; tagging a run as the baseline. Reading runs on the task runner; once listed, the runs are gated one
 * after another in the background (newest first) and their rows fill in. Gate summaries are kept per run id
 * for the session, so a refresh re-gates only new runs (and all of them after the baseline moved).
 * Never touches controls; UI thread only.
 */
public final class HistoryViewModel {
    /** How many runs the history lists. */
    public static final int LIMIT = 1000;

    private final TaskRunner runner;
    private final BackgroundTask.ThrowingSupplier<RunStore> store;
    private final RunGating gating;
    private final ZoneId zone;
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RunRow> shown = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final Map<String, Gated> gated = new ConcurrentHashMap<>();
    /**
     * What a finished incomplete run stored and why it stopped, as read at its last end: a refresh (one every few
     * seconds while a terminal's run goes) read every such run's case keys and events again. Resumed, a run ends
     * anew (another process, another end), and is read again.
     */
    private final Map<String, Stopped> stopped = new ConcurrentHashMap<>();

    /** An incomplete run's stored cases and the event that left it so (null: someone stopped it), as of {@code end}. */
    private record Stopped(java.time.Instant end, long pid, int stored, dev.evalbench.core.record.RunEvent why) {
        boolean of(RunHeader h) {
            return java.util.Objects.equals(end, h.finishedAt()) && pid == h.pid();
        }
    }
    /** The runs an outage left incomplete, as the last listing found them; read from any thread. */
    private final java.util.Set<String> outages = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();
    /** The run tagged main at the last listing shown, and whether there was one; UI thread. */
    private String baselineRun;
    private boolean listed;
    private Runnable onBaselineMoved = () -> { };

    public HistoryViewModel(TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> store, RunGating gating, ZoneId zone) {
        this.runner = runner;
        this.store = store;
        this.gating = gating;
        this.zone = zone;
        search.addListener((o, was, now) -> {
            String needle = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(needle.isEmpty() ? null : row -> row.searchText(zone).contains(needle));
        });
    }

    /**
     * The run's gate summary ("pass", "FAIL 2") once the list has gated it, else null; "no answer" of a run an outage
     * left incomplete, as its row says (its gates measured the outage). Any thread.
     */
    public String gatesOf(String runId) {
        if (outages.contains(runId)) return "no answer";
        Gated known = gated.get(runId);
        return known == null ? null : known.gates();
    }

    /** Lists the runs again, then gates those not gated yet. */
    public void refresh() {
        long mine = generation.incrementAndGet();
        BackgroundTask.of(this::list)
                .onSuccess(listing -> {
                    if (mine != generation.get()) return;
                    problem.set("");
                    List<RunRow> list = listing;
                    String main = baselineOf(list);
                    if (listed && !java.util.Objects.equals(main, baselineRun)) {
                        // The baseline moved (here, or by `evalbench tag` elsewhere): every summary is redone.
                        gated.clear();
                        list = list.stream().map(r -> r.withGates(null, null, null)).toList();
                        onBaselineMoved.run();
                    }
                    baselineRun = main;
                    listed = true;
                    rows.setAll(list);
                    gateInBackground(mine, list);
                })
                .onFailure(e -> problem.set("Cannot read the history: " + e.getMessage()))
                .executeWith(runner);
    }

    private List<RunRow> list() throws Exception {
        RunStore s = store.get();
        List<RunRow> out = new ArrayList<>();
        for (RunHeader h : s.runs(LIMIT)) {
            Gated known = gated.get(h.id());
            // Gated as it was then: a run resumed since (here or by a terminal) has other cases, so other gates.
            if (known != null && !known.of(h)) {
                gated.remove(h.id(), known);
                known = null;
            }
            // A complete run stored every case it planned (the engine completes none short of that); only the
            // others are counted, so a refresh (one every few seconds while a terminal's run goes) reads no keys
            // of the finished runs.
            Stopped last = h.status() == RunStatus.INCOMPLETE ? stopped.get(h.id()) : null;
            if (last != null && !last.of(h)) last = null;
            if (last == null && h.status() == RunStatus.INCOMPLETE) {
                // An incomplete run's events say whether an outage left it so, or cases kept from the model or a judge.
                last = new Stopped(h.finishedAt(), h.pid(), s.finishedKeys(h.id()).size(),
                        dev.evalbench.core.service.Outages.why(s, h));
                stopped.put(h.id(), last);
            }
            int stored = h.status() == RunStatus.COMPLETE ? h.plannedCases()
                    : last != null ? last.stored() : s.finishedKeys(h.id()).size();
            var why = last == null ? null : last.why();
            boolean outage = dev.evalbench.core.service.Outages.isOutage(why);
            String left = dev.evalbench.core.service.Outages.unsentDetail(why);
            if (outage) outages.add(h.id());
            else outages.remove(h.id());
            out.add(known == null ? new RunRow(h, stored, null, null, null, outage, left)
                    : new RunRow(h, stored, known.gates(), known.prompts(), known.inWords(), outage, left));
        }
        return out;
    }

    /** One task walks the runs not gated yet; each result reaches its row on the UI thread as it comes. */
    private void gateInBackground(long mine, List<RunRow> list) {
        List<RunRow> todo = list.stream().filter(r -> r.gates() == null && r.header().status() != RunStatus.RUNNING).toList();
        if (todo.isEmpty()) return;
        BackgroundTask.run(() -> {
            for (RunRow row : todo) {
                if (mine != generation.get()) return;
                Gated summary;
                try {
                    GatedRun g = gating.gate(store.get(), row.id());
                    summary = new Gated(g.summary(), prompts(g), g.inWords(), row.header().status(), row.header().finishedAt());
                } catch (Exception e) {
                    summary = new Gated("cannot gate", "", "cannot gate: " + e.getMessage(), row.header().status(),
                            row.header().finishedAt());
                }
                gated.put(row.id(), summary);
                Gated done = summary;
                runner.onUi(() -> replace(row.id(), done));
            }
        }).onFailure(e -> problem.set("Cannot gate the history: " + e.getMessage())).executeWith(runner);
    }

    private static String prompts(GatedRun g) {
        return g.workspace().prompts().values().stream().map(p -> p.id() + " r" + p.revision()).sorted()
                .collect(Collectors.joining(", "));
    }

    private void replace(String runId, Gated summary) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(runId)) {
                rows.set(i, rows.get(i).withGates(summary.gates(), summary.prompts(), summary.inWords()));
                return;
            }
        }
    }

    /**
     * Points {@code tag} (normally "main") at the run by the CLI's rules ({@code evalbench tag}), then lists
     * again; when that moved the baseline, every gate summary is redone (see {@link #setOnBaselineMoved}).
     */
    public void tag(RunRow row, String tag) {
        if (row == null) return;
        BackgroundTask.run(() -> new HistoryService(store.get()).tag(row.id(), tag))
                .onSuccess(v -> refresh())
                .onFailure(e -> problem.set("Cannot tag run " + row.id() + ": " + e.getMessage()))
                .executeWith(runner);
    }

    /**
     * Removes {@code tag} from the history ({@code evalbench tag --delete}), then lists again; removing main leaves
     * later runs without a baseline, and the gate summaries are redone as when it moved.
     */
    public void untag(String tag) {
        BackgroundTask.of(() -> new HistoryService(store.get()).untag(tag))
                .onSuccess(was -> refresh())
                .onFailure(e -> problem.set("Cannot remove tag " + tag + ": " + e.getMessage()))
                .executeWith(runner);
    }

    /**
     * Called on the UI thread when a listing finds the run tagged main changed since the last one, whoever moved
     * it (Tag main here, {@code evalbench tag} in a terminal): what was gated against the old baseline is stale.
     */
    public void setOnBaselineMoved(Runnable onBaselineMoved) {
        this.onBaselineMoved = onBaselineMoved;
    }

    private static String baselineOf(List<RunRow> list) {
        for (RunRow row : list) {
            if (row.header().tags().contains(RunGating.BASELINE_TAG)) return row.id();
        }
        return null;
    }

    /** Every listed run, newest first. */
    public ObservableList<RunRow> rows() { return rows; }
    /** The runs the search matches, newest first. */
    public ObservableList<RunRow> shown() { return shown; }
    public StringProperty searchProperty() { return search; }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ZoneId zone() { return zone; }

    /**
     * What gating a run gave the list ("FAIL 2", "triage r4", "2 of 9 gates failed: schema, cost"), and the state of the
     * run it was made of: its status and when it finished.
     */
    private record Gated(String gates, String prompts, String inWords, RunStatus status, java.time.Instant finishedAt) {
        boolean of(RunHeader h) {
            return status == h.status() && java.util.Objects.equals(finishedAt, h.finishedAt());
        }
    }
}
