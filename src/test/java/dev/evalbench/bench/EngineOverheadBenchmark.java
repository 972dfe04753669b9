package dev.evalbench.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.eval.Validation;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.scripted.ScriptedModel;
import dev.evalbench.core.provider.scripted.ScriptedProvider;
import dev.evalbench.core.route.FakeRouteCaller;
import dev.evalbench.core.run.AppInfo;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunEngine;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.RunService;
import dev.evalbench.core.decide.PolicyDecider;
import dev.evalbench.core.eval.StrictOutputValidator;
import dev.evalbench.core.eval.SuiteCaseEvaluator;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.template.PromptRenderer;
import dev.evalbench.core.template.TemplateVars;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.PromptTemplate;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the harness costs next to a model: 10,000 cases through the scripted provider at zero latency, end to
 * end into a real SQLite history, then each stage (render, model, parse+validate, decide+evaluate, store) timed
 * on its own over the same cases. Prints medians per case and the process's peak memory.
 *
 * <p>Run: {@code bash docs/bench.sh EngineOverheadBenchmark} (a fresh JVM with a 256 MB heap; see docs/benchmarks.md).
 */
public final class EngineOverheadBenchmark {
    private static final int CASES = 10_000;
    private static final String FIXED_ANSWER = "{\"category\":\"bug\",\"priority\":\"medium\",\"action\":\"reply\",\"order_id\":null,\"reply\":\"Thanks, we are looking into it.\"}";

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("evalbench-bench");
        Path ws = Cli.copySample(dir);
        growDataset(ws.resolve("datasets/tickets.jsonl"), CASES - 32);

        long t0 = System.nanoTime();
        Workspace workspace = Components.loadChecked(ws, Map.of());
        double loadMs = (System.nanoTime() - t0) / 1e6;
        int cases = workspace.suites().stream().mapToInt(s -> s.cases().size()).sum();

        for (int concurrency : new int[] {1, 2}) {
            try (RunStore store = SqliteRunStore.open(dir.resolve("history-" + concurrency + ".db"))) {
                long start = System.nanoTime();
                RunHeader h = new RunService(Clock.systemUTC(), Map.of()).run(workspace, ws,
                        new RunConfig(List.of("offline"), List.of(), 1, concurrency, "off"), store, RunListener.NONE, new Cancellation());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "end to end, concurrency %d: %d cases in %.2f s = %.1f µs per case (%s)%n",
                        concurrency, cases, seconds, seconds * 1e6 / cases, h.status());
            }
        }
        // The harness alone: a model that answers a fixed valid output at once, so nothing but our own work is timed.
        try (RunStore store = SqliteRunStore.open(dir.resolve("history-harness.db"))) {
            var engine = new RunEngine(store, Components.processor(workspace, Clock.systemUTC()), Clock.systemUTC());
            FakeRouteCaller instant = FakeRouteCaller.answering(user -> FIXED_ANSWER);
            long start = System.nanoTime();
            engine.start(workspace, new RunConfig(List.of("offline"), List.of(), 1, 1, "off"), new AppInfo("bench", null),
                    instant, RunListener.NONE, new Cancellation());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "harness only (instant fixed answer), concurrency 1: %.1f µs per case%n", seconds * 1e6 / cases);
        }
        System.out.printf(Locale.ROOT, "load + validate + render-check of the workspace: %.0f ms%n", loadMs);
        stages(workspace, dir);
        System.out.printf(Locale.ROOT, "peak RSS of the process (VmHWM): %s, with max heap %d MiB%n", peakRss(),
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }

    /** Each stage alone over every case, so the end-to-end figure can be read as parts. */
    private static void stages(Workspace ws, Path dir) throws Exception {
        PromptRenderer renderer = Components.renderer();
        StrictOutputValidator validator = new StrictOutputValidator();
        PolicyDecider decider = new PolicyDecider(ws.policy());
        SuiteCaseEvaluator evaluator = new SuiteCaseEvaluator(ws.policy());
        var route = ws.routes().get("offline");
        ScriptedProvider model = new ScriptedProvider(ScriptedModel.parse(ws.files().read(route.script()), route.script()), route.model(), false);
        List<long[]> samples = new ArrayList<>();
        int n = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT; the second is measured
            samples.clear();
            for (SuiteSpec suite : ws.suites()) {
                PromptTemplate prompt = ws.prompts().get(suite.promptId());
                for (EvalCase c : suite.cases()) {
                    long a = System.nanoTime();
                    List<Message> messages = renderer.render(prompt, TemplateVars.of(c.vars()));
                    long b = System.nanoTime();
                    ModelResponse r = model.complete(new ModelRequest(route.model(), messages, route.params(), prompt.outputSchema(), "00-0-0-01", 1000));
                    long d = System.nanoTime();
                    Validation v = validator.validate(r.text(), prompt.outputSchema());
                    long e = System.nanoTime();
                    Decision decision = decider.decide(v.valid() ? v.parsed() : null, c);
                    evaluator.evaluate(suite, c, v, decision);
                    long f = System.nanoTime();
                    samples.add(new long[] {b - a, d - b, e - d, f - e});
                    n++;
                }
            }
        }
        String[] names = {"render", "scripted model", "parse + validate", "decide + evaluate"};
        for (int i = 0; i < names.length; i++) {
            final int k = i;
            long[] xs = samples.stream().mapToLong(s -> s[k]).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-18s median %6.1f µs  p95 %6.1f µs%n", names[i], xs[xs.length / 2] / 1e3, xs[(int) (xs.length * 0.95)] / 1e3);
        }
        // Store: append the records of the concurrency-1 run again into a fresh history, one commit each.
        try (RunStore source = SqliteRunStore.open(dir.resolve("history-1.db"));
             RunStore target = SqliteRunStore.open(dir.resolve("append-only.db"))) {
            RunHeader h = source.runs(1).get(0);
            target.createRun(h);
            long[] xs = new long[h.plannedCases()];
            int i = 0;
            for (var record : source.cases(h.id())) {
                long a = System.nanoTime();
                target.appendCase(record);
                xs[i++] = System.nanoTime() - a;
            }
            Arrays.sort(xs, 0, i);
            System.out.printf(Locale.ROOT, "  %-18s median %6.1f µs  p95 %6.1f µs%n", "store (commit)", xs[i / 2] / 1e3, xs[(int) (i * 0.95)] / 1e3);
        }
    }

    private static void growDataset(Path tickets, int count) throws Exception {
        List<String> base = Files.readAllLines(tickets).stream().filter(l -> !l.isBlank()).toList();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode node = (ObjectNode) Json.MAPPER.readTree(base.get(i % base.size()));
            node.put("id", String.format(Locale.ROOT, "b%05d", i));
            out.add(Json.MAPPER.writeValueAsString(node));
        }
        Files.write(tickets, out);
    }

    private static String peakRss() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return "n/a";
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM")).map(l -> l.replaceAll("\\s+", " ").substring(7))
                .findFirst().orElse("n/a");
    }
}
