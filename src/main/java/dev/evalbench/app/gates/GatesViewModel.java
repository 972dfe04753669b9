package dev.evalbench.app.gates;

import dev.evalbench.core.gate.ci.UnansweredGates;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.text.Counted;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The gates panel of one run: each gate's verdict with its numbers and sentence, the headline the CLI prints
 * ("FAILED: 2 of 7 gates failed"), and which baseline was used. Gating runs on the task runner; choosing a
 * gate hands the cases behind it to whoever filters the results. Never touches controls; UI thread only.
 */
public final class GatesViewModel {
    private final TaskRunner runner;
    private final BackgroundTask.ThrowingSupplier<RunStore> store;
    private final RunGating gating;
    private final String runId;
    private final ObservableList<GateRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "Gating…");
    private final ReadOnlyStringWrapper baseline = new ReadOnlyStringWrapper(this, "baseline", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<GatedRun> gated = new ReadOnlyObjectWrapper<>(this, "gated");
    /** Whether the open workspace's gates differ from the run's own (its gates file edited since the run). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper gatesEdited =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "gatesEdited");
    /** Whether the run is shown gated with the open workspace's gates as they are now, not its own. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper withGatesNow =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "withGatesNow");
    private Consumer<GateRow> onChosen = row -> {};
    private String noBaseline = "No baseline: tag a run " + RunGating.BASELINE_TAG + " in the history to compare with it.";

    public GatesViewModel(TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> store, RunGating gating, String runId) {
        this.runner = runner;
        this.store = store;
        this.gating = gating;
        this.runId = runId;
    }

    /**
     * What the baseline line says of a run gated without a baseline (by default, how to tag one): a run opened from
     * a file has none whatever the history holds, and says so. Set before {@link #load}.
     */
    public void setNoBaseline(String sentence) {
        this.noBaseline = sentence;
    }

    /**
     * Shows the run gated with the open workspace's gates as they are now ({@code true}; as {@code evalbench gate}
     * judges it) or with its own, as it was made ({@code false}), and gates it so.
     */
    public void gateWithGatesNow(boolean now) {
        withGatesNow.set(now);
        load();
    }

    /** Gates the run (again): after opening, after the baseline tag moved, and after the workspace was read again. */
    public void load() {
        boolean now = withGatesNow.get();
        BackgroundTask.of(() -> {
                    RunStore s = store.get();
                    GatedRun own = gating.gate(s, runId);
                    boolean edited = gating.openGatesDiffer(own);
                    GatedRun g = now && edited ? gating.gateWithOpen(s, runId) : own;
                    // A report's recorded gates are not of a run left incomplete here. Its events are read once, for
                    // why it is incomplete and for the routes it found down.
                    var status = g.header().status();
                    boolean incomplete = !g.recorded() && status == dev.evalbench.core.record.RunStatus.INCOMPLETE;
                    var events = incomplete ? s.events(g.header().id()) : java.util.List.<RunEvent>of();
                    var why = RunEvent.whyIncomplete(status, events);
                    boolean outage = dev.evalbench.core.service.Outages.isOutage(why);
                    // An incomplete run's routes that answered none of their cases: their gates measured an outage.
                    java.util.Set<String> answeringNone = incomplete && !outage
                            ? dev.evalbench.core.record.RoutePasses.answeringNone(g.header(), events,
                                    s.summaries(g.header().id()))
                            : java.util.Set.of();
                    UnansweredGates unanswered = new UnansweredGates(outage, answeringNone);
                    return new Shown(g, s.resolve(RunGating.BASELINE_TAG).filter(runId::equals).isPresent(),
                            unanswered, dev.evalbench.core.service.Outages.unsentDetail(why) == null ? null : why.kind(),
                            edited);
                })
                .onSuccess(shown -> {
                    gatesEdited.set(shown.gatesEdited());
                    // The gates back as the run's (the file undone): nothing else to show them with.
                    if (!shown.gatesEdited()) withGatesNow.set(false);
                    show(shown.gated(), shown.isBaseline(), shown.unanswered(), shown.left());
                })
                .onFailure(e -> {
                    headline.set("Not gated");
                    problem.set("Cannot gate run " + runId + ": " + e.getMessage());
                })
                .executeWith(runner);
    }

    /**
     * A run as gated, whether it is itself the baseline (so it has none to be gated against), which gates measured an
     * outage (all of a run no case of which got an answer, or those of a route that answered none), and {@code left}:
     * the kind of the event that left some of its cases for resume ({@link RunEvent#UNSENT}: kept from the model;
     * {@link RunEvent#UNJUDGED}: no grade from a judge; {@link RunEvent#UNANSWERED}: a route answered none), else null.
     */
    private record Shown(GatedRun gated, boolean isBaseline, UnansweredGates unanswered, String left, boolean gatesEdited) {}

    private void show(GatedRun g, boolean isBaseline, UnansweredGates unanswered, String left) {
        problem.set(null);
        gated.set(g);
        rows.setAll(g.report().verdicts().stream()
                .map(v -> new GateRow(v, g.casesBehind().getOrDefault(v.id(), GateCases.Behind.NONE), unanswered.of(v)))
                .toList());
        boolean now = RunGating.FROM_OPEN_NOW.equals(g.gatesFrom());
        headline.set((now ? "With the gates as they are now: " : "") + headline(g, unanswered.wholeRun(), left));
        if (now) {
            String against = g.baselineTag() == null ? "" : ", against baseline " + g.baselineTag() + " (run "
                    + g.report().baselineRunId() + ")";
            baseline.set("Not the gates this run was made with: the workspace's as they are now" + against
                    + ", as evalbench gate judges it.");
        } else if (g.recorded()) {
            String against = g.report().baselineRunId() == null ? "" : ", against run " + g.report().baselineRunId();
            baseline.set(g.whyRecorded() != null
                    ? "As the report recorded them" + against + ": " + g.whyRecorded() + "."
                    : "As the report recorded them" + against + "; open the workspace (Ctrl+O) to gate it here.");
        } else if (GatedRun.REPORTS_BASELINE.equals(g.baselineTag())) {
            baseline.set("Against the baseline the report brought (run " + g.report().baselineRunId() + "): the verdicts"
                    + " the report recorded.");
        } else {
            baseline.set(g.baselineTag() != null
                    ? "Against baseline " + g.baselineTag() + " (run " + g.report().baselineRunId() + ")."
                    : isBaseline ? "This run is the baseline (" + RunGating.BASELINE_TAG + "): later runs are gated against it."
                    : RunGating.gatedAlone(g.header()) ? alone(g.header().kind())
                    : noBaseline);
        }
    }

    /** Where a run of {@code kind} that is gated alone (not an eval run) is compared instead. */
    private static String alone(dev.evalbench.core.record.RunKind kind) {
        return kind == dev.evalbench.core.record.RunKind.SHADOW
                ? "A shadow run is gated alone: compare it with the traffic it replayed in Compare shadow or canary."
                : "A traffic run is gated alone: compare it with its control in Compare shadow or canary.";
    }

    /**
     * The CLI's last line for this run, in its words; for an incomplete run, what to do in the window (the
     * history's Resume), not the command to type, and what stopped it when nobody asked: its gates measured the
     * outage, not the model.
     *
     * @param outage whether the run is incomplete because the model answered none of its cases
     * @param left the kind of the event that left some of its cases for resume ({@link RunEvent#UNSENT}: kept from the
     *             model; {@link RunEvent#UNJUDGED}: a judge's route gave no grade; {@link RunEvent#UNANSWERED}: a route
     *             answered none of its cases), else null
     */
    static String headline(GatedRun g, boolean outage, String left) {
        long failed = g.failedGates();
        int total = g.report().verdicts().size();
        if (g.header().status() == dev.evalbench.core.record.RunStatus.RUNNING) {
            // Not "Resume": it goes on (in a terminal, or this window); its tab is read again when it ends.
            return "RUNNING: the cases stored so far; read again when the run ends";
        }
        if (g.header().status() != dev.evalbench.core.record.RunStatus.COMPLETE) {
            // Short enough to leave the baseline line beside it room: the outage event's own words, with the count
            // of failures the run bar shows, cut it to "… Resume finishes it onc…", and "no case got an answer from
            // the model" went past the edge of a 1,280-px window's centre pane.
            return outage ? "INCOMPLETE: no answer from the model. Resume once the route answers"
                    : RunEvent.UNSENT.equals(left) ? "INCOMPLETE: some cases were not sent to the model. Resume sends them"
                    : RunEvent.UNJUDGED.equals(left) ? "INCOMPLETE: some cases got no grade from a judge. Resume sends them"
                    : RunEvent.UNANSWERED.equals(left) ? "INCOMPLETE: a route answered none of its cases. Resume runs them again"
                    : "INCOMPLETE: Resume finishes it (beside Rerun failing, or in the history)";
        }
        return failed == 0 ? "PASSED: " + Counted.allGatesPass(total, g.report().notRun())
                : "FAILED: " + Counted.gatesFailed(failed, total, g.report().notRun());
    }

    /** A gate was clicked: the results show the cases behind it. */
    public void choose(GateRow row) {
        // A report's recorded gates name no cases: a click would filter the results down to nothing.
        if (row != null && !(gated.get() != null && gated.get().recorded())) onChosen.accept(row);
    }

    /** Who filters the results when a gate is chosen (the row names the cases behind it). */
    public void setOnChosen(Consumer<GateRow> onChosen) {
        this.onChosen = onChosen;
    }

    public ObservableList<GateRow> rows() { return rows; }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    public ReadOnlyStringProperty baselineProperty() { return baseline.getReadOnlyProperty(); }
    /** Why the run could not be gated, in a sentence; null while gating or once gated. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** The gated run once gating finished; null before. */
    public ReadOnlyObjectProperty<GatedRun> gatedProperty() { return gated.getReadOnlyProperty(); }
    public String runId() { return runId; }
    /** Whether the open workspace's gates differ from those the run was made with. */
    public javafx.beans.property.ReadOnlyBooleanProperty gatesEditedProperty() { return gatesEdited.getReadOnlyProperty(); }
    /** Whether the run is shown gated with the workspace's gates as they are now. */
    public javafx.beans.property.ReadOnlyBooleanProperty withGatesNowProperty() { return withGatesNow.getReadOnlyProperty(); }
}
