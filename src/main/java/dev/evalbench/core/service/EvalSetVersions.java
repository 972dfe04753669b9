package dev.evalbench.core.service;

import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.text.Utf8Files;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A suite's eval set version given anew in evalbench.yaml, once the author's edits of its cases are done: the version
 * the history, reports and comparisons tell two eval sets apart by (the Problems panel warns while two sets share
 * one). The value is replaced where it is written, in double quotes, the rest of the file untouched (comments, order,
 * the other suites), and the write is refused when the workspace would read worse for it, as a case's edit is
 * ({@link CaseLines}). Blocking file IO and a workspace load: call off the UI thread. Stateless.
 */
public final class EvalSetVersions {
    private static final String MANIFEST = dev.evalbench.core.store.PromptTemplates.MANIFEST_FILE;
    private static final Pattern LAST_NUMBER = Pattern.compile("(.*?)(\\d+)(\\D*)");

    private EvalSetVersions() {}

    /**
     * The version after {@code version}, as most are counted: its last number one more, its width kept ("2026.11.1" →
     * "2026.11.2", "v9" → "v10", "007" → "008"); a version without a number gets ".2".
     */
    public static String next(String version) {
        Matcher m = LAST_NUMBER.matcher(version);
        if (!m.matches()) return version + ".2";
        String raised = new java.math.BigInteger(m.group(2)).add(java.math.BigInteger.ONE).toString();
        String padded = "0".repeat(Math.max(0, m.group(2).length() - raised.length())) + raised;
        return m.group(1) + padded + m.group(3);
    }

    /**
     * Writes each suite's new version ({@code versions}: suite name to version) in place of its {@code version:} value.
     *
     * @throws EditRefusedException nothing written: a suite is not in the file or gives no version there, a version is
     *     empty, or the workspace would read worse with the file so written
     * @throws IOException evalbench.yaml cannot be read or written
     */
    public static void write(Path workspace, Map<String, String> versions, Map<String, String> env)
            throws EditRefusedException, IOException {
        String before = Utf8Files.read(workspace.resolve(MANIFEST));
        Map<String, ScalarNode> nodes = versionNodes(before);
        // Replaced from the end backwards, so the earlier offsets still hold.
        java.util.TreeMap<Integer, Replaced> bySpan = new java.util.TreeMap<>(Comparator.reverseOrder());
        for (Map.Entry<String, String> v : versions.entrySet()) {
            if (v.getValue() == null || v.getValue().isBlank()) {
                throw new EditRefusedException("suite " + v.getKey() + ": a version is some text, such as \"2026.12.1\"");
            }
            ScalarNode node = nodes.get(v.getKey());
            if (node == null) {
                throw new EditRefusedException(MANIFEST + " gives suite " + v.getKey() + " no version to replace: add "
                        + "`version: \"...\"` to it there");
            }
            int start = YamlValueSpans.offset(before, node.getStartMark());
            bySpan.put(start, new Replaced(YamlValueSpans.offset(before, node.getEndMark()), quoted(v.getValue().strip())));
        }
        StringBuilder after = new StringBuilder(before);
        bySpan.forEach((start, r) -> after.replace(start, r.end(), r.value()));
        CaseLines.refuseNewProblems(workspace, MANIFEST, 0, before, after.toString(), env);
        AtomicFiles.write(workspace.resolve(MANIFEST), after.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Each suite's {@code version} value node, by suite name. */
    private static Map<String, ScalarNode> versionNodes(String text) throws EditRefusedException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new EditRefusedException(MANIFEST + " does not read as YAML now (" + e.getProblem() + "): mend it first");
        }
        Map<String, ScalarNode> found = new java.util.LinkedHashMap<>();
        Node suites = root instanceof MappingNode m ? YamlValueSpans.value(m, "suites") : null;
        if (!(suites instanceof SequenceNode list)) return found;
        for (Node suite : list.getValue()) {
            if (!(suite instanceof MappingNode s)) continue;
            if (YamlValueSpans.value(s, "name") instanceof ScalarNode name
                    && YamlValueSpans.value(s, "version") instanceof ScalarNode version) {
                found.put(name.getValue(), version);
            }
        }
        return found;
    }

    /** A YAML double-quoted scalar: a version such as 2026.12 must stay text, not become a number. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A version's value ends at {@code end} and is written as {@code value}. */
    private record Replaced(int end, String value) {}
}
