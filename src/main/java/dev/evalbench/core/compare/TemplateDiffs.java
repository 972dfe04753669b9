package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.secret.RoutesText;
import dev.evalbench.core.store.PromptTemplates;
import dev.evalbench.core.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Finds the input files whose content hash changed and diffs their text: each prompt's template, each judge's rubric (a
 * prompt's template too), each prompt's output schema, the policy (what decides on the model's proposals: a limit
 * raised or a rule dropped there passes cases as surely as a better model does), routes.yaml when a route's definition
 * changed, and gates.yaml (a threshold loosened passes the run). A file is the input whose SHA-256 equals the hash the
 * version tuple recorded (tuple hashes are of file bytes), so no knowledge of the workspace layout is needed; its text
 * comes from the snapshot stored under that hash. A prompt whose text is not at hand says so; another file that is not
 * (a run file written before files carried these texts) is left out.
 */
final class TemplateDiffs {
    private TemplateDiffs() {}

    static List<TemplateDiff> between(StoredRun before, StoredRun after, SnapshotSource snapshots) throws StoreException {
        Map<String, String> a = hashes(before, VersionTuple::promptId, VersionTuple::promptHash);
        Map<String, String> b = hashes(after, VersionTuple::promptId, VersionTuple::promptHash);
        List<TemplateDiff> diffs = new ArrayList<>();
        for (Map.Entry<String, String> entry : a.entrySet()) {
            String afterHash = b.get(entry.getKey());
            if (afterHash == null || afterHash.equals(entry.getValue())) continue;
            diffs.add(diff(entry.getKey(), before, entry.getValue(), after, afterHash, snapshots));
        }
        // A judge's rubric is a prompt's template too, which the judge's verdicts follow.
        Map<String, String> rubricsBefore = rubrics(before);
        Map<String, String> rubricsAfter = rubrics(after);
        rubricsBefore.keySet().removeAll(a.keySet());
        files(VersionComponent.PROMPT, rubricsBefore, rubricsAfter, before, after, snapshots, text -> text, diffs);
        files(VersionComponent.OUTPUT_SCHEMA, hashes(before, VersionTuple::promptId, VersionTuple::outputSchemaHash),
                hashes(after, VersionTuple::promptId, VersionTuple::outputSchemaHash), before, after, snapshots, text -> text,
                diffs);
        files(VersionComponent.POLICY, hashes(before, v -> "", VersionTuple::policyHash),
                hashes(after, v -> "", VersionTuple::policyHash), before, after, snapshots, text -> text, diffs);
        // A route's definition changed (a parameter, a model named through a variable's default): its file, whole.
        if (routeChanged(before, after)) {
            // Without a header's value or a URL's credentials, should someone have written a key there.
            files(VersionComponent.ROUTE_MODEL, input(before, RoutesText.FILE), input(after, RoutesText.FILE), before, after,
                    snapshots, RoutesText::shown, diffs);
        }
        files(VersionComponent.MANIFEST, input(before, PromptTemplates.MANIFEST_FILE),
                input(after, PromptTemplates.MANIFEST_FILE), before, after, snapshots, text -> text, diffs);
        files(VersionComponent.GATES, input(before, PromptTemplates.GATES_FILE), input(after, PromptTemplates.GATES_FILE),
                before, after, snapshots, text -> text, diffs);
        return diffs;
    }

    /**
     * Adds the diff of each file of {@code component} whose hash changed, where both runs list it among their inputs
     * and both texts are kept, each text as {@code asShown} makes it; one diff for a pair of texts that several subjects
     * share (two prompts, one schema).
     */
    private static void files(VersionComponent component, Map<String, String> a, Map<String, String> b, StoredRun before,
            StoredRun after, SnapshotSource snapshots, UnaryOperator<String> asShown, List<TemplateDiff> into)
            throws StoreException {
        Set<String> shown = new HashSet<>();
        for (Map.Entry<String, String> entry : a.entrySet()) {
            String beforeHash = entry.getValue();
            String afterHash = b.get(entry.getKey());
            if (afterHash == null || afterHash.equals(beforeHash) || !shown.add(beforeHash + " " + afterHash)) continue;
            String beforePath = pathOf(before, beforeHash);
            String afterPath = pathOf(after, afterHash);
            if (beforePath == null || afterPath == null) continue;
            Optional<byte[]> left = snapshots.snapshot(beforeHash);
            Optional<byte[]> right = snapshots.snapshot(afterHash);
            if (left.isEmpty() || right.isEmpty()) continue;
            into.add(new TemplateDiff(component, entry.getKey(), beforePath, afterPath,
                    OutputDiff.between(asShown.apply(text(left.get())), asShown.apply(text(right.get()))), null));
        }
    }

    private static TemplateDiff diff(String promptId, StoredRun before, String beforeHash, StoredRun after, String afterHash,
                                     SnapshotSource snapshots) throws StoreException {
        String beforePath = pathOf(before, beforeHash);
        String afterPath = pathOf(after, afterHash);
        Optional<byte[]> left = snapshots.snapshot(beforeHash);
        Optional<byte[]> right = snapshots.snapshot(afterHash);
        if (left.isEmpty() || right.isEmpty()) {
            String missing = left.isEmpty() ? describe(before, beforePath, beforeHash) : describe(after, afterPath, afterHash);
            return new TemplateDiff(promptId, beforePath, afterPath, null,
                    "the template text of " + missing + " is not in this run history");
        }
        return new TemplateDiff(promptId, beforePath, afterPath,
                OutputDiff.between(text(left.get()), text(right.get())), null);
    }

    /** The hash each subject recorded; a run that recorded two for one subject keeps the first. */
    private static Map<String, String> hashes(StoredRun run, Function<VersionTuple, String> subject,
            Function<VersionTuple, String> hash) {
        return hashesByRecord(run, record -> subject.apply(record.versions()), hash);
    }

    /** As {@link #hashes}, the subject read from the record (its suite, say) rather than its tuple. */
    static Map<String, String> hashesByRecord(StoredRun run, Function<CaseRecord, String> subject,
            Function<VersionTuple, String> hash) {
        Map<String, String> hashes = new TreeMap<>();
        for (CaseRecord record : run.cases()) {
            VersionTuple v = record.versions();
            if (v != null && hash.apply(v) != null) hashes.putIfAbsent(subject.apply(record), hash.apply(v));
        }
        return hashes;
    }

    /** Whether a route both runs called recorded another definition's hash in the second. */
    private static boolean routeChanged(StoredRun before, StoredRun after) {
        Map<String, String> a = hashes(before, VersionTuple::route, VersionTuple::routeHash);
        Map<String, String> b = hashes(after, VersionTuple::route, VersionTuple::routeHash);
        return a.entrySet().stream().anyMatch(e -> b.containsKey(e.getKey()) && !b.get(e.getKey()).equals(e.getValue()));
    }

    /** The run's input of that path by its hash, under no subject; none when the run does not list it. */
    private static Map<String, String> input(StoredRun run, String path) {
        Map<String, String> inputs = run.header().inputs();
        String hash = inputs == null ? null : inputs.get(path);
        return hash == null ? Map.of() : Map.of("", hash);
    }

    /** The rubric hash of each judge's prompt, by prompt id; the first a run recorded for each. */
    private static Map<String, String> rubrics(StoredRun run) {
        Map<String, String> hashes = new TreeMap<>();
        for (CaseRecord record : run.cases()) {
            VersionTuple v = record.versions();
            if (v == null) continue;
            for (var judge : v.judges()) {
                if (judge.promptId() == null || judge.promptHash() == null) continue;
                hashes.putIfAbsent(judge.promptId(), judge.promptHash());
            }
        }
        return hashes;
    }

    private static String pathOf(StoredRun run, String sha256) {
        Map<String, String> inputs = run.header().inputs();
        if (inputs == null) return null;
        return inputs.entrySet().stream().filter(e -> sha256.equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    private static String describe(StoredRun run, String path, String hash) {
        return (path == null ? "the prompt" : path) + " of run " + run.id() + " (sha256 " + VersionDiff.shortHash(hash) + ")";
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
