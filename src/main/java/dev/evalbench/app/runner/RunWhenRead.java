package dev.evalbench.app.runner;

import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Ctrl+R while the workspace is being read (the window just opened, or a template was just saved and the workspace
 * is read again) starts the run once it is read, instead of refusing it ("the workspace has problems", with none
 * listed) or running the workspace as it was before the save: a run is always made of what the files say now.
 * FX thread only.
 */
final class RunWhenRead {
    private final ObservableBooleanValue reading;
    private final Runnable run;
    private final Consumer<String> status;
    private Runnable pending;

    /**
     * @param reading true while the workspace is being read
     * @param run     starts the run (with the workspace just read)
     * @param status  the window's status line
     */
    RunWhenRead(ObservableBooleanValue reading, Runnable run, Consumer<String> status) {
        this.reading = reading;
        this.run = run;
        this.status = status;
        reading.addListener((o, was, now) -> {
            if (!now && pending != null) {
                Runnable next = pending;
                pending = null;
                next.run();
            }
        });
    }

    /** The Run button and Ctrl+R: runs now, or once the workspace is read (said on the status line). */
    void request() {
        request(run);
    }

    /** Another start (cases of a run again): now, or once the workspace is read; the newest request wins. */
    void request(Runnable start) {
        if (!reading.get()) {
            start.run();
            return;
        }
        pending = start;
        status.accept("Reading the workspace: the run starts once it is read.");
    }
}
