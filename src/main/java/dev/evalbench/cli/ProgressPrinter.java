package dev.evalbench.cli;

import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.CoalescingListener;
import dev.evalbench.core.run.ProgressSnapshot;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.text.Counted;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A progress line on stderr: done/total, cases not passed, ETA (once the pace is known). Fed by core's
 * {@link CoalescingListener}, so it sees at most about ten snapshots a second. On a terminal it redraws one
 * line at each snapshot; elsewhere (CI logs) it prints a line at each tenth of the run, so logs stay short.
 * Calls arrive one at a time (the coalescer serializes them).
 */
final class ProgressPrinter implements CoalescingListener.Sink {
    private final PrintWriter err;
    private final boolean terminal;
    private int lastDecile = -1;
    /** The width of the line drawn last on the terminal; 0 when the cursor is at the start of a fresh line. */
    private int drawn;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** The listener to hand the engine. */
    static RunListener listener(PrintWriter err, boolean terminal) {
        return new CoalescingListener(new ProgressPrinter(err, terminal));
    }

    @Override
    public void started(RunHeader header, int alreadyDone) {
        err.printf(Locale.ROOT, "run %s: %s%s%n", header.id(), Counted.cases(header.plannedCases()),
                alreadyDone > 0 ? String.format(Locale.ROOT, " (%,d already done)", alreadyDone) : "");
        err.flush();
    }

    @Override
    public void progress(ProgressSnapshot s) {
        if (s.done() == 0 && !s.finished()) return; // the opening snapshot: the header line said it all
        int decile = s.total() == 0 ? 10 : s.done() * 10 / s.total();
        if (!terminal && decile == lastDecile) return;
        lastDecile = decile;
        String line = String.format(Locale.ROOT, "%,d/%,d cases  %,d not passed%s", s.done(), s.total(), s.notPassed(),
                s.eta().map(eta -> String.format(Locale.ROOT, "  ETA %ds", Math.round(eta.toMillis() / 1000.0))).orElse(""));
        if (terminal) {
            err.print(redraw(line) + (s.finished() ? "\n" : ""));
            if (s.finished()) drawn = 0;
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void cases(List<CaseSummary> batch) {
        // The line shows counts only; the cases themselves are for the workbench's table.
    }

    @Override
    public void event(RunEvent event) {
        String line = event.kind() + " " + event.detail(); // the detail names the route
        err.println(terminal ? redraw(line) : line);
        drawn = 0;
        err.flush();
    }

    /**
     * {@code line} over the one drawn last: back to the line's start, and spaces over what a longer line left ("ETA
     * 10s" then "ETA 9s" read "ETA 9ss"). Spaces, not an erase-to-end escape, which a console without escape
     * sequences would print as text.
     */
    private String redraw(String line) {
        String over = "\r" + line + " ".repeat(Math.max(0, drawn - line.length()));
        drawn = line.length();
        return over;
    }
}
