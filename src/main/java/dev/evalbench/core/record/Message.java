package dev.evalbench.core.record;

/** One chat message; {@code role} is "system", "user" or "assistant". */
public record Message(String role, String content) {}
