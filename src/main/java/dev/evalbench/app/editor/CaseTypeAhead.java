package dev.evalbench.app.editor;

import java.util.List;
import java.util.Locale;

/**
 * Keys typed on the preview case's box choose a case, as a file list's type-ahead does: the first case whose id
 * begins with what was typed (ignoring case), else the first whose "suite / id" holds it. A dataset has a few hundred
 * cases, too many to scroll for one. Keys typed within {@link #PAUSE_MS} of each other make one text. Not thread-safe:
 * the FX thread's.
 */
final class CaseTypeAhead {
    /** A longer pause between two keys starts a new text. */
    static final long PAUSE_MS = 1_000;

    private final StringBuilder typed = new StringBuilder();
    private long lastKeyAt = Long.MIN_VALUE;

    /** The case chosen once {@code key} is typed at {@code nowMs}; null when none matches (the choice stays). */
    CaseChoice type(List<CaseChoice> cases, String key, long nowMs) {
        if (lastKeyAt == Long.MIN_VALUE || nowMs - lastKeyAt > PAUSE_MS) typed.setLength(0);
        lastKeyAt = nowMs;
        typed.append(key);
        return match(cases, typed.toString());
    }

    static CaseChoice match(List<CaseChoice> cases, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        if (wanted.isBlank()) return null;
        for (CaseChoice c : cases) if (c.id().toLowerCase(Locale.ROOT).startsWith(wanted)) return c;
        for (CaseChoice c : cases) if (c.toString().toLowerCase(Locale.ROOT).contains(wanted)) return c;
        return null;
    }
}
