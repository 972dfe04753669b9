package dev.evalbench.app.fx;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Keys typed on a list of things choose one, as a file list's type-ahead does: the first whose name begins with what
 * was typed (ignoring case), else the first whose longer description holds it. A dataset's few hundred cases, or a
 * workspace's files, are too many to scroll for one. Keys typed within {@link #PAUSE_MS} of each other make one
 * text. Not thread-safe: the FX thread's.
 *
 * @param <T> what is chosen
 */
public final class TypeAhead<T> {
    /** A longer pause between two keys starts a new text. */
    public static final long PAUSE_MS = 1_000;

    private final Function<T, String> name;
    private final Function<T, String> description;
    private final StringBuilder typed = new StringBuilder();
    private long lastKeyAt = Long.MIN_VALUE;

    /**
     * @param name        matched by its beginning first (a case's id, a file's name)
     * @param description then matched anywhere ("suite / id", a file's path)
     */
    public TypeAhead(Function<T, String> name, Function<T, String> description) {
        this.name = name;
        this.description = description;
    }

    /** The item chosen once {@code key} is typed at {@code nowMs}; null when none matches (the choice stays). */
    public T type(List<T> items, String key, long nowMs) {
        if (lastKeyAt == Long.MIN_VALUE || nowMs - lastKeyAt > PAUSE_MS) typed.setLength(0);
        lastKeyAt = nowMs;
        typed.append(key);
        return match(items, typed.toString());
    }

    /** The first of {@code items} whose name begins with {@code text}, else whose description holds it; or null. */
    public T match(List<T> items, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        if (wanted.isBlank()) return null;
        for (T item : items) if (name.apply(item).toLowerCase(Locale.ROOT).startsWith(wanted)) return item;
        for (T item : items) if (description.apply(item).toLowerCase(Locale.ROOT).contains(wanted)) return item;
        return null;
    }

    /** Whether {@code character}, typed with these modifiers, is text for a type-ahead (not a shortcut or a control key). */
    public static boolean isText(String character, boolean shortcutDown, boolean altDown) {
        return !character.isEmpty() && !Character.isISOControl(character.charAt(0)) && !shortcutDown && !altDown;
    }
}
