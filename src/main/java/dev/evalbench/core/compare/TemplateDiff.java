package dev.evalbench.core.compare;

/**
 * The text diff of a prompt template file whose content changed between two runs, from the runs' stored
 * snapshots. {@code beforePath}/{@code afterPath} are workspace-relative (they may differ when the file was
 * renamed). When a side's text cannot be found, {@code diff} is null and {@code unavailable} says why.
 */
public record TemplateDiff(String promptId, String beforePath, String afterPath, OutputDiff diff, String unavailable) {
    public boolean available() {
        return diff != null;
    }
}
