package dev.evalbench.core.store;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.secret.RoutesText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The text of the prompt template files a run used, by SHA-256, and of the other files a comparison diffs (its judges'
 * rubrics, its prompts' output schemas, its policy, its routes file and its gates file): what an export and a report
 * folder carry so that the comparison of two runs opened from files can show each changed file's diff without the
 * history that ran them. A file is the snapshot whose SHA-256 is the hash the version tuple recorded (tuple hashes are
 * of file bytes); the routes file is the run's input of that name, carried without what could be a secret
 * ({@link RoutesText}). An export leaves the machine, so a template is carried masked like the rest of the run when it
 * holds a restricted value (the sample restricts a sentence of its system prompt): then {@code masked} is true and the
 * text no longer has the SHA-256 it is listed under; an unmasked text must have it. Stateless.
 */
public final class PromptTemplates {
    /** One template's text as exported; {@code masked}: restricted values in it were replaced. */
    public record Text(String text, boolean masked) {}

    /** The gates file as a run lists it among its inputs (the manifest's default name). */
    public static final String GATES_FILE = "gates.yaml";
    /** The workspace's manifest as a run lists it among its inputs. */
    public static final String MANIFEST_FILE = "evalbench.yaml";

    private PromptTemplates() {}

    /**
     * The template text of each distinct prompt hash {@code run}'s records name and {@code store} holds, passed
     * through {@code outbound} (the export's mask: keys and restricted values). A file that is not UTF-8 text is
     * left out: its diff then says the text is not available.
     */
    public static Map<String, Text> of(StoredRun run, RunStore store, UnaryOperator<String> outbound) throws StoreException {
        return of(run.cases().stream().map(CaseRecord::versions).toList(), run.header().inputs(), store, outbound);
    }

    /**
     * As {@link #of(StoredRun, RunStore, UnaryOperator)}, from the version tuples the run's records name (nulls skipped)
     * and the run's inputs (path to SHA-256; null for none), where its routes file is found.
     */
    public static Map<String, Text> of(java.util.Collection<VersionTuple> versions, Map<String, String> inputs, RunStore store,
            UnaryOperator<String> outbound) throws StoreException {
        Map<String, Text> texts = new TreeMap<>();
        for (VersionTuple v : versions) {
            if (v == null) continue;
            put(texts, v.promptHash(), store, outbound);
            put(texts, v.outputSchemaHash(), store, outbound);
            put(texts, v.policyHash(), store, outbound);
            for (var judge : v.judges()) put(texts, judge.promptHash(), store, outbound);
        }
        String routes = inputs == null ? null : inputs.get(RoutesText.FILE);
        put(texts, routes, store, text -> outbound.apply(RoutesText.shown(text)));
        put(texts, inputs == null ? null : inputs.get(GATES_FILE), store, outbound);
        put(texts, inputs == null ? null : inputs.get(MANIFEST_FILE), store, outbound);
        return texts;
    }

    /** Adds the text stored under {@code sha256}, as {@code outbound} makes it; nothing for a file that is not UTF-8. */
    private static void put(Map<String, Text> texts, String sha256, RunStore store, UnaryOperator<String> outbound)
            throws StoreException {
        if (sha256 == null || texts.containsKey(sha256)) return;
        Optional<byte[]> bytes = store.snapshot(sha256);
        if (bytes.isEmpty()) return;
        Optional<String> text = utf8(bytes.get());
        if (text.isEmpty()) return;
        String out = outbound.apply(text.get());
        texts.put(sha256, new Text(out, !out.equals(text.get())));
    }

    /**
     * The bytes of each unmasked text, checked against the SHA-256 it is listed under.
     *
     * @return the SHA-256 of the first unmasked text whose bytes do not have it, or empty when all do
     */
    public static Optional<String> mismatch(Map<String, Text> texts) {
        return texts.entrySet().stream().filter(e -> !e.getValue().masked())
                .filter(e -> !Digests.sha256(e.getValue().text().getBytes(StandardCharsets.UTF_8)).equals(e.getKey()))
                .map(Map.Entry::getKey).findFirst();
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
