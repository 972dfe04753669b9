package dev.evalbench.core.provider.scripted;

import java.util.regex.Pattern;

/**
 * One rule of a scripted model: when {@code when} is found in the user message, answer with {@code answer}.
 * {@code when} is null for the default rule. {@code tokensOut} is null when the file leaves it out (the answer's
 * length / 4 is reported instead). {@code label} names the rule in messages: "rules[3]" or "default".
 */
record ScriptedRule(String label, Pattern when, AnswerTemplate answer, long latencyMs, Integer tokensOut) {}
