package dev.evalbench.core.record;

/**
 * Everything that affects one case's output, as recorded with it. Hashes are SHA-256 hex of file bytes.
 * {@code route}, {@code provider} and {@code model} are the route as requested; the record says which
 * route and model actually answered. {@code routeHash} is the SHA-256 of the route's whole definition
 * (parameters, base URL, limits, and for a scripted model its rules file), so a changed temperature or
 * rule shows as a route change even when the model name stays. {@code gitCommit} is null outside a git
 * checkout. {@code judges} are the versions of the suite's model-graded judges (rubric and grading route), in
 * the manifest's order; empty for a suite without judges and left out of the JSON form then, so tuples
 * recorded before judges existed read back, and hash, exactly as they were written.
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
        String gitCommit,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        java.util.List<JudgeVersion> judges) {

    public VersionTuple {
        judges = judges == null ? java.util.List.of() : java.util.List.copyOf(judges);
    }

    /** A tuple without judges (every suite before judges existed, and suites that have none). */
    public VersionTuple(String promptId, int promptRevision, String promptHash, String outputSchemaHash,
                        String preprocessHash, int policyRevision, String policyHash, String evalSetVersion,
                        String evalSetHash, String route, String provider, String model, String routeHash,
                        String appVersion, String gitCommit) {
        this(promptId, promptRevision, promptHash, outputSchemaHash, preprocessHash, policyRevision, policyHash,
                evalSetVersion, evalSetHash, route, provider, model, routeHash, appVersion, gitCommit, java.util.List.of());
    }
}
