package dev.evalbench.core.report.model;

import java.util.Map;

/**
 * What to go back to if a change has to be undone: the baseline run's prompt (id, revision, content hash), policy
 * (revision, hash) and route (and the model it answered with), and the exact files that decide behaviour, each
 * with the SHA-256 the baseline ran with ({@code files}, workspace-relative; datasets and captures are left out:
 * they are what is measured, not what is deployed). {@code gitCommit} is the commit the baseline's workspace was
 * at (null outside git); {@code restore} is the command that brings the files back, to be run as it is in the
 * workspace folder (paths quoted for a POSIX shell where they need it), or a sentence saying how when there is no
 * commit. Immutable.
 */
public record RollbackTarget(
        String runId,
        String promptId,
        int promptRevision,
        String promptHash,
        int policyRevision,
        String policyHash,
        String route,
        String model,
        String gitCommit,
        Map<String, String> files,
        String restore) {

    public RollbackTarget {
        files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
    }

    /** The first 12 hex digits of a SHA-256 and "…", as report.md and report.html name the prompt's and policy's; null stays null. */
    public static String shortSha(String sha) {
        return sha == null ? null : sha.substring(0, Math.min(12, sha.length())) + "…";
    }
}
