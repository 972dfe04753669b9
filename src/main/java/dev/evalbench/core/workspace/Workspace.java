package dev.evalbench.core.workspace;

import java.util.List;
import java.util.Map;

/**
 * A loaded, validated workspace. Immutable. {@code inputDigests} maps every input file the workspace uses
 * (manifest, templates, schemas, datasets, routes, scripted models, policy, gates) to its SHA-256: the run
 * stores them as snapshots and the signed report lists them as subjects. {@code preprocessHash} is the
 * SHA-256 of the canonical preprocessing step list. {@code unsetVariables} maps a route to the {@code ${NAME}}
 * references in its settings that the environment it was loaded in lacks (and that give no default): that route
 * keeps the reference's text and cannot be called until they are set, while every other route runs (checked by
 * {@code RunService} before a run that reaches the route). Empty for most workspaces; never null.
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
        Map<String, String> inputDigests,
        Map<String, List<UnsetVariable>> unsetVariables) {

    public Workspace {
        unsetVariables = unsetVariables == null ? Map.of() : unsetVariables;
    }

    /** A workspace whose routes all have the variables they name. */
    public Workspace(String name, String description, WorkspaceFiles files, String defaultRoute, List<String> preprocess,
                     String preprocessHash, List<SuiteSpec> suites, Map<String, PromptTemplate> prompts,
                     Map<String, RouteSpec> routes, PolicySpec policy, List<GateSpec> gates, Map<String, String> inputDigests) {
        this(name, description, files, defaultRoute, preprocess, preprocessHash, suites, prompts, routes, policy, gates,
                inputDigests, Map.of());
    }

    /**
     * Where each route that cannot run here takes a setting from an unset variable, in file order: what
     * {@code validate} and the window's Problems give as warnings.
     */
    public List<InputError> unsetVariableWarnings() {
        return unsetVariables.values().stream().flatMap(List::stream).map(UnsetVariable::where).toList();
    }

    public SuiteSpec suite(String name) {
        return suites.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no suite named " + name));
    }
}
