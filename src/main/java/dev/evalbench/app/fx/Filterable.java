package dev.evalbench.app.fx;

/**
 * A tab's content with a filter field above its rows (a run's results, a comparison, a dataset's cases): Ctrl+F
 * reaches the field of whichever of them is the selected tab, so every "Filter … (Ctrl+F)" prompt keeps its word.
 * FX thread only.
 */
public interface Filterable {
    /** Gives the filter field the keyboard, its text selected to be typed over. */
    void focusFilter();
}
