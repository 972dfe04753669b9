package dev.evalbench.core.workspace;

/**
 * One CEL check of a task suite ({@code checks: [{name, expr}]} in evalbench.yaml): a boolean expression over
 * {@code output}, {@code expected}, {@code vars} and {@code decision}, type-checked at load. Each check is a
 * case check named {@code check.<name>} and a metric {@code check.<name>.pass_rate}. Immutable.
 */
public record CheckSpec(String name, String expr) {
    /** The name of the check in a case's evaluation and of its metric's stem. */
    public String checkKey() {
        return "check." + name;
    }
}
