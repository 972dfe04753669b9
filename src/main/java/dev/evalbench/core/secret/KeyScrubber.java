package dev.evalbench.core.secret;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes every configured API key from a text before the text is stored or written: each key in all its
 * {@link KeyForms} and any run of {@value #FRAGMENT} or more characters of the key or of its base64 forms (a
 * key cut short, a key with a character changed at one end, part of an encoded key), each replaced by
 * {@value #MARK}.
 *
 * <p>Keys shorter than {@value #MIN_KEY_LENGTH} characters are not looked for: they are not real API keys
 * and would mask ordinary words. Immutable and thread-safe.
 */
public final class KeyScrubber {
    public static final String MARK = "[redacted]";
    /** The length of a key fragment that counts as the key. */
    public static final int FRAGMENT = 12;
    public static final int MIN_KEY_LENGTH = 8;

    private static final int HASH_BITS = 16;
    private static final int SLOT_MASK = (1 << HASH_BITS) - 1;
    /** 31 to the power FRAGMENT - 1, wrapping as String.hashCode's arithmetic does: the weight a rolling hash drops. */
    private static final int TOP = power31(FRAGMENT - 1);

    private static final KeyScrubber NONE = new KeyScrubber(List.of());

    /** Longest first, so a longer form is replaced before a shorter one hidden inside it. */
    private final List<String> forms;
    private final Set<String> fragments = new HashSet<>();
    /**
     * One bit per value of a fragment's {@link String#hashCode} (its low {@value #HASH_BITS} bits): a window of a
     * text whose bit is clear is no fragment, so most windows are ruled out without making a substring.
     */
    private final long[] fragmentHashes = new long[(1 << HASH_BITS) / 64];

    private KeyScrubber(Collection<String> keys) {
        Set<String> all = new HashSet<>();
        for (String key : keys) {
            if (key == null || key.length() < MIN_KEY_LENGTH) continue;
            all.addAll(KeyForms.of(key));
            addFragments(key);
            // Part of a base64 echo is as bad as part of the key: 12 base64 characters carry 9 of its bytes.
            KeyForms.base64Cores(key).forEach(this::addFragments);
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.forms = List.copyOf(sorted);
    }

    private void addFragments(String text) {
        for (int i = 0; i + FRAGMENT <= text.length(); i++) {
            String fragment = text.substring(i, i + FRAGMENT);
            fragments.add(fragment);
            int slot = fragment.hashCode() & SLOT_MASK;
            fragmentHashes[slot >>> 6] |= 1L << slot;
        }
    }

    private static int power31(int exponent) {
        int p = 1;
        for (int i = 0; i < exponent; i++) p *= 31;
        return p;
    }

    /** A scrubber for these keys; nulls and short values are skipped. */
    public static KeyScrubber of(Collection<String> keys) {
        return new KeyScrubber(keys);
    }

    public static KeyScrubber none() {
        return NONE;
    }

    public boolean isEmpty() {
        return forms.isEmpty();
    }

    /** True when the text holds a key in any form or a fragment of one. */
    public boolean found(String text) {
        return text != null && !isEmpty() && !scrub(text).equals(text);
    }

    /** The text with every key form and fragment replaced by {@link #MARK}; null stays null. */
    public String scrub(String text) {
        if (text == null || isEmpty() || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String form : forms) {
            if (out.contains(form)) {
                out = out.replace(form, MARK);
            }
        }
        return fragments.isEmpty() ? out : scrubFragments(out);
    }

    /** Replaces each maximal stretch covered by key fragments with one mark. Linear in the text (x FRAGMENT). */
    private String scrubFragments(String text) {
        int n = text.length();
        if (n < FRAGMENT) return text;
        boolean[] covered = null;
        // The hash of text[i, i + FRAGMENT) is String.hashCode of that window, rolled from one window to the next:
        // equal windows have equal hashes, so a clear bit rules a window out exactly.
        int hash = 0;
        for (int j = 0; j < FRAGMENT; j++) hash = 31 * hash + text.charAt(j);
        for (int i = 0; i + FRAGMENT <= n; i++) {
            if (i > 0) hash = 31 * (hash - TOP * text.charAt(i - 1)) + text.charAt(i + FRAGMENT - 1);
            int slot = hash & SLOT_MASK;
            boolean marked = (fragmentHashes[slot >>> 6] & (1L << slot)) != 0;
            if (marked && fragments.contains(text.substring(i, i + FRAGMENT))) {
                if (covered == null) covered = new boolean[n];
                for (int j = i; j < i + FRAGMENT; j++) covered[j] = true;
            }
        }
        if (covered == null) return text;
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; ) {
            if (covered[i]) {
                out.append(MARK);
                while (i < n && covered[i]) i++;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }
}
