package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.decide.Decider;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.eval.CutOffAnswer;
import dev.evalbench.core.eval.WithheldAnswer;
import dev.evalbench.core.record.CaseEvaluation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.eval.CaseEvaluator;
import dev.evalbench.core.eval.judge.CaseJudge;
import dev.evalbench.core.record.JudgeVerdict;
import dev.evalbench.core.eval.OutputValidator;
import dev.evalbench.core.eval.Validation;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.route.CallResult;
import dev.evalbench.core.route.RouteCaller;
import dev.evalbench.core.route.Traceparent;
import dev.evalbench.core.template.PromptRenderer;
import dev.evalbench.core.template.TemplateException;
import dev.evalbench.core.template.TemplateVars;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One case through both layers: render, call the route, parse strictly against the output schema, decide,
 * evaluate, then run the suite's model-graded judges on the output (when built with a {@link CaseJudge}). Always returns a record: provider trouble and render failures become recorded outcomes, so one
 * bad case never stops a run. Thread-safe when its collaborators are (they are, by contract).
 */
public final class CaseProcessor {
    private static final long DEFAULT_TIMEOUT_MS = 60_000;

    private final PromptRenderer renderer;
    private final OutputValidator validator;
    private final Decider decider;
    private final CaseEvaluator evaluator;
    private final Clock clock;
    private final CaseJudge judge;

    /** A processor that runs no model-graded judges (every suite's judges are left unjudged). */
    public CaseProcessor(PromptRenderer renderer, OutputValidator validator, Decider decider, CaseEvaluator evaluator, Clock clock) {
        this(renderer, validator, decider, evaluator, clock, null);
    }

    /** @param judge runs the suite's model-graded judges after the evaluation; null runs none */
    public CaseProcessor(PromptRenderer renderer, OutputValidator validator, Decider decider, CaseEvaluator evaluator,
                         Clock clock, CaseJudge judge) {
        this.renderer = renderer;
        this.validator = validator;
        this.decider = decider;
        this.evaluator = evaluator;
        this.clock = clock;
        this.judge = judge;
    }

    public CaseRecord process(String runId, WorkItem item, RouteCaller caller) {
        Instant started = clock.instant();
        String traceId = Traceparent.newTraceId();
        List<Message> messages;
        try {
            // The same conversion the validator rendered every case with before the run.
            messages = renderer.render(item.prompt(), TemplateVars.of(item.evalCase().vars()));
        } catch (TemplateException e) {
            // Validation renders every case before a run starts, so this is a changed file or a bug: record it.
            return failed(runId, item, traceId, List.of(), FailureKind.INTERNAL, "render: " + e.getMessage(), started);
        }
        long timeout = item.route().timeoutMs() == null ? DEFAULT_TIMEOUT_MS : item.route().timeoutMs();
        ModelRequest request = new ModelRequest(item.route().model(), messages, item.route().params(),
                item.prompt().outputSchema(), Traceparent.header(traceId), timeout);
        CallResult call = caller.call(item.route().name(), request, item.key().sample() > 0);
        ModelResponse response = call.response();
        Validation validation = response == null ? null
                : WithheldAnswer.explained(CutOffAnswer.explained(validator.validate(response.text(),
                        item.prompt().outputSchema()), response), response);
        Decision decision = decider.decide(validation != null && validation.valid() ? validation.parsed() : null, item.evalCase());
        CaseEvaluation evaluation = evaluator.evaluate(item.suite(), item.evalCase(), validation, decision);
        // Judges grade what the model wrote, accepted by the policy or not; they do not change the case's verdict.
        JsonNode validOutput = validation != null && validation.valid() ? validation.parsed() : null;
        List<JudgeVerdict> verdicts = judge == null ? List.of()
                : judge.judge(item.suite(), item.evalCase(), validOutput, Traceparent.header(traceId), caller, item.key().sample() > 0);
        return new CaseRecord(runId, item.key(), traceId, messages,
                response == null ? null : response.text(),
                call.failure() == null ? null : call.failure().name(),
                failureMessage(item, call),
                validation == null ? null : validation.parsed(),
                validation != null && validation.valid(),
                validation == null ? List.of() : validation.errors(),
                decision, evaluation, item.evalCase().expected(), item.evalCase().blocking(),
                call.routeUsed(), call.provider(),
                response == null ? call.model() : response.modelReported(),
                response == null ? null : response.requestId(),
                response == null ? 0 : response.latencyMs(),
                response == null ? 0 : response.tokensIn(),
                response == null ? 0 : response.tokensOut(),
                call.costUsd(), call.attempts(), call.fallbacks(), call.cacheHit(),
                item.versions(), started, clock.instant(),
                response == null ? 0 : response.reasoningTokens(),
                response != null && response.tokensEstimated(), item.evalCase().tags(), verdicts);
    }

    /** The record of a case whose processing threw: kept as an INTERNAL failure with the exception's text. */
    /** A replay miss names the case and route, since the provider sees only the request, not which case it is. */
    private static String failureMessage(WorkItem item, CallResult call) {
        if (call.failure() != FailureKind.REPLAY_MISS || call.failureMessage() == null) return call.failureMessage();
        return "case " + item.key().suite() + "/" + item.key().caseId() + " on route " + item.key().route() + ": "
                + call.failureMessage();
    }

    public CaseRecord crashed(String runId, WorkItem item, RuntimeException e) {
        Instant now = clock.instant();
        return failed(runId, item, Traceparent.newTraceId(), List.of(), FailureKind.INTERNAL, e.toString(), now);
    }

    private CaseRecord failed(String runId, WorkItem item, String traceId, List<Message> messages,
                              FailureKind kind, String message, Instant started) {
        Decision decision = decider.decide(null, item.evalCase());
        CaseEvaluation evaluation = evaluator.evaluate(item.suite(), item.evalCase(), null, decision);
        return new CaseRecord(runId, item.key(), traceId, messages, null, kind.name(), message, null, false,
                List.of(), decision, evaluation, item.evalCase().expected(), item.evalCase().blocking(),
                item.route().name(), item.route().provider(), item.route().model(), null, 0, 0, 0, 0.0,
                List.of(), List.of(), false, item.versions(), started, clock.instant(), item.evalCase().tags());
    }
}
