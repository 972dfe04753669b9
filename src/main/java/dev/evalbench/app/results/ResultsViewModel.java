package dev.evalbench.app.results;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.LatestOnly;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.DecisionWords;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cases of one stored run as the results table shows them, and the filter over them. Loads every case's
 * summary once ({@code RunStore.summaries}); each change of a filter field filters again on the task runner,
 * and only the newest answer is applied ({@link LatestOnly}), with one {@code setAll}. Selecting a case reads
 * that case in full ({@code RunStore.caseRecord}) off the UI thread. Never touches controls; UI thread only.
 */
public final class ResultsViewModel {
    private final TaskRunner runner;
    private final BackgroundTask.ThrowingSupplier<RunStore> history;
    private final String runId;
    private final DatasetLookup dataset;
    private final LatestOnly filtering;
    private final LatestOnly reading;
    private final int firstPage;
    private DetailMasking masking;
    private java.util.function.Supplier<Workspace> maskingSource = () -> null;
    private List<CaseSummary> all = List.of();
    private java.util.concurrent.Executor afterFirstRows = Runnable::run;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex");
    private final StringProperty verdict = new SimpleStringProperty(this, "verdict");
    private final StringProperty suite = new SimpleStringProperty(this, "suite");
    private final StringProperty tag = new SimpleStringProperty(this, "tag");
    private final StringProperty failureKind = new SimpleStringProperty(this, "failureKind");
    private final ObjectProperty<CaseFilter.Scope> scope = new SimpleObjectProperty<>(this, "scope");
    private final ObservableList<CaseSummary> visible = FXCollections.observableArrayList();
    private final ObservableList<String> suites = FXCollections.observableArrayList();
    private final ObservableList<String> routes = FXCollections.observableArrayList();
    private final ObservableList<String> decisions = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> failureKinds = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper(this, "filterProblem", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper firstRows = new ReadOnlyBooleanWrapper(this, "firstRows");
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper(this, "loadProblem", "");
    private final ObjectProperty<CaseSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<CaseRecord> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyObjectWrapper<DetailMasking.Prepared> shown = new ReadOnlyObjectWrapper<>(this, "shown");

    /**
     * @param history the run history (called in task bodies only)
     * @param dataset the open workspace's cases ({@link DatasetLookup#EMPTY} for none): the tags of runs stored
     *                before records carried them, and the order rows are listed in
     */
    public ResultsViewModel(TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> history, String runId,
                            DatasetLookup dataset) {
        this(runner, history, runId, dataset, FIRST_PAGE);
    }

    /** @param firstPage how many rows are read and shown before the rest */
    ResultsViewModel(TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> history, String runId,
                     DatasetLookup dataset, int firstPage) {
        this.firstPage = firstPage;
        this.runner = runner;
        this.history = history;
        this.runId = runId;
        this.dataset = dataset;
        this.filtering = new LatestOnly(runner);
        this.reading = new LatestOnly(runner);
        for (var field : List.of(text, verdict, suite, tag, failureKind)) field.addListener((o, was, now) -> refilter());
        regex.addListener((o, was, now) -> refilter());
        scope.addListener((o, was, now) -> refilter());
        selected.addListener((o, was, now) -> read(now));
    }

    /** Rows read first, so a large run shows its first screens at once while the rest is read. */
    static final int FIRST_PAGE = 200;

    /**
     * Reads the first page of case summaries and shows it; only then every summary, which the filter works on
     * (until then the filter bar waits: {@link #loadedProperty} is false). One after the other, not side by
     * side: on two cores the full read (JSON columns of every case) slowed the first page it raced.
     * {@link #firstRowsProperty} turns true once the first page is shown (or could not be read).
     */
    public void load() {
        BackgroundTask.of(() -> prepared(history.get().summaries(runId, 0, firstPage)))
                .onSuccess(first -> {
                    if (!loaded.get()) visible.setAll(first);
                    firstRows.set(true);
                    if (first.size() < firstPage) loadedFrom(first);
                    else afterFirstRows.execute(this::readAll);
                })
                .onFailure(e -> {
                    loadProblem.set("Cannot read run " + runId + ": " + e.getMessage());
                    firstRows.set(true);
                })
                .executeWith(runner);
    }

    /**
     * Where the read of every summary starts once the first page is shown: at once (the default), or, in the
     * window, after the layout pulse that shows the first rows, so the read and its garbage do not slow it.
     */
    public void readRestWith(java.util.concurrent.Executor afterFirstRows) {
        this.afterFirstRows = afterFirstRows;
    }

    private void readAll() {
        BackgroundTask.of(() -> prepared(history.get().summaries(runId)))
                .onSuccess(this::loadedFrom)
                .onFailure(e -> loadProblem.set("Cannot read run " + runId + ": " + e.getMessage()))
                .executeWith(runner);
    }

    /** Every summary is read: the filter choices fill in and the filter applies. UI thread. */
    private void loadedFrom(List<CaseSummary> rows) {
        all = rows;
        suites.setAll(new TreeSet<>(rows.stream().map(r -> r.key().suite()).toList()));
        routes.setAll(new TreeSet<>(rows.stream().map(ResultsViewModel::routeShown).toList()));
        decisions.setAll(new TreeSet<>(rows.stream().map(ResultsViewModel::decisionShown).toList()));
        tags.setAll(new TreeSet<>(rows.stream().flatMap(r -> r.tags().stream()).toList()));
        failureKinds.setAll(CaseFilter.failureKinds(rows));
        loaded.set(true);
        refilter();
    }

    /**
     * The decision a case's row shows, in the words the terminal and the reports use ({@link DecisionWords}):
     * "reply (accepted)", "escalate (rejected)", or "—" when there was none.
     */
    static String decisionShown(CaseSummary s) {
        if (s.finalAction() == null) return "—";
        return DecisionWords.of(s.finalAction(), s.accepted(), null);
    }

    /** The route a case's row shows: the one that answered it (a fallback, say), else the case's own. */
    static String routeShown(CaseSummary s) {
        return s.routeUsed() != null ? s.routeUsed() : s.key().route();
    }

    /**
     * The rows as listed: with their dataset tags where the record has none, in the workspace's order (the store
     * keeps them as they finished, which concurrency shuffles from one run to the next); the samples and routes
     * of a case, cases the workspace does not have, and every case when none is open, in {@link
     * dev.evalbench.core.record.CaseKey#ORDER} (suite, then case id). Task bodies.
     */
    private List<CaseSummary> prepared(List<CaseSummary> rows) {
        List<CaseSummary> out = new ArrayList<>(rows.size());
        for (CaseSummary s : rows) {
            List<String> t = s.tags().isEmpty() ? dataset.tags(s.key()) : s.tags();
            out.add(t == s.tags() ? s : s.withTags(t));
        }
        out.sort(java.util.Comparator.<CaseSummary>comparingInt(s -> dataset.place(s.key()))
                .thenComparing(CaseSummary::key, dev.evalbench.core.record.CaseKey.ORDER));
        return List.copyOf(out);
    }

    /** The filter as the bar reads now. */
    public CaseFilter filter() {
        return new CaseFilter(text.get(), regex.get(), verdict.get(), suite.get(), tag.get(), failureKind.get(), scope.get());
    }

    private void refilter() {
        if (!loaded.get()) return;
        CaseFilter f = filter();
        List<CaseSummary> rows = all;
        filtering.submit(() -> f.apply(rows), matched -> {
            filterProblem.set("");
            visible.setAll(matched);
        }, e -> filterProblem.set(e instanceof PatternSyntaxException p
                ? "Not a regular expression: " + p.getDescription() + " at " + p.getIndex() : String.valueOf(e.getMessage())));
    }

    /** Esc: every field back to "any", the gate scope dropped. */
    public void clearFilter() {
        scope.set(null);
        text.set("");
        verdict.set(null);
        suite.set(null);
        tag.set(null);
        failureKind.set(null);
    }

    private record Read(CaseRecord record, DetailMasking.Prepared prepared) {}

    /**
     * Selected cases are also masked and completed for the detail pane, in the task that reads them
     * ({@link #shownProperty}).
     *
     * @param source the workspace the run was gated with, or null (read on the UI thread at each selection)
     */
    void maskDetails(DetailMasking masking, java.util.function.Supplier<Workspace> source) {
        this.masking = masking;
        this.maskingSource = source;
    }

    private void read(CaseSummary summary) {
        if (summary == null) {
            reading.cancelPending();
            shown.set(null);
            detail.set(null);
            return;
        }
        DetailMasking masking = this.masking;
        Workspace source = masking == null ? null : maskingSource.get();
        // One task reads the case and masks it: a second hop through the pool per selection cost a wait
        // behind whatever else the pool was doing.
        reading.submit(() -> {
            CaseRecord r = history.get().caseRecord(runId, summary.key()).orElse(null);
            return new Read(r, r == null || masking == null ? null : masking.prepare(r, source));
        }, read -> {
            shown.set(read.prepared());
            detail.set(read.record());
        }, e -> loadProblem.set("Cannot read case " + summary.key() + ": " + e.getMessage()));
    }

    /**
     * The index of the next (step 1) or previous (step -1) case that did not pass, after {@code from}, wrapping
     * round; -1 when none fails. {@code from} may be -1 (nothing selected).
     */
    public static int nextFailing(List<CaseSummary> rows, int from, int step) {
        int n = rows.size();
        for (int i = 1; i <= n; i++) {
            int at = Math.floorMod((from < 0 && step < 0 ? 0 : from) + step * i, n);
            if (!rows.get(at).passed()) return at;
        }
        return -1;
    }

    public String runId() { return runId; }
    public StringProperty textProperty() { return text; }
    public BooleanProperty regexProperty() { return regex; }
    public StringProperty verdictProperty() { return verdict; }
    public StringProperty suiteProperty() { return suite; }
    public StringProperty tagProperty() { return tag; }
    public StringProperty failureKindProperty() { return failureKind; }
    public ObjectProperty<CaseFilter.Scope> scopeProperty() { return scope; }
    /** The rows that pass the filter, in the workspace's order (the view sorts them when asked). */
    public ObservableList<CaseSummary> visible() { return visible; }
    public int total() { return all.size(); }
    /** Every case of the run once read, whatever the filter shows (FX thread). */
    public List<CaseSummary> all() { return all; }
    public ObservableList<String> suites() { return suites; }
    /** The routes the cases show (the route that answered, else the case's own), once every summary is read. */
    public ObservableList<String> routes() { return routes; }
    /** The decisions the cases show ("reply (accepted)", "escalate (rejected)"), once every summary is read. */
    public ObservableList<String> decisions() { return decisions; }
    public ObservableList<String> tags() { return tags; }
    public ObservableList<String> failureKinds() { return failureKinds; }
    public ReadOnlyStringProperty filterProblemProperty() { return filterProblem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    /** True once the first page of rows is shown (or could not be read): the time to start other reads. */
    public ReadOnlyBooleanProperty firstRowsProperty() { return firstRows.getReadOnlyProperty(); }
    public ReadOnlyStringProperty loadProblemProperty() { return loadProblem.getReadOnlyProperty(); }
    public ObjectProperty<CaseSummary> selectedProperty() { return selected; }
    /** The selected case in full, or null while none is selected (or it is being read). */
    public ReadOnlyObjectProperty<CaseRecord> detailProperty() { return detail.getReadOnlyProperty(); }
    /** The selected case masked for the detail pane (after {@link #maskDetails}), or null; set before {@link #detailProperty}. */
    ReadOnlyObjectProperty<DetailMasking.Prepared> shownProperty() { return shown.getReadOnlyProperty(); }
}
