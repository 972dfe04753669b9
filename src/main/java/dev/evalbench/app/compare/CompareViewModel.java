package dev.evalbench.app.compare;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.LatestOnly;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.results.CaseFilter;
import dev.evalbench.app.results.DatasetLookup;
import dev.evalbench.core.canary.CanaryResult;
import dev.evalbench.core.compare.ChangeOverview;
import dev.evalbench.core.compare.MetricMovement;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.compare.ReviewStatus;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.service.ReviewService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
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
 * Two runs compared for review. {@link #load} first aligns every case from the two runs' summaries and shows
 * them, regressions first, with the first regression selected; then computes the overview (tuple diff, gate
 * and metric deltas) in the background. Filtering runs on the task runner (newest answer wins); selecting a
 * case reads its two full records ({@code RunStore.caseRecord}) off the UI thread and diffs them there, and
 * reads the regressions around it ahead ({@link ComparisonReadAhead}), so J and K show them without waiting.
 * Marks of reviewed cases are kept by {@link ReviewMarks} (in a {@link ReviewMarksFile} when one is given
 * ({@link #keepMarksIn}), else for the life of the view). Never touches controls; UI thread only.
 */
public final class CompareViewModel {
    private final TaskRunner runner;
    private final ReviewService service;
    private final ReviewService.Side before;
    private final ReviewService.Side after;
    private final Supplier<Path> workspaceDir;
    private final ComparisonMask mask;
    private final CapturedInputs captured;
    private final LatestOnly filtering;
    private final ComparisonReadAhead readAhead;
    private ReviewService.Cases loadedCases;
    private List<ReviewCase> all = List.of();
    private final DatasetLookup dataset;
    private final ReviewMarks reviewed;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex");
    private final ObjectProperty<ReviewStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty verdict = new SimpleStringProperty(this, "verdict");
    private final StringProperty suite = new SimpleStringProperty(this, "suite");
    private final StringProperty tag = new SimpleStringProperty(this, "tag");
    private final StringProperty failureKind = new SimpleStringProperty(this, "failureKind");
    private final ObjectProperty<Moved> moved = new SimpleObjectProperty<>(this, "moved");
    private final ObservableList<ReviewCase> visible = FXCollections.observableArrayList();
    private final ObservableList<String> suites = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> failureKinds = FXCollections.observableArrayList();
    private final ObservableList<MetricMovement> movements = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "Reading both runs…");
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(this, "scope", "");
    private final ReadOnlyStringWrapper remaining = new ReadOnlyStringWrapper(this, "remaining", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<ChangeOverview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    /** The canary's verdict, for two traffic runs (control first), once judged; null otherwise. */
    private final ReadOnlyObjectWrapper<CanaryResult> canary = new ReadOnlyObjectWrapper<>(this, "canary");
    private final ReadOnlyStringWrapper overviewState = new ReadOnlyStringWrapper(this, "overviewState", "Comparing metrics and gates…");
    private final javafx.beans.property.ReadOnlyBooleanWrapper overviewFailed =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "overviewFailed", false);
    private final ObjectProperty<ReviewCase> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<CaseComparison> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyObjectWrapper<ReviewCase> firstShown = new ReadOnlyObjectWrapper<>(this, "firstShown");

    /**
     * The cases the list is scoped to: those a clicked metric moved (which metric, which way: "better" / "worse"), or
     * those behind a clicked gate ("gate schema", "cases"); their alignment keys, and a sentence saying which they
     * are (null when the name says it all).
     */
    public record Moved(String metric, String way, Set<String> keys, String description) {
        public Moved(String metric, String way, Set<String> keys) {
            this(metric, way, keys, null);
        }

        String name() {
            return metric + ": " + (keys.isEmpty() ? "none" : keys.size() + " " + way);
        }
    }

    /** The cases behind each gate of the overview, by gate id ({@link GateScopes}); set with the overview. */
    private Map<String, Moved> gateScopes = Map.of();

    /**
     * @param workspaceDir the open workspace folder (may give null), where gates come from when neither run's
     *                     inputs are stored
     * @param mask         masks a record's (and a captured request's) restricted values before it is shown (read
     *                     in task bodies only)
     */
    public CompareViewModel(TaskRunner runner, ReviewService service, ReviewService.Side before, ReviewService.Side after,
                            Supplier<Path> workspaceDir, ComparisonMask mask) {
        this(runner, service, before, after, workspaceDir, mask, DatasetLookup.EMPTY);
    }

    /**
     * @param dataset the open workspace's cases: within a status, cases are listed in its order (the stores keep
     *                them as they finished); {@link DatasetLookup#EMPTY} lists them by suite, then case id
     */
    public CompareViewModel(TaskRunner runner, ReviewService service, ReviewService.Side before,
                            ReviewService.Side after, Supplier<Path> workspaceDir, ComparisonMask mask,
                            DatasetLookup dataset) {
        this.dataset = dataset;
        this.runner = runner;
        this.reviewed = new ReviewMarks(runner, this::updateRemaining, problem::set);
        this.service = service;
        this.before = before;
        this.after = after;
        this.workspaceDir = workspaceDir;
        this.mask = mask;
        this.captured = new CapturedInputs(before, after);
        this.filtering = new LatestOnly(runner);
        this.readAhead = new ComparisonReadAhead(runner, this::compare, () -> visible, selected::get, detail::set,
                problem::set);
        for (var field : List.of(text, verdict, suite, tag, failureKind)) field.addListener((o, was, now) -> refilter());
        regex.addListener((o, was, now) -> refilter());
        status.addListener((o, was, now) -> refilter());
        moved.addListener((o, was, now) -> refilter());
        selected.addListener((o, was, now) -> readAhead.read(now));
    }

    private ReviewService.Recorded recordedGates = ReviewService.Recorded.NONE;

    /**
     * The gates opened reports recorded (called in task bodies): the overview shows them where neither run's
     * inputs nor a workspace can gate the runs again. Call before {@link #load}.
     */
    public void useRecordedGates(ReviewService.Recorded recorded) {
        this.recordedGates = recorded;
    }

    /**
     * Reads both runs' summaries at the same time (two tasks), aligns them (a third), shows the cases with the
     * first regression selected, then computes the overview.
     */
    public void load() {
        Path dir = workspaceDir.get();
        ReviewService.SideCases[] sides = new ReviewService.SideCases[2];
        boolean[] failed = {false};
        Runnable bothRead = () -> {
            if (sides[0] == null || sides[1] == null) return;
            BackgroundTask.of(() -> Aligned.of(ReviewService.align(sides[0], sides[1], dataset::place)))
                    .onSuccess(aligned -> show(aligned, dir))
                    .onFailure(e -> problem.set("Cannot compare: " + e.getMessage()))
                    .executeWith(runner);
        };
        ReviewService.Side[] which = {before, after};
        for (int i = 0; i < 2; i++) {
            int side = i;
            BackgroundTask.of(() -> ReviewService.read(which[side]))
                    .onSuccess(read -> {
                        sides[side] = read;
                        bothRead.run();
                    })
                    .onFailure(e -> {
                        if (!failed[0]) problem.set("Cannot compare: " + e.getMessage());
                        failed[0] = true;
                    })
                    .executeWith(runner);
        }
    }

    /** The aligned cases with the filter bar's choices, all worked out off the UI thread. */
    private record Aligned(ReviewService.Cases cases, List<String> suites, List<String> tags, List<String> kinds) {
        static Aligned of(ReviewService.Cases cases) {
            List<CaseSummary> sides = new ArrayList<>(cases.beforeSummaries());
            sides.addAll(cases.afterSummaries());
            return new Aligned(cases,
                    List.copyOf(new TreeSet<>(sides.stream().map(s -> s.key().suite()).toList())),
                    List.copyOf(new TreeSet<>(sides.stream().flatMap(s -> s.tags().stream()).toList())),
                    CaseFilter.failureKinds(sides));
        }
    }

    private void show(Aligned aligned, Path dir) {
        ReviewService.Cases cases = aligned.cases();
        loadedCases = cases;
        all = cases.cases();
        suites.setAll(aligned.suites());
        tags.setAll(aligned.tags());
        failureKinds.setAll(aligned.kinds());
        movements.setAll(cases.movements().stream().filter(MetricMovement::moved).toList());
        headline.set(ComparisonWords.headline(cases));
        scope.set(ComparisonWords.scope(cases));
        visible.setAll(all);
        updateRemaining();
        firstShown.set(all.isEmpty() ? null : all.get(0));
        reviewed.read(cases.before().id(), cases.after().id());
        loadOverview(cases, dir);
        if (ComparisonWords.unpaired(cases)) {
            BackgroundTask.of(() -> ReviewService.canary(cases).orElse(null))
                    .onSuccess(canary::set)
                    .onFailure(e -> problem.set("Cannot judge the canary: " + e.getMessage()))
                    .executeWith(runner);
        }
    }

    private void loadOverview(ReviewService.Cases cases, Path dir) {
        BackgroundTask.of(() -> {
                    ReviewService.GatedOverview gated = service.gatedOverview(before, after, cases, dir, recordedGates);
                    return new OverviewRead(gated.overview(), GateScopes.of(gated, cases));
                })
                .onSuccess(read -> {
                    gateScopes = read.gateScopes();
                    overview.set(read.overview());
                    overviewState.set(read.overview().gatesFromInWords());
                })
                .onFailure(e -> {
                    overviewState.set("Cannot compare metrics and gates: " + e.getMessage());
                    overviewFailed.set(true);
                })
                .executeWith(runner);
    }

    private record OverviewRead(ChangeOverview overview, Map<String, Moved> gateScopes) {}

    /** The filter as the bar reads now. */
    ReviewFilter filter() {
        Moved m = moved.get();
        return new ReviewFilter(new CaseFilter(text.get(), regex.get(), verdict.get(), suite.get(), tag.get(), failureKind.get(), null),
                status.get(), m == null ? null : m.name(), m == null ? null : m.keys());
    }

    private void refilter() {
        if (loadedCases == null) return;
        ReviewFilter f = filter();
        List<ReviewCase> rows = all;
        filtering.submit(() -> f.apply(rows), matched -> {
            problem.set("");
            visible.setAll(matched);
        }, e -> problem.set(e instanceof PatternSyntaxException p
                ? "Not a regular expression: " + p.getDescription() + " at " + p.getIndex() : String.valueOf(e.getMessage())));
    }

    /** A metric's count was clicked: the list shows the cases it moved that way. */
    public void showMoved(MetricMovement m, boolean better) {
        moved.set(new Moved(m.label(), better ? "better" : "worse", better ? m.better() : m.worse()));
    }

    /**
     * A gate of the overview was clicked: the list shows the cases behind it in either run ({@link GateScopes}).
     *
     * @return false, the list unchanged, for a gate with no such cases to tell (the report recorded it)
     */
    public boolean showGate(String gateId) {
        Moved scope = gateScopes.get(gateId);
        if (scope == null) return false;
        moved.set(scope);
        return true;
    }

    /** The scope {@link #showGate} sets for that gate, or null when it sets none. */
    public Moved gateScope(String gateId) {
        return gateScopes.get(gateId);
    }

    /** Esc: every field back to "any". */
    public void clearFilter() {
        moved.set(null);
        status.set(null);
        text.set("");
        verdict.set(null);
        suite.set(null);
        tag.set(null);
        failureKind.set(null);
    }

    /** Both records of a case in full, masked, and their diff; a captured request's variables. Task bodies only. */
    private CaseComparison compare(ReviewCase row) throws Exception {
        CaseRecord a = row.before() == null ? null
                : before.store().caseRecord(loadedCases.before().id(), row.before().key()).orElse(null);
        CaseRecord b = row.after() == null ? null
                : after.store().caseRecord(loadedCases.after().id(), row.after().key()).orElse(null);
        String input = captured.of(a, b, mask);
        return CaseComparison.of(row, a == null ? null : mask.record(a), b == null ? null : mask.record(b), input);
    }

    /** Keeps the marks of this pair of runs in {@code file}: read once the cases are shown, written at each mark. */
    public void keepMarksIn(ReviewMarksFile file) {
        reviewed.keepIn(file);
    }

    /** Marks the case reviewed (or not again, when it was), and keeps the marks (off the UI thread). */
    public void toggleReviewed(ReviewCase row) {
        if (row != null) reviewed.toggle(row.key());
    }

    /** How many cases are marked reviewed (regressions or not). */
    public int reviewedCount() {
        return reviewed.size();
    }

    public boolean isReviewed(ReviewCase row) {
        return row != null && reviewed.contains(row.key());
    }

    private void updateRemaining() {
        long total = all.stream().filter(ReviewCase::regressed).count();
        long left = all.stream().filter(r -> r.regressed() && !reviewed.contains(r.key())).count();
        // Nothing pairs between a control and its canary, so nothing regresses case by case: the verdict says it.
        if (loadedCases != null && ComparisonWords.unpaired(loadedCases)) remaining.set("");
        else remaining.set(total == 0 ? "no regression to review"
                : String.format(Locale.ROOT, "%,d of %,d regressions left to review", left, total));
    }

    /**
     * The index of the next (step 1) or previous (step -1) regression after {@code from}, wrapping round; -1 when
     * the rows hold none. {@code from} may be -1 (nothing selected).
     */
    public static int nextRegression(List<ReviewCase> rows, int from, int step) {
        int n = rows.size();
        for (int i = 1; i <= n; i++) {
            int at = Math.floorMod((from < 0 && step < 0 ? 0 : from) + step * i, n);
            if (rows.get(at).regressed()) return at;
        }
        return -1;
    }

    public ReviewService.Cases loaded() { return loadedCases; }
    public StringProperty textProperty() { return text; }
    public BooleanProperty regexProperty() { return regex; }
    public ObjectProperty<ReviewStatus> statusProperty() { return status; }
    public StringProperty verdictProperty() { return verdict; }
    public StringProperty suiteProperty() { return suite; }
    public StringProperty tagProperty() { return tag; }
    public StringProperty failureKindProperty() { return failureKind; }
    public ObjectProperty<Moved> movedProperty() { return moved; }
    /** The rows that pass the filter, regressions first. */
    public ObservableList<ReviewCase> visible() { return visible; }
    public int total() { return all.size(); }
    public ObservableList<String> suites() { return suites; }
    public ObservableList<String> tags() { return tags; }
    public ObservableList<String> failureKinds() { return failureKinds; }
    /** The metrics that moved any case, each with its better and worse cases. */
    public ObservableList<MetricMovement> movements() { return movements; }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CanaryResult> canaryProperty() { return canary.getReadOnlyProperty(); }
    /** What the comparison left out to compare a partial run with a whole one on the same cases; "" when nothing. */
    public ReadOnlyStringProperty scopeProperty() { return scope.getReadOnlyProperty(); }
    public ReadOnlyStringProperty remainingProperty() { return remaining.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Null until the overview is computed. */
    public ReadOnlyObjectProperty<ChangeOverview> overviewProperty() { return overview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty overviewStateProperty() { return overviewState.getReadOnlyProperty(); }
    /** Whether the overview (what changed, metrics and gates) failed to be read: {@link #overviewStateProperty} says why. */
    public javafx.beans.property.ReadOnlyBooleanProperty overviewFailedProperty() { return overviewFailed.getReadOnlyProperty(); }
    public ObjectProperty<ReviewCase> selectedProperty() { return selected; }
    /** The selected case in full, or null while none is selected (or it is being read). */
    public ReadOnlyObjectProperty<CaseComparison> detailProperty() { return detail.getReadOnlyProperty(); }
    /** The row to select once the cases are shown: the first regression, else the first case. */
    public ReadOnlyObjectProperty<ReviewCase> firstShownProperty() { return firstShown.getReadOnlyProperty(); }
    public ReviewService.Side before() { return before; }
    public ReviewService.Side after() { return after; }
}
