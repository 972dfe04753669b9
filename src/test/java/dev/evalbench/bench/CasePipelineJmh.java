package dev.evalbench.bench;

import dev.evalbench.cli.Cli;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.decide.PolicyDecider;
import dev.evalbench.core.eval.StrictOutputValidator;
import dev.evalbench.core.eval.SuiteCaseEvaluator;
import dev.evalbench.core.eval.Validation;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.template.PromptRenderer;
import dev.evalbench.core.template.TemplateVars;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.PromptTemplate;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-case work of the harness, stage by stage, on a real case of the sample workspace: render the prompt,
 * parse and validate an answer strictly, decide and evaluate. Run: {@code bash docs/bench.sh org.openjdk.jmh.Main CasePipelineJmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CasePipelineJmh {
    private static final String ANSWER = "{\"category\":\"billing\",\"priority\":\"high\",\"action\":\"refund\",\"order_id\":\"ORD-10421\","
            + "\"reply\":\"Sorry about the double charge. I have refunded the extra payment; it will reach your card in 5 to 10 days.\","
            + "\"refund_amount\":42.5}";

    private PromptRenderer renderer;
    private StrictOutputValidator validator;
    private PolicyDecider decider;
    private SuiteCaseEvaluator evaluator;
    private SuiteSpec suite;
    private EvalCase evalCase;
    private PromptTemplate prompt;
    private Map<String, Object> vars;
    private Validation validation;

    @Setup
    public void setUp() throws Exception {
        Workspace ws = Components.loadChecked(Cli.SAMPLE, Map.of());
        renderer = Components.renderer();
        validator = new StrictOutputValidator();
        decider = new PolicyDecider(ws.policy());
        evaluator = new SuiteCaseEvaluator(ws.policy());
        suite = ws.suite("triage");
        evalCase = suite.cases().get(6);
        prompt = ws.prompts().get(suite.promptId());
        vars = TemplateVars.of(evalCase.vars());
        validation = validator.validate(ANSWER, prompt.outputSchema());
    }

    @Benchmark
    public List<Message> render() throws Exception {
        return renderer.render(prompt, vars);
    }

    @Benchmark
    public Validation parseAndValidate() {
        return validator.validate(ANSWER, prompt.outputSchema());
    }

    @Benchmark
    public Object decideAndEvaluate() {
        Decision d = decider.decide(validation.parsed(), evalCase);
        return evaluator.evaluate(suite, evalCase, validation, d);
    }
}
