package dev.evalbench.core.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.report.model.RollbackTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names a report's rollback target: the versions a baseline run recorded (the tuple most of its cases carry, as
 * production may mix) and the behaviour-deciding files among its inputs, with how to restore them. The JSON and
 * Markdown forms every report (run, canary, shadow) writes. Pure.
 */
public final class RollbackTargets {
    /** Inputs that are measured rather than deployed, so never part of a rollback. */
    private static final List<String> NOT_RESTORED = List.of("datasets/", "captures/", "traffic/");

    /** The restore sentence of a baseline whose workspace was not in git. */
    static final String NO_COMMIT = "no git commit was recorded: restore each file to the SHA-256 listed (the run's history keeps a snapshot of each)";
    /** Characters a shell word may hold unquoted. */
    private static final java.util.regex.Pattern PLAIN_WORD = java.util.regex.Pattern.compile("[A-Za-z0-9._/@%+=:,-]+");

    private RollbackTargets() {}

    /** {@code word} as one shell word: as it is when plain, else in single quotes (a quote inside closed and escaped). */
    static String shellWord(String word) {
        if (PLAIN_WORD.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The target of a baseline given by its header and versions; null when {@code versions} is empty. */
    public static RollbackTarget of(RunHeader baseline, List<VersionTuple> versions) {
        if (baseline == null || versions.isEmpty()) return null;
        VersionTuple v = versions.stream().collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, String> files = new TreeMap<>();
        (baseline.inputs() == null ? Map.<String, String>of() : baseline.inputs()).forEach((path, sha) -> {
            if (NOT_RESTORED.stream().noneMatch(path::startsWith)) files.put(path, sha);
        });
        // The command alone, to be pasted as it is: a note after it ("(in the workspace folder)") made the shell
        // refuse the whole line. Where to run it is said around it (Markdown) and in RollbackTarget's contract.
        String restore = baseline.gitCommit() == null
                ? NO_COMMIT
                : "git checkout " + shellWord(baseline.gitCommit()) + " -- "
                        + files.keySet().stream().map(RollbackTargets::shellWord).collect(Collectors.joining(" "));
        return new RollbackTarget(baseline.id(), v.promptId(), v.promptRevision(), v.promptHash(), v.policyRevision(),
                v.policyHash(), v.route(), v.model(), baseline.gitCommit(), files, restore);
    }

    /** As {@link #of(RunHeader, List)}, from a run's cases. */
    public static RollbackTarget ofCases(RunHeader baseline, List<? extends ScoredCase> cases, Function<ScoredCase, VersionTuple> versions) {
        if (baseline == null) return null;
        return of(baseline, cases.stream().map(versions).filter(java.util.Objects::nonNull).toList());
    }

    public static ObjectNode json(RollbackTarget t) {
        return t == null ? null : Json.MAPPER.valueToTree(t);
    }

    /** A short Markdown section; says plainly when there is no baseline to roll back to. */
    public static void markdown(StringBuilder md, RollbackTarget t) {
        md.append("### Rollback target\n\n");
        if (t == null) {
            md.append("No baseline was given, so no rollback target is named: compare against the deployed run to get one.\n\n");
            return;
        }
        md.append("Baseline run `").append(t.runId()).append("`: prompt `").append(t.promptId()).append("` revision ")
                .append(t.promptRevision()).append(hash(t.promptHash())).append(", policy revision ").append(t.policyRevision())
                .append(hash(t.policyHash())).append(", route `").append(t.route()).append('`')
                .append(t.model() == null ? "" : " (model `" + t.model() + "`)").append(".\n\n");
        md.append("| file | sha256 |\n|---|---|\n");
        t.files().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> md.append("| `").append(e.getKey()).append("` | `").append(e.getValue()).append("` |\n"));
        if (t.gitCommit() == null) {
            md.append("\nRestore: ").append(t.restore()).append(".\n\n");
        } else {
            md.append("\nRestore, in the workspace folder:\n\n```sh\n").append(t.restore()).append("\n```\n\n");
        }
    }

    private static String hash(String sha) {
        return sha == null ? "" : " (sha256 `" + RollbackTarget.shortSha(sha) + "`)";
    }
}
