package dev.evalbench.app.runner;

import dev.evalbench.app.gates.GatedRun;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.app.results.ResultsTabs;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Reads an open results tab again once the runs list shows its run otherwise than the tab read it: a run that was
 * going when its tab opened (a terminal's, or this window's opened from the runs list) has ended, or a terminal
 * resumed an incomplete run. The tab said "RUNNING" (or "INCOMPLETE") over the cases stored then, and kept saying it
 * beside a list that said the run was complete. This window's own run's tab is read again when the run ends, by
 * the launcher's hook; this catches the rest. FX thread only.
 */
final class TabsFollowHistory {
    private TabsFollowHistory() {}

    /** Watches {@code rows} (the runs list, as each refresh sets it) for runs whose tabs {@code results} has open. */
    static void install(ObservableList<RunRow> rows, ResultsTabs results) {
        rows.addListener((ListChangeListener<RunRow>) change -> {
            while (change.next()) {
                for (RunRow row : change.getAddedSubList()) follow(row, results);
            }
        });
    }

    private static void follow(RunRow row, ResultsTabs results) {
        RunHeader now = row.header();
        if (now.status() == RunStatus.RUNNING) return;
        ObservableValue<GatedRun> tab = results.gated(row.id());
        // Not read yet (it will read the run as it is), or read from a report file, which does not change.
        GatedRun read = tab == null ? null : tab.getValue();
        if (read == null || read.recorded()) return;
        RunHeader then = read.header();
        if (then.status() == now.status() && Objects.equals(then.finishedAt(), now.finishedAt())) return;
        results.reread(row.id(), now.startedAt());
    }
}
