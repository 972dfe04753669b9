package dev.evalbench.app.charts;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.LatestOnly;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.service.LatencyDistribution;
import dev.evalbench.core.service.RunTrends;
import dev.evalbench.core.store.RunStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The numbers behind the charts tab: the history as {@link RunTrends.Point}s (oldest first) and one run's
 * latency distribution against its baseline (the run tagged {@value #BASELINE_TAG}, else the run before it).
 * Everything is read from case summaries on the task runner; a newer distribution request drops an older
 * answer ({@link LatestOnly}). Never touches controls; UI thread only.
 */
public final class ChartsViewModel {
    static final String BASELINE_TAG = "main";
    static final int RUNS = 30;

    private final TaskRunner runner;
    private final BackgroundTask.ThrowingSupplier<RunStore> store;
    private final Supplier<Path> workspace;
    private final GateService gates;
    private final LatestOnly distributions;
    private final ObservableList<RunTrends.Point> points = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LatencyDistribution> distribution = new ReadOnlyObjectWrapper<>(this, "distribution");
    private final ReadOnlyStringWrapper distributionTitle = new ReadOnlyStringWrapper(this, "distributionTitle", "");
    /** What the distribution is drawn against, for its legend: "baseline (main)", or "the run before". */
    private final ReadOnlyStringWrapper distributionBase = new ReadOnlyStringWrapper(this, "distributionBase", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private String focusRun;

    public ChartsViewModel(TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> store, Supplier<Path> workspace,
                           Map<String, String> env) {
        this.runner = runner;
        this.store = store;
        this.workspace = workspace;
        this.gates = new GateService(env);
        this.distributions = new LatestOnly(runner);
    }

    /** Reads the history's series, then the distribution of the focused run (the newest when none is). */
    public void load() {
        Path ws = workspace.get();
        BackgroundTask.of(() -> RunTrends.read(store.get(), ws, gates, RUNS))
                .onSuccess(list -> {
                    points.setAll(list);
                    problem.set(list.isEmpty() ? "No finished runs yet: Ctrl+R runs the workspace." : "");
                    String run = focusRun != null ? focusRun : list.isEmpty() ? null : list.get(list.size() - 1).runId();
                    if (run != null) {
                        showDistribution(run);
                    } else {
                        distributionTitle.set("");
                        distributionBase.set("");
                        distribution.set(null);
                    }
                })
                .onFailure(e -> problem.set("Cannot read the history: " + e.getMessage()))
                .executeWith(runner);
    }

    /**
     * The run whose distribution the next {@link #load} draws: {@code runId}, or the newest run when null. A tab
     * opened anew, or over another workspace's history, starts from here: a run focused before may not be there.
     */
    public void focus(String runId) {
        focusRun = runId;
    }

    /** Shows {@code runId}'s latency distribution against its baseline. */
    public void showDistribution(String runId) {
        focusRun = runId;
        distributions.submit(() -> {
            RunStore s = store.get();
            Optional<String> base = RunTrends.baselineOf(s, runId, BASELINE_TAG);
            LatencyDistribution d = LatencyDistribution.of(s.summaries(runId), base.isPresent() ? s.summaries(base.get()) : null);
            // The run tagged main is the baseline; without one, the run before it is drawn, and named as what it is.
            boolean tagged = base.isPresent() && s.resolve(BASELINE_TAG).filter(base.get()::equals).isPresent();
            String title = "Latency of run " + shortId(runId) + (base.isEmpty() ? " (" + d.runCases() + " cases); no baseline"
                    : " (" + d.runCases() + " cases) against " + (tagged ? "baseline " + BASELINE_TAG + ", run "
                    : "the run before it, ") + shortId(base.get()) + " (" + d.baseCases() + " cases)");
            return new Shown(d, title, tagged ? "baseline (" + BASELINE_TAG + ")" : "the run before");
        }, shown -> {
            distributionTitle.set(shown.title());
            distributionBase.set(shown.base());
            distribution.set(shown.distribution());
        }, e -> problem.set("Cannot read run " + runId + ": " + e.getMessage()));
    }

    private record Shown(LatencyDistribution distribution, String title, String base) {}

    /** Run ids are short already (date, time, 4 hex digits) and their start is the same for a day's runs. */
    static String shortId(String id) {
        return id;
    }

    /** The history's runs, oldest first. */
    public ObservableList<RunTrends.Point> points() { return points; }
    public ReadOnlyObjectProperty<LatencyDistribution> distributionProperty() { return distribution.getReadOnlyProperty(); }
    public ReadOnlyStringProperty distributionTitleProperty() { return distributionTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty distributionBaseProperty() { return distributionBase.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
}
