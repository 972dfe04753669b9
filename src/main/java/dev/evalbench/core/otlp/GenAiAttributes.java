package dev.evalbench.core.otlp;

/**
 * The span attribute names Evalbench writes and reads: OpenTelemetry's GenAI semantic conventions where they
 * say it ({@code gen_ai.*}, {@code error.type}), and Evalbench's own fields under {@code evalbench.*}. One place,
 * so the exporter and the importer can never disagree.
 */
final class GenAiAttributes {
    static final String OPERATION = "gen_ai.operation.name";
    static final String PROVIDER = "gen_ai.provider.name";
    /** The older name of {@link #PROVIDER}; read when the newer one is absent. */
    static final String SYSTEM = "gen_ai.system";
    static final String REQUEST_MODEL = "gen_ai.request.model";
    static final String RESPONSE_MODEL = "gen_ai.response.model";
    static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";
    static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
    static final String SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";
    static final String INPUT_MESSAGES = "gen_ai.input.messages";
    static final String OUTPUT_MESSAGES = "gen_ai.output.messages";
    static final String ERROR_TYPE = "error.type";

    static final String REQUEST_ID = "evalbench.request.id";
    static final String ROUTE = "evalbench.route";
    static final String ROUTE_USED = "evalbench.route.used";
    static final String PROMPT_ID = "evalbench.prompt.id";
    static final String PROMPT_REVISION = "evalbench.prompt.revision";
    static final String PROMPT_HASH = "evalbench.prompt.hash";
    static final String POLICY_REVISION = "evalbench.policy.revision";
    static final String POLICY_HASH = "evalbench.policy.hash";
    static final String VARS = "evalbench.input.vars";
    static final String LATENCY_MS = "evalbench.latency_ms";
    static final String COST_USD = "evalbench.cost_usd";
    static final String RETRIES = "evalbench.retries";
    static final String VALIDATION = "evalbench.validation.outcome";
    static final String VALIDATION_ERRORS = "evalbench.validation.errors";
    static final String DECISION_ACTION = "evalbench.decision.action";
    static final String DECISION_ACCEPTED = "evalbench.decision.accepted";
    static final String DECISION_PROPOSED = "evalbench.decision.proposed";
    static final String DECISION_RULE = "evalbench.decision.rule";
    static final String DECISION_REASON = "evalbench.decision.reason";
    static final String FAILURE_MESSAGE = "evalbench.failure.message";

    /** One span event per call to a provider (the first try and each retry). */
    static final String ATTEMPT_EVENT = "evalbench.attempt";
    static final String ATTEMPT_ROUTE = "evalbench.attempt.route";
    static final String ATTEMPT_NUMBER = "evalbench.attempt.number";
    static final String ATTEMPT_OUTCOME = "evalbench.attempt.outcome";
    static final String ATTEMPT_HTTP_STATUS = "evalbench.attempt.http_status";
    static final String ATTEMPT_LATENCY_MS = "evalbench.attempt.latency_ms";
    static final String ATTEMPT_MESSAGE = "evalbench.attempt.message";

    static final String SERVICE_NAME = "service.name";
    static final String SCOPE = "dev.evalbench";

    private GenAiAttributes() {}
}
