package dev.evalbench.core.record;

/** The case left route {@code from} for {@code to} because of {@code reason} (a failure kind or "circuit_open"). */
public record FallbackTaken(String from, String to, String reason) {}
