package dev.evalbench.core.provider.scripted;

/**
 * What a scripted model answers to one user message: the raw text (captures already substituted), the rule
 * that produced it ("rules[3]" or "default"), its latency and its token count.
 */
public record ScriptedAnswer(String text, String rule, long latencyMs, int tokensOut) {}
