package dev.evalbench.app.fx;

/**
 * A tab's content with a filter field above its rows (a run's results, a comparison, a dataset's cases), or a find
 * field above a file's text (a template, a read-only file): Ctrl+F reaches the field of whichever of them is the
 * selected tab, so every "Filter … (Ctrl+F)" prompt keeps its word, and Ctrl+F finds in a file as in any editor.
 * FX thread only.
 */
public interface Filterable {
    /** Gives the filter (or find) field the keyboard, its text selected to be typed over. */
    void focusFilter();
}
