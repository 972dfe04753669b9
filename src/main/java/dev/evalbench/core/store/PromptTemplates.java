package dev.evalbench.core.store;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.record.VersionTuple;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The text of the prompt template files a run used, by SHA-256: what an export carries so that the comparison
 * of two runs opened from files can show each changed prompt's template diff without the history that ran
 * them. A prompt's file is the snapshot whose SHA-256 is the prompt hash of the version tuple (tuple hashes are
 * of file bytes). Stateless.
 */
public final class PromptTemplates {
    private PromptTemplates() {}

    /**
     * The template text of each distinct prompt hash {@code run}'s records name and {@code store} holds. A file that
     * is not UTF-8 text, or whose text {@code outbound} would change (a key or a restricted value in it), is left
     * out: its diff then says the text is not available, and nothing secret leaves the machine.
     *
     * @param outbound the export's mask for text (identity when nothing is masked)
     */
    public static Map<String, String> of(StoredRun run, RunStore store, UnaryOperator<String> outbound) throws StoreException {
        Map<String, String> texts = new TreeMap<>();
        for (CaseRecord record : run.cases()) {
            VersionTuple v = record.versions();
            if (v == null || v.promptHash() == null || texts.containsKey(v.promptHash())) continue;
            Optional<byte[]> bytes = store.snapshot(v.promptHash());
            if (bytes.isEmpty()) continue;
            Optional<String> text = utf8(bytes.get());
            if (text.isPresent() && text.get().equals(outbound.apply(text.get()))) texts.put(v.promptHash(), text.get());
        }
        return texts;
    }

    /**
     * The bytes of each text, checked against the SHA-256 it is listed under.
     *
     * @return the SHA-256 of the first text whose bytes do not have it, or empty when all do
     */
    public static Optional<String> mismatch(Map<String, String> texts) {
        return texts.entrySet().stream().filter(e -> !Digests.sha256(e.getValue().getBytes(StandardCharsets.UTF_8)).equals(e.getKey()))
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
