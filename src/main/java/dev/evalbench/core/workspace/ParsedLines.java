package dev.evalbench.core.workspace;

import java.util.HashMap;
import java.util.Map;

/**
 * The dataset lines one load has parsed, by dataset path, kept so that suites sharing a dataset (two prompts
 * over the same tickets) parse each line once: each suite gets its own copy of the line's tree, since
 * preprocessing rewrites a case's vars in place and two suites must not see each other's rewrites. A copy
 * shares the immutable leaves (texts, numbers) and rebuilds only the containers, which costs a fraction of
 * parsing (parsing the same 21 MB dataset twice was half the time of loading the benchmark's workspace).
 * Only lines that parsed are kept; a line with a syntax error is parsed (and reported) by each suite as before.
 * Confined to the loading thread, like {@link LoadContext}.
 */
final class ParsedLines {
    private record Dataset(String text, LocatedTree[] pristine) {}

    private record Decoded(byte[] bytes, String text) {}

    private final Map<String, Dataset> byPath = new HashMap<>();
    private final java.util.Set<String> shared = new java.util.HashSet<>();
    private final Map<String, Decoded> texts = new HashMap<>();

    /** Declares the datasets more than one suite reads; only their lines are kept (others need no copy). */
    void shareAmong(java.util.Collection<String> datasetsOfSuites) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String path : datasetsOfSuites) {
            if (!seen.add(path)) shared.add(path);
        }
    }

    /**
     * The text of a shared dataset decoded by an earlier suite of this load from these very bytes, else
     * {@code decode}'s (kept for later suites when it is not null: a file that fails to decode is decoded, and
     * reported, by each suite as before).
     */
    String text(String path, byte[] bytes, java.util.function.Supplier<String> decode) {
        Decoded known = texts.get(path);
        if (known != null && java.util.Arrays.equals(known.bytes(), bytes)) return known.text();
        String text = decode.get();
        if (text != null && shared.contains(path)) texts.put(path, new Decoded(bytes, text));
        return text;
    }

    /**
     * The slots of the dataset at {@code path} with this exact text: filled by earlier suites of the load, or
     * all empty (and kept for later suites) when none read this text yet; null when no other suite reads it.
     */
    LocatedTree[] of(String path, String text, int lineCount) {
        if (!shared.contains(path)) return null;
        Dataset known = byPath.get(path);
        if (known != null && known.pristine().length == lineCount && known.text().equals(text)) return known.pristine();
        Dataset fresh = new Dataset(text, new LocatedTree[lineCount]);
        byPath.put(path, fresh);
        return fresh.pristine();
    }
}
