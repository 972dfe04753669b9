package dev.evalbench.core.workspace;

import java.util.List;
import java.util.Map;

/**
 * A loaded, validated workspace. Immutable. {@code inputDigests} maps every input file the workspace uses
 * (manifest, templates, schemas, datasets, routes, scripted models, policy, gates) to its SHA-256: the run
 * stores them as snapshots and the signed report lists them as subjects. {@code preprocessHash} is the
 * SHA-256 of the canonical preprocessing step list.
 */
public record Workspace(
        String name,
        String description,
        WorkspaceFiles files,
        String defaultRoute,
        List<String> preprocess,
        String preprocessHash,
        List<SuiteSpec> suites,
        Map<String, PromptTemplate> prompts,
        Map<String, RouteSpec> routes,
        PolicySpec policy,
        List<GateSpec> gates,
        Map<String, String> inputDigests) {

    public SuiteSpec suite(String name) {
        return suites.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no suite named " + name));
    }
}
