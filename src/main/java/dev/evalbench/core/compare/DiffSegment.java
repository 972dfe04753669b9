package dev.evalbench.core.compare;

/** A run of text within one diff line; {@code changed} marks words that differ from the other side. */
public record DiffSegment(String text, boolean changed) {}
