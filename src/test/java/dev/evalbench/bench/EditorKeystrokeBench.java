package dev.evalbench.bench;

import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.PromptParts;
import dev.evalbench.core.service.PromptRevisions;
import dev.evalbench.core.service.UndefinedVariables;
import dev.evalbench.core.template.PromptRenderer;
import dev.evalbench.core.template.TemplateException;
import dev.evalbench.core.template.TemplateVars;
import dev.evalbench.core.workspace.PromptTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Times the work the template editor does off the UI thread after each pause in typing, on the sample's
 * triage prompt (81 lines) and its first case: parse the file's text, place undefined variables, render both
 * messages strictly (each keystroke's text is new, so the renderer compiles it afresh), and the save's text
 * edit. Not a test (excluded from surefire): run with
 * {@code mvn -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.evalbench.bench.EditorKeystrokeBench}.
 */
public final class EditorKeystrokeBench {
    private static final int ROUNDS = 400;

    private EditorKeystrokeBench() {}

    public static void main(String[] args) throws Exception {
        String file = "prompts/triage.yaml";
        String text = Files.readString(Path.of("workspaces/support-triage", file));
        String firstCase = Files.readAllLines(Path.of("workspaces/support-triage/datasets/tickets.jsonl")).get(0);
        Map<String, Object> vars = TemplateVars.of((ObjectNode) new ObjectMapper().readTree(firstCase).get("vars"));
        PromptRenderer renderer = Components.renderer();
        long[] analysis = new long[ROUNDS];
        long[] save = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            String typed = text.replace("The customer wrote:", "The customer wrote (" + i + "):");
            long start = System.nanoTime();
            PromptParts parts = PromptParts.parse(file, typed);
            UndefinedVariables.in(file, typed, vars);
            try {
                renderer.render(new PromptTemplate(parts.id(), parts.revision(), parts.changelog(), file, parts.system(),
                        parts.body(), null, null, null, null), vars);
            } catch (TemplateException e) {
                throw new IllegalStateException(e);
            }
            analysis[i] = System.nanoTime() - start;
            start = System.nanoTime();
            PromptRevisions.nextRevision(file, typed, "bench " + i);
            save[i] = System.nanoTime() - start;
        }
        System.out.printf("after-typing analysis: median %.2f ms, p90 %.2f ms (last %d of %d rounds)%n",
                quantile(analysis, 0.5), quantile(analysis, 0.9), ROUNDS / 2, ROUNDS);
        System.out.printf("save text edit: median %.2f ms%n", quantile(save, 0.5));
    }

    /** The quantile of the second half of the rounds (the first half warms the JIT up). */
    private static double quantile(long[] nanos, double q) {
        long[] warm = Arrays.copyOfRange(nanos, nanos.length / 2, nanos.length);
        Arrays.sort(warm);
        return warm[(int) Math.min(warm.length - 1, Math.floor(q * warm.length))] / 1e6;
    }
}
