package dev.evalbench.app.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the window, registered by the feature that owns it, so the shortcut sheet (F1)
 * lists exactly what works. FX thread only.
 */
public final class Shortcuts {
    /** One shortcut as the sheet shows it. */
    public record Entry(KeyCombination keys, String group, String description) {}

    private final Scene scene;
    private final List<Entry> entries = new ArrayList<>();

    public Shortcuts(Scene scene) {
        this.scene = scene;
    }

    /** Binds {@code keys} to {@code action} for the whole window and lists it under {@code group}. */
    public void add(KeyCombination keys, String group, String description, Runnable action) {
        scene.getAccelerators().put(keys, action);
        entries.add(new Entry(keys, group, description));
    }

    /**
     * Lists {@code keys} under {@code group} without binding them: a key the focused control handles itself (the
     * template editor's undo, its indentation), which the sheet did not list, so an author could not learn it there.
     */
    public void listOnly(KeyCombination keys, String group, String description) {
        entries.add(new Entry(keys, group, description));
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }
}
