package dev.evalbench.core.record;

/**
 * Everything that affects one case's output, as recorded with it. Hashes are SHA-256 hex of file bytes.
 * {@code route}, {@code provider} and {@code model} are the route as requested; the record says which
 * route and model actually answered. {@code routeHash} is the SHA-256 of the route's whole definition
 * (parameters, base URL, limits, and for a scripted model its rules file), so a changed temperature or
 * rule shows as a route change even when the model name stays. {@code gitCommit} is null outside a git
 * checkout.
 */
public record VersionTuple(
        String promptId,
        int promptRevision,
        String promptHash,
        String outputSchemaHash,
        String preprocessHash,
        int policyRevision,
        String policyHash,
        String evalSetVersion,
        String evalSetHash,
        String route,
        String provider,
        String model,
        String routeHash,
        String appVersion,
        String gitCommit) {}
