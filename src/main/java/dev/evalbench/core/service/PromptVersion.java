package dev.evalbench.core.service;

import java.time.Instant;

/**
 * One earlier (or the current) text of a prompt file, and where it was found: {@link Source#RUN} (a stored
 * run snapshotted it), {@link Source#GIT} (a commit), {@link Source#FILE} (the file on disk now), {@link Source#SAVED} (a
 * revision saved in the workbench, kept in {@link SavedRevisions}).
 * {@code origin} names it for people ("run 20261129-1041-ab12", "git 3f2a9c1 Tighten refund rule");
 * {@code sha256} is of the file's bytes. {@code parts} is null when that text does not parse. Immutable.
 */
public record PromptVersion(Source source, String origin, Instant when, String sha256, String text, PromptParts parts) {
    public enum Source { FILE, SAVED, RUN, GIT }

    /** The revision the text declares, or -1. */
    public int revision() {
        return parts == null ? -1 : parts.revision();
    }

    /** Its changelog line, or an empty string. */
    public String changelog() {
        return parts == null || parts.changelog() == null ? "" : parts.changelog();
    }
}
