package dev.evalbench.core.provider;

/**
 * What a provider answered. {@code text} is the raw assistant text, unparsed. {@code modelReported} is the
 * model the provider says served the call (may differ from the one asked for). {@code requestId} is the
 * provider's id for the call, or null.
 */
public record ModelResponse(String text, String modelReported, int tokensIn, int tokensOut, long latencyMs, String requestId) {}
