package dev.evalbench.core.eval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.cel.CompiledExpression;
import dev.evalbench.core.cel.ExpressionException;
import dev.evalbench.core.cel.ExpressionScope;
import dev.evalbench.core.eval.CutOffAnswer;
import dev.evalbench.core.eval.WithheldAnswer;
import dev.evalbench.core.eval.OutputValidator;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.JudgeVerdict;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.route.CallResult;
import dev.evalbench.core.route.RouteCaller;
import dev.evalbench.core.template.PromptRenderer;
import dev.evalbench.core.template.TemplateException;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.JudgeSpec;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.SuiteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a suite's model-graded judges on one case. For each judge: render its rubric with the case (see
 * {@link RubricVars}), call the judge's route through the same {@link RouteCaller} as the case itself (so
 * retries, breakers, limits and the response cache apply to judge calls alike), read the answer strictly
 * ({@link JudgeAnswer}) and test the judge's {@code pass} expression on it.
 *
 * <p>Failures are outcomes, never exceptions: a provider failure, an answer that does not parse against the
 * judge's schema, a rubric that does not render or a {@code pass} that cannot be evaluated is the verdict
 * {@link JudgeVerdict#ERROR} with its reason; a case without a valid output is {@link JudgeVerdict#NO_OUTPUT}
 * and costs no call. Thread-safe when its collaborators are (they are, by contract); called from run workers.
 */
public final class CaseJudge {
    private static final long DEFAULT_TIMEOUT_MS = 60_000;
    /** How the error of a verdict begins when the judge's route failed on this case; the failure kind's name follows. */
    private static final String ROUTE_FAILED = JudgeVerdict.ROUTE_FAILED;
    /** How it begins when the route's failure says nothing of the case ({@link #noGrade}); the failure kind follows. */
    private static final String NO_ANSWER = "the judge's route gave no answer: ";

    private final PromptRenderer renderer;
    private final OutputValidator validator;
    private final Map<String, RouteSpec> routes;
    private final Map<String, Object> passExpressions = new ConcurrentHashMap<>();

    /** @param routes the workspace's routes by name (the judges' routes among them) */
    public CaseJudge(PromptRenderer renderer, OutputValidator validator, Map<String, RouteSpec> routes) {
        this.renderer = renderer;
        this.validator = validator;
        this.routes = Map.copyOf(routes);
    }

    /**
     * The verdicts of every judge of {@code suite} on this case, in the suite's order; empty without judges.
     *
     * @param validOutput the case's schema-valid output, null when it has none
     * @param bypassCache as for the case's own call (true for --repeat samples after the first)
     */
    public List<JudgeVerdict> judge(SuiteSpec suite, EvalCase evalCase, JsonNode validOutput, String traceparent,
                                    RouteCaller caller, boolean bypassCache) {
        List<JudgeVerdict> verdicts = new ArrayList<>(suite.judges().size());
        for (JudgeSpec judge : suite.judges()) {
            Label label = label(judge, evalCase);
            verdicts.add(validOutput == null
                    ? new JudgeVerdict(judge.name(), JudgeVerdict.NO_OUTPUT, null, null, null, label.score, label.passed, false)
                    : one(judge, evalCase, validOutput, label, traceparent, caller, bypassCache));
        }
        return verdicts;
    }

    /** A human label and whether it meets the judge's pass expression; both null when the case has none. */
    private record Label(Integer score, Boolean passed) {}

    private Label label(JudgeSpec judge, EvalCase evalCase) {
        Integer score = evalCase.labels().get(judge.name());
        if (score == null) return new Label(null, null);
        Object pass = passExpressions.computeIfAbsent(judge.pass(), CaseJudge::compile);
        if (!(pass instanceof CompiledExpression e)) return new Label(score, null);
        try {
            return new Label(score, e.test(Map.of("score", (long) score, "reason", "")));
        } catch (ExpressionException cannot) {
            return new Label(score, null); // not comparable on pass/fail; scores still are
        }
    }

    private JudgeVerdict one(JudgeSpec judge, EvalCase evalCase, JsonNode output, Label label, String traceparent,
                             RouteCaller caller, boolean bypassCache) {
        List<Message> messages;
        try {
            messages = renderer.render(judge.template(), RubricVars.of(judge, evalCase, output));
        } catch (TemplateException e) {
            return error(judge, label, "the rubric does not render: " + e.getMessage(), false);
        }
        RouteSpec route = routes.get(judge.route());
        if (route == null) return error(judge, label, "no route named " + judge.route(), false);
        long timeout = route.timeoutMs() == null ? DEFAULT_TIMEOUT_MS : route.timeoutMs();
        ModelRequest request = new ModelRequest(route.model(), messages, route.params(), judge.template().outputSchema(),
                traceparent, timeout);
        CallResult call = caller.call(route.name(), request, bypassCache);
        if (call.response() == null) {
            return error(judge, label, (gradesNothing(call) ? NO_ANSWER : ROUTE_FAILED) + call.failure()
                    + (call.failureMessage() == null ? "" : " (" + call.failureMessage() + ")"), call.cacheHit());
        }
        JudgeAnswer answer = JudgeAnswer.read(call.response().text(), judge.template().outputSchema(), validator);
        if (answer.problem() != null) {
            String problem = answer.problem();
            if (call.response().truncated()) problem += " (" + CutOffAnswer.why(call.response()) + ")";
            if (call.response().withheld()) problem += " (" + WithheldAnswer.why() + ")";
            return error(judge, label, problem, call.cacheHit());
        }
        Object pass = passExpressions.computeIfAbsent(judge.pass(), CaseJudge::compile);
        if (pass instanceof ExpressionException e) return error(judge, label, "pass does not compile: " + e.getMessage(), call.cacheHit());
        try {
            boolean passed = ((CompiledExpression) pass).test(Map.of("score", (long) answer.score(), "reason", answer.reason()));
            return new JudgeVerdict(judge.name(), passed ? JudgeVerdict.PASS : JudgeVerdict.FAIL, answer.score(),
                    answer.reason(), null, label.score, label.passed, call.cacheHit());
        } catch (ExpressionException e) {
            return error(judge, label, "pass could not be evaluated: " + e.getMessage(), call.cacheHit());
        }
    }

    /**
     * Whether the judge's route failing this call says nothing of the reply, so the case got no grade: a timeout, a
     * rate limit, a server error, a dropped connection, an open breaker or a route the server refused, a key it refused
     * (401, 403), a model or path it does not know (404: the route's, whatever the reply), a cancel. Another failure
     * (a 400 such as a reply past the judge's context, an answer too large or carrying a key, a replay miss) is the
     * judge's ERROR on this case: asking again would meet it again.
     */
    private static boolean gradesNothing(CallResult call) {
        FailureKind kind = call.failure();
        if (kind == null) return false;
        if (kind.retryable() || kind == FailureKind.CIRCUIT_OPEN || kind == FailureKind.CANCELLED) return true;
        if (kind != FailureKind.CLIENT_ERROR || call.attempts().isEmpty()) return false;
        Integer status = call.attempts().get(call.attempts().size() - 1).httpStatus();
        return status != null && (status == 401 || status == 403 || status == 404);
    }

    /**
     * Why the judge's route gave no grade behind {@code v} ("SERVER_ERROR (HTTP 503 …)"), when it gave none for a
     * reason that says nothing of the reply; else empty. Such a verdict is never stored: the run leaves its case for
     * resume rather than count an ERROR against the judge's pass rate, a reply nobody graded as a failed one.
     */
    public static Optional<String> noGrade(JudgeVerdict v) {
        if (!v.errored() || v.error() == null || !v.error().startsWith(NO_ANSWER)) return Optional.empty();
        return Optional.of(v.error().substring(NO_ANSWER.length()));
    }

    private static JudgeVerdict error(JudgeSpec judge, Label label, String why, boolean cacheHit) {
        return new JudgeVerdict(judge.name(), JudgeVerdict.ERROR, null, null, why, label.score, label.passed, cacheHit);
    }

    private static Object compile(String expr) {
        try {
            return ExpressionScope.forJudges().compile(expr);
        } catch (ExpressionException e) {
            return e;
        }
    }
}
