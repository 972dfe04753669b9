package dev.evalbench.app.runner;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.ProgressSnapshot;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One run in progress as the run bar shows it: its id, the fraction done, live pass / fail / error counts per
 * route, the ETA, and its state. Updated from coalesced progress snapshots on the UI thread; holds the run's
 * {@link Cancellation}. Properties change on the UI thread only.
 */
public final class RunProgress {
    /**
     * Where a run stands. CANCELLED, OUTAGE, UNSENT, UNJUDGED and UNANSWERED leave it incomplete and resumable:
     * asked to stop; stopped because no case got an answer from the model (the route is down); with cases kept from
     * the model (an open breaker, a route the server refused); with cases a judge's route left ungraded; or with a
     * route of several that answered none of its cases. Nobody asked for the last four. REFUSED: the request was
     * refused before anything was sent (a resume whose routes read otherwise now); FAILED: it broke (the history could
     * not be written, say).
     */
    public enum State { STARTING, RUNNING, COMPLETE, CANCELLED, OUTAGE, UNSENT, UNJUDGED, UNANSWERED, REFUSED, FAILED }

    private final Cancellation cancellation = new Cancellation();
    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper(this, "runId");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", -1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "starting…");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.STARTING);
    private ProgressSnapshot last;
    private RunHeader header;
    /** Why it was refused or failed, once it was. */
    private String problem;
    /** The run's workspace, named while the window shows another; null while it shows the run's own. */
    private String elsewhere;
    private final java.nio.file.Path folder;

    /** A run of no known workspace folder (view-model tests). */
    public RunProgress() {
        this(null);
    }

    /** A run of the workspace in {@code folder}, whose history stores it. */
    RunProgress(java.nio.file.Path folder) {
        this.folder = folder;
    }

    /** The workspace folder the run was started in, whose history stores it; null when not known. */
    public java.nio.file.Path folder() {
        return folder;
    }

    void started(RunHeader header) {
        this.header = header;
        runId.set(header.id());
        state.set(State.RUNNING);
    }

    void update(ProgressSnapshot s) {
        last = s;
        fraction.set(s.total() == 0 ? 0 : (double) s.done() / s.total());
        text.set(runningText());
    }

    private String runningText() {
        return (elsewhere == null ? "" : "in workspace " + elsewhere + ": ") + describe(last, state.get());
    }

    /** @param problem why it was refused (REFUSED) or failed (FAILED); null otherwise */
    void ended(State how, RunHeader finalHeader, String problem) {
        if (finalHeader != null) header = finalHeader;
        state.set(how);
        this.problem = problem;
        text.set(endText());
        if (how == State.COMPLETE) fraction.set(1);
        // Ended before its first count: a still, empty bar, not one that goes on moving as if it were busy.
        else if (fraction.get() < 0) fraction.set(0);
    }

    /**
     * Words the run for a window showing workspace {@code open}: when the run is of another (one was opened while it
     * ran, or since it ended), the text names its workspace, since its cases are in that one's history, not the one
     * the window lists.
     */
    void shownFrom(java.nio.file.Path open) {
        elsewhere = folder != null && !folder.equals(open) ? String.valueOf(folder.getFileName()) : null;
        State how = state.get();
        if (how == State.STARTING) return;
        if (how == State.RUNNING) {
            if (last != null) text.set(runningText());
        } else {
            text.set(endText());
        }
    }

    private String endText() {
        State how = state.get();
        String counts = last == null ? "" : describe(last, how);
        String where = elsewhere == null ? "" : ", in workspace " + elsewhere;
        String resume = elsewhere == null ? " (Resume is in its results tab): " : " (Resume it from that workspace's history): ";
        return switch (how) {
            case COMPLETE -> "complete" + where + ": " + counts;
            case CANCELLED -> "cancelled" + where + resume + counts;
            case OUTAGE -> "incomplete, no answer from the model" + where + resume + counts;
            case UNSENT -> "incomplete, cases not sent to the model" + where + resume + counts;
            case UNJUDGED -> "incomplete, cases no judge graded" + where + resume + counts;
            case UNANSWERED -> "incomplete, a route answered none of its cases" + where + resume + counts;
            case REFUSED -> "refused: " + problem;
            default -> "failed: " + problem;
        };
    }

    /** "812 / 10,032  offline: pass 701 fail 96 error 15  ETA 0:14", in the run bar's words. */
    static String describe(ProgressSnapshot s, State state) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d / %,d", s.done(), s.total()));
        for (Map.Entry<String, ProgressSnapshot.RouteCounts> r : s.routes().entrySet()) {
            ProgressSnapshot.RouteCounts c = r.getValue();
            b.append(String.format(Locale.ROOT, "  %s: pass %,d fail %,d error %,d", r.getKey(), c.passed(), c.failed(),
                    c.errored()));
        }
        if (state == State.RUNNING) b.append("  ETA ").append(s.eta().map(RunProgress::clock).orElse("…"));
        return b.toString();
    }

    static String clock(Duration d) {
        long secs = Math.max(0, d.toSeconds());
        return secs >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60)
                : String.format(Locale.ROOT, "%d:%02d", secs / 60, secs % 60);
    }

    /** Asks the run to stop: finished cases stay stored, the run is marked incomplete. Any thread. */
    public void cancel() {
        cancellation.cancel();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    public boolean active() {
        return state.get() == State.STARTING || state.get() == State.RUNNING;
    }

    /** The last snapshot, or null before the first. */
    public ProgressSnapshot snapshot() { return last; }
    /** The run's header once started (the final one once ended), else null. */
    public RunHeader header() { return header; }
    public ReadOnlyStringProperty runIdProperty() { return runId.getReadOnlyProperty(); }
    /** 0..1, or -1 before the first snapshot (an indeterminate bar). */
    public ReadOnlyDoubleProperty fractionProperty() { return fraction.getReadOnlyProperty(); }
    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
}
