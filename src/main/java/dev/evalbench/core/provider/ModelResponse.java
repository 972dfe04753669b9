package dev.evalbench.core.provider;

/**
 * What a provider answered. {@code text} is the raw assistant text, unparsed. {@code modelReported} is the
 * model the provider says served the call (may differ from the one asked for). {@code requestId} is the
 * provider's id for the call, or null.
 *
 * <p>{@code tokensOut} counts every output token billed, reasoning included; {@code reasoningTokens} is the
 * part of it the model spent reasoning (0 when the provider does not say). {@code tokensEstimated} is true when
 * the provider reported no usage and the counts are {@link TokenEstimate estimates}.
 *
 * <p>{@code truncated} is true when the provider says the model stopped at its output token limit (OpenAI's
 * {@code finish_reason "length"}, Anthropic's {@code stop_reason "max_tokens"}, Ollama's {@code done_reason
 * "length"}): {@code text} is then what it wrote before it was cut off, possibly nothing (a reasoning model can spend
 * the whole limit reasoning).
 *
 * <p>{@code withheld} is true when the server's content filter kept the answer back (Azure's {@code finish_reason
 * "content_filter"} with no text, or its HTTP 400 {@code content_filter} on the prompt, or OpenAI's prompt flagged
 * for its usage policy): {@code text} is then empty. Nothing was produced, as in production behind the same filter;
 * the policy decides on the empty answer like any other.
 */
public record ModelResponse(String text, String modelReported, int tokensIn, int tokensOut, long latencyMs,
                            String requestId, int reasoningTokens, boolean tokensEstimated, boolean truncated,
                            boolean withheld) {

    /** An answer the content filter did not withhold. */
    public ModelResponse(String text, String modelReported, int tokensIn, int tokensOut, long latencyMs,
                         String requestId, int reasoningTokens, boolean tokensEstimated, boolean truncated) {
        this(text, modelReported, tokensIn, tokensOut, latencyMs, requestId, reasoningTokens, tokensEstimated, truncated, false);
    }

    /** A complete answer (not cut off at the output token limit). */
    public ModelResponse(String text, String modelReported, int tokensIn, int tokensOut, long latencyMs,
                         String requestId, int reasoningTokens, boolean tokensEstimated) {
        this(text, modelReported, tokensIn, tokensOut, latencyMs, requestId, reasoningTokens, tokensEstimated, false);
    }

    /** A response with reported counts and no reasoning tokens. */
    public ModelResponse(String text, String modelReported, int tokensIn, int tokensOut, long latencyMs, String requestId) {
        this(text, modelReported, tokensIn, tokensOut, latencyMs, requestId, 0, false);
    }
}
