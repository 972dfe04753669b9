package dev.evalbench.app.compare;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.service.VerdictPairs;
import dev.evalbench.core.store.LoadedRunStore;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The comparison tabs in the centre: opens one per pair of runs (the local history's or runs opened from
 * files, held read-only in {@link #opened()}), resolves "the baseline" and "the previous run" of a run, and
 * owns the review keys (J, K, M) that act on the selected comparison. FX thread only; reading runs happens
 * on the task runner.
 */
public final class CompareTabs {
    /** The tag that names the baseline in the history, as gates use it. */
    public static final String BASELINE_TAG = "main";
    private static final int HISTORY_LIMIT = 1000;

    private final MainWindow window;
    private final TaskRunner runner;
    private final BackgroundTask.ThrowingSupplier<RunStore> history;
    private final Supplier<Path> workspaceDir;
    private final Supplier<Workspace> openWorkspace;
    private final ReviewService service;
    private final LoadedRunStore opened = new LoadedRunStore();
    private final java.time.ZoneId zone;
    /** The comparisons open in a tab, by their two runs ({@link #key}); a closed tab's entry is dropped when met. */
    private final Map<String, Tab> pairs = new java.util.HashMap<>();
    /** How a side read from a file ends in a pair's key. */
    private static final String FILE_SIDE = " (file)";
    private ReviewMarksFile marks;
    private Map<String, double[]> dividers = new java.util.HashMap<>();
    private final List<Consumer<Opened>> onOpen = new java.util.ArrayList<>();
    private final OpenedReports reports = new OpenedReports();
    /** Each history run's gate summary as the runs list knows it, for the compare dialog; null when not known. */
    private java.util.function.Function<String, String> gatesOf = id -> null;

    /**
     * A comparison just opened: its view, its two runs' ids (first, the baseline side, then second), and whether both
     * are runs of the open workspace's history (neither read from a file), so that the history can report on them.
     */
    public record Opened(CompareView view, String firstRunId, String secondRunId, boolean bothInHistory) {}

    /**
     * @param history       the open workspace's history (called in task bodies only)
     * @param workspaceDir  the open workspace folder, or null
     * @param openWorkspace the loaded open workspace, or null: its restricted values are masked in outputs
     */
    public CompareTabs(MainWindow window, TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> history,
                       Supplier<Path> workspaceDir, Supplier<Workspace> openWorkspace, Map<String, String> env,
                       java.time.ZoneId zone) {
        this.zone = zone;
        this.window = window;
        this.runner = runner;
        this.history = history;
        this.workspaceDir = workspaceDir;
        this.openWorkspace = openWorkspace;
        this.service = new ReviewService(env);
    }

    /** Calls {@code hook} for each comparison opened from now on, before its tab shows (to add its actions). */
    public void onOpen(Consumer<Opened> hook) {
        onOpen.add(hook);
    }

    public void installShortcuts() {
        window.shortcuts().add(new KeyCodeCombination(KeyCode.J), "Compare", "Next regression", () -> unlessTyping(v -> v.moveToRegression(1)));
        window.shortcuts().add(new KeyCodeCombination(KeyCode.K), "Compare", "Previous regression", () -> unlessTyping(v -> v.moveToRegression(-1)));
        window.shortcuts().add(new KeyCodeCombination(KeyCode.M), "Compare", "Mark the case reviewed (again: not reviewed)",
                () -> unlessTyping(CompareView::toggleReviewed));
        window.shortcuts().add(new KeyCodeCombination(KeyCode.I), "Compare",
                "Show the selected case's whole input (again: its first lines)",
                () -> unlessTyping(CompareView::toggleWholeInput));
        window.shortcuts().add(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Compare", "Compare two runs…", this::pick);
    }

    /**
     * Keeps the dividers a reviewer drags in a comparison in {@code dividers} (the settings'), for the comparisons
     * opened later; without, they hold for the life of the window.
     */
    public void keepDividersIn(Map<String, double[]> dividers) {
        this.dividers = dividers;
    }

    /** Keeps reviewers' marks in {@code configFolder}'s reviews/ from now on (without: for the life of a tab). */
    public void keepMarksIn(Path configFolder) {
        this.marks = configFolder == null ? null : new ReviewMarksFile(configFolder);
    }

    /** The runs opened from files, read-only. */
    public LoadedRunStore opened() {
        return opened;
    }

    /** A history run, as pickers show it; the history store is read when the comparison opens. */
    public BackgroundTask.ThrowingSupplier<RunStore> historyStore() {
        return history;
    }

    /**
     * Compares {@code run} (the second run) with its baseline: for a report opened from a file, the baseline it
     * brought; for a shadow or traffic run of the history, the run it is judged against ({@link #compareVerdictPair});
     * else the history's run tagged main.
     */
    public void compareWithBaseline(RunChoice run) {
        String brought = reports.baseline(run.runId());
        boolean fromFile = run.label().endsWith(RunChoice.READ_ONLY);
        if (brought != null && fromFile) open(fileChoice(brought), run);
        else if (fromFile) compareWithTagged(run);
        // Main's eval cases are not a shadow run's replayed requests, nor a canary's ("159 only in the first run, 500
        // only in the second").
        else BackgroundTask.of(() -> history.get().run(run.runId()).map(r -> r.kind() != RunKind.EVAL).orElse(false))
                .onSuccess(pairs -> {
                    if (pairs) compareVerdictPair(run);
                    else compareWithTagged(run);
                })
                .onFailure(e -> window.status("Cannot compare: " + e.getMessage())).executeWith(runner);
    }

    private void compareWithTagged(RunChoice run) {
        // A report whose own baseline could not be read compares with the history's, as any opened run does; when
        // that fails too, the report's reason comes with the history's.
        String unread = reports.unreadBaseline(run.runId());
        String alsoWhy = unread == null ? "" : "; the report's own baseline cannot be read: " + unread;
        resolveAndOpen(run, () -> {
            RunStore h = history.get();
            Optional<String> id = ReviewService.baseline(h, BASELINE_TAG, run.store().get() == h ? run.runId() : null);
            return id.isPresent() ? choice(h, id.get()) : null;
        }, "No baseline: tag a run " + BASELINE_TAG + " in the history first" + alsoWhy + ".", alsoWhy);
    }

    /** Compares {@code run} (the second run) with the run before it in its own store. */
    public void compareWithPrevious(RunChoice run) {
        resolveAndOpen(run, () -> {
            RunStore s = run.store().get();
            Optional<String> id = ReviewService.previous(s, run.runId(), HISTORY_LIMIT);
            if (id.isEmpty()) return null;
            return s == opened ? fileChoice(id.get()) : choice(s, id.get());
        }, "No earlier run to compare with.", "");
    }

    /**
     * Opens the comparison a shadow or canary verdict is about, from one of its runs in the history: a shadow run
     * against the traffic it replayed, a canary traffic run against its control ({@link VerdictPairs}).
     */
    public void compareVerdictPair(RunChoice run) {
        BackgroundTask.of(() -> {
                    RunStore s = run.store().get();
                    Optional<VerdictPairs.Pair> pair = VerdictPairs.of(s, run.runId(), HISTORY_LIMIT);
                    return pair.isEmpty() ? null : new FoundPair(pair.get().what(), choice(s, pair.get().first()), choice(s, pair.get().second()));
                })
                .onSuccess(found -> {
                    if (found == null) {
                        window.status("Run " + run.runId() + " is no shadow run with its traffic run, nor a traffic run with a control, in this history.");
                        return;
                    }
                    window.status("Comparing the " + found.what() + ".");
                    open(found.first(), found.second());
                })
                .onFailure(e -> window.status("Cannot compare: " + e.getMessage()))
                .executeWith(runner);
    }

    private record FoundPair(String what, RunChoice first, RunChoice second) {}

    /** Opens the comparison of two runs of the history by id, or says which one it lacks. */
    public void compareHistoryRuns(String firstId, String secondId) {
        compareHistoryRuns(firstId, secondId, () -> {});
    }

    /** As {@link #compareHistoryRuns(String, String)}; runs {@code notOpened} when no comparison opens (said why). */
    public void compareHistoryRuns(String firstId, String secondId, Runnable notOpened) {
        BackgroundTask.of(() -> {
                    RunStore h = history.get();
                    for (String id : List.of(firstId, secondId)) {
                        if (h.run(id).isEmpty()) return "Run " + id + " is not in this workspace's history: open both runs' exports to compare them.";
                    }
                    return new RunChoice[] {choice(h, firstId), choice(h, secondId)};
                })
                .onSuccess(found -> {
                    if (found instanceof RunChoice[] pair) {
                        open(pair[0], pair[1]);
                    } else {
                        window.status(String.valueOf(found));
                        notOpened.run();
                    }
                })
                .onFailure(e -> {
                    window.status("Cannot compare: " + e.getMessage());
                    notOpened.run();
                })
                .executeWith(runner);
    }

    /** @param alsoWhy words added to a failure's message ("" for none) */
    private void resolveAndOpen(RunChoice after, BackgroundTask.ThrowingSupplier<RunChoice> before, String none,
                                String alsoWhy) {
        BackgroundTask.of(() -> {
                    RunChoice b = before.get();
                    return b == null ? null : new RunChoice[] {b, dated(after)};
                })
                .onSuccess(pair -> {
                    if (pair == null) window.status(none);
                    else open(pair[0], pair[1]);
                })
                .onFailure(e -> window.status("Cannot compare: " + e.getMessage() + alsoWhy))
                .executeWith(runner);
    }

    /**
     * A run of the history as pickers name it, with its date, whoever chose it (a results tab's buttons know only the
     * id: the comparison's line said "run ID · date" for the first run and "run ID" for the second); a run read from
     * a file as it came. Task bodies.
     */
    private RunChoice dated(RunChoice run) throws Exception {
        RunStore h = history.get();
        if (run.store().get() != h) return run;
        return h.run(run.runId()).map(header -> RunChoice.ofHistory(header, zone, run.store())).orElse(run);
    }

    private RunChoice choice(RunStore store, String id) throws Exception {
        return RunChoice.ofHistory(store.run(id).orElseThrow(), zone, () -> store);
    }

    private RunChoice fileChoice(String id) {
        return RunChoice.ofFile(id, openedLabel(id), () -> opened);
    }

    /**
     * Where the compare dialog reads each run's gate summary ("FAIL 2"): a reviewer choosing two runs saw ids and
     * times alone. Read in a task body: {@code gatesOf} must be safe on any thread.
     */
    public void summarizeRunsWith(java.util.function.Function<String, String> gatesOf) {
        this.gatesOf = gatesOf;
    }

    /** What the reports opened from files brought (their gates, their baselines). */
    public OpenedReports reports() {
        return reports;
    }

    /**
     * Every run that can be picked (the history's, newest first, then those opened from files), and the pair the
     * picker offers first ({@link FirstPair}).
     */
    private void choices(Consumer<Choices> then) {
        BackgroundTask.of(() -> {
            List<RunChoice> all = new java.util.ArrayList<>();
            FirstPair first = null;
            try {
                RunStore h = history.get();
                List<dev.evalbench.core.record.RunHeader> runs = h.runs(HISTORY_LIMIT);
                for (var header : runs) all.add(RunChoice.ofHistory(header, zone, () -> h, gatesOf.apply(header.id())));
                if (!runs.isEmpty()) first = FirstPair.of(h, runs.get(0).id(), HISTORY_LIMIT);
            } catch (Exception noHistory) {
                // no workspace open: only files can be compared
            }
            for (var header : opened.runs(HISTORY_LIMIT)) all.add(RunChoice.ofFile(header.id(), openedLabel(header.id()), () -> opened));
            return new Choices(all, first);
        }).onSuccess(then).executeWith(runner);
    }

    /** {@code first} is null when the history holds no run. */
    private record Choices(List<RunChoice> all, FirstPair first) {}

    private final Map<String, String> labels = new java.util.concurrent.ConcurrentHashMap<>();

    /** Remembers how an opened run is called (its file), for pickers and titles. */
    public void nameOpened(String runId, String label) {
        labels.put(runId, label);
    }

    private String openedLabel(String runId) {
        return labels.getOrDefault(runId, "run " + runId);
    }

    /** Asks for two runs and compares them. */
    public void pick() {
        choices(choices -> {
            List<RunChoice> all = choices.all();
            // The picker needs two runs; with fewer it opened nothing and said nothing.
            if (all.size() < 2) {
                window.status(all.isEmpty() ? "Nothing to compare yet: run the suites (Ctrl+R) or open run files (Ctrl+Shift+O)."
                        : "Only one run to compare: run again (Ctrl+R), or open a run file (Ctrl+Shift+O) for the other side.");
                return;
            }
            RunPicker.ask(window.scene().getWindow(), all, choices.first()).ifPresent(p -> open(p[0], p[1]));
        });
    }

    /**
     * Opens the comparison of {@code before} (the first run, the baseline side) and {@code after}, or selects its
     * tab when that comparison is open already (with the marks and place the reviewer left there).
     */
    public void open(RunChoice before, RunChoice after) {
        String key = key(before) + " -> " + key(after);
        Tab existing = pairs.get(key);
        if (existing != null && window.tabs().getTabs().contains(existing)) {
            window.tabs().getSelectionModel().select(existing);
            return;
        }
        pairs.remove(key);
        BackgroundTask.of(() -> new ReviewService.Side[] {
                        new ReviewService.Side(before.store().get(), before.runId()),
                        new ReviewService.Side(after.store().get(), after.runId())})
                .onSuccess(sides -> pairs.put(key, show(before, after, sides)))
                .onFailure(e -> window.status("Cannot compare: " + e.getMessage()))
                .executeWith(runner);
    }

    /** Closes the comparisons with a side from the history (another workspace was opened); those of files stay. */
    public void closeThoseOfTheHistory() {
        List<Tab> closing = new java.util.ArrayList<>();
        pairs.forEach((key, tab) -> {
            String[] sides = key.split(" -> ", 2);
            if (sides.length != 2 || !sides[0].endsWith(FILE_SIDE) || !sides[1].endsWith(FILE_SIDE)) closing.add(tab);
        });
        window.tabs().getTabs().removeAll(closing);
        pairs.values().removeAll(closing);
    }

    /** A run as a side of a comparison: its id, and whether it was read from a file rather than the history. */
    private static String key(RunChoice run) {
        return run.runId() + (run.label().endsWith(RunChoice.READ_ONLY) ? FILE_SIDE : "");
    }

    private Tab show(RunChoice before, RunChoice after, ReviewService.Side[] sides) {
        Workspace ws = openWorkspace.get();
        // Built by the first task that masks a record, not here on the FX thread.
        Supplier<OutboundMask> mask = OutboundMasks.later(ws, Map.of(), sides[0], sides[1]);
        CompareViewModel vm = new CompareViewModel(runner, service, sides[0], sides[1], workspaceDir,
                ComparisonMask.of(mask), new dev.evalbench.app.results.DatasetLookup(ws));
        if (marks != null) vm.keepMarksIn(marks);
        vm.useRecordedGates(reports::recordedGates);
        CompareView view = new CompareView(vm, "First run: " + before.label() + "   →   second run: " + after.label(),
                dividers);
        Tab tab = new Tab("Compare " + shortId(before.runId()) + " → " + shortId(after.runId()), view);
        tab.setId("compare-tab");
        // Two runs of the history can be compared again at the next start; runs read from files may be gone by then.
        boolean bothInHistory = !before.label().endsWith(RunChoice.READ_ONLY) && !after.label().endsWith(RunChoice.READ_ONLY);
        if (bothInHistory) {
            dev.evalbench.app.shell.TabMemory.remember(tab, "compare", before.runId() + " " + after.runId());
        }
        Opened opened = new Opened(view, before.runId(), after.runId(), bothInHistory);
        onOpen.forEach(hook -> hook.accept(opened));
        // Two outputs side by side need the width the (unused) detail pane would take.
        MainWindow.wantsWholeWidth(tab);
        tab.setTooltip(new Tooltip(before.label() + " → " + after.label()));
        window.tabs().getTabs().add(tab);
        window.tabs().getSelectionModel().select(tab);
        vm.load();
        return tab;
    }

    private static String shortId(String id) {
        return id.length() > 15 ? id.substring(0, 15) : id;
    }

    /** The comparison of the selected tab, or null when the selected tab shows something else. */
    public CompareView current() {
        Tab tab = window.tabs().getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof CompareView v ? v : null;
    }

    /** J, K and M are letters: typed into a text field they stay letters. */
    private void unlessTyping(Consumer<CompareView> action) {
        if (window.scene().getFocusOwner() instanceof TextInputControl) return;
        CompareView v = current();
        if (v != null) action.accept(v);
    }
}
