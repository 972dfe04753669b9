package dev.evalbench.app.editor;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The edits an editor's file had kept for it when the workbench last stopped without asking ({@link KeptEdits}),
 * offered above the editor until they are restored into it or discarded; for the template and configuration editors
 * and a dataset's case edit alike. {@link #find} runs in the task that reads the file; the rest on the UI thread.
 */
public final class KeptEditsOffer {
    private final TaskRunner runner;
    private final KeptEdits kept;
    private final Path file;
    private final ReadOnlyObjectWrapper<KeptEdits.Kept> offered = new ReadOnlyObjectWrapper<>(this, "offered");

    /** @param kept where the workbench keeps edits at a stop nobody was asked about; null: none kept, none offered */
    public KeptEditsOffer(TaskRunner runner, KeptEdits kept, Path file) {
        this.runner = runner;
        this.kept = kept;
        this.file = file.toAbsolutePath();
    }

    /**
     * The edits kept for the file, unless they are what it holds now ({@code text}: then they are forgotten); null when
     * none. Blocking file IO: in a task body, beside the file's read.
     */
    public KeptEdits.Kept find(String text) throws IOException {
        KeptEdits.Kept found = kept == null ? null : kept.find(file).orElse(null);
        if (found != null && found.text().equals(text)) {
            kept.forget(file);
            return null;
        }
        return found;
    }

    /** Offers {@code found} (null: nothing), as {@link #find} gave it. */
    public void offer(KeptEdits.Kept found) {
        offered.set(found);
    }

    /** The offered edits go into the editor ({@code into}), unsaved, as they were; they are no longer kept. */
    public void restore(Consumer<String> into, Consumer<String> problem) {
        KeptEdits.Kept restored = offered.get();
        if (restored == null) return;
        offered.set(null);
        into.accept(restored.text());
        forget(problem);
    }

    /** The offered edits are thrown away. */
    public void discard(Consumer<String> problem) {
        if (offered.get() == null) return;
        offered.set(null);
        forget(problem);
    }

    private void forget(Consumer<String> problem) {
        BackgroundTask.of(() -> {
            kept.forget(file);
            return null;
        }).onFailure(e -> problem.accept("Cannot forget the kept edits of " + file.getFileName() + ": " + e.getMessage()))
                .executeWith(runner);
    }

    public ReadOnlyObjectProperty<KeptEdits.Kept> offeredProperty() {
        return offered.getReadOnlyProperty();
    }
}
