package dev.evalbench.core.record;

/**
 * The decision layer's verdict on one parsed output. {@code proposedAction} is what the model asked for
 * (null when absent); {@code finalAction} is what happens: the proposed action when accepted, the policy's
 * fallback action when rejected. {@code rule} names the rule that fired on rejection (for example
 * "restricted_pattern:email"), null when accepted.
 */
public record Decision(boolean accepted, String proposedAction, String finalAction, String rule, String reason) {}
