package dev.evalbench.core.record;

/**
 * What a stored run holds. {@code EVAL}: the workspace's suites run against a route (every run before traffic
 * existed). {@code TRAFFIC}: requests captured in production and imported ({@code evalbench traffic import}); no
 * model was called by Evalbench. {@code SHADOW}: the workspace as it is now, run over a traffic run's captured
 * inputs without acting on any decision.
 */
public enum RunKind {
    EVAL, TRAFFIC, SHADOW
}
