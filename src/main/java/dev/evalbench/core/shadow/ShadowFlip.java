package dev.evalbench.core.shadow;

/** One request whose validation or decision came out differently in the shadow than in production. */
public record ShadowFlip(String id, String field, String production, String candidate) {}
