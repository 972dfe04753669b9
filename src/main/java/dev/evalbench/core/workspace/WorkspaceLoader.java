package dev.evalbench.core.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Loads and checks a whole workspace (docs/workspace-format.md). Every file is checked against its bundled
 * JSON Schema and then for meaning (references between files, regexes, expected values, metric names), and
 * every problem found is reported, across all files, as an {@link InputError} with file, line and column.
 * Loading reads only through {@link WorkspaceFiles}, so a workspace on disk and a run's stored snapshot load
 * alike. Stateless and thread-safe; each call reads the files afresh.
 */
public final class WorkspaceLoader {
    private WorkspaceLoader() {}

    /**
     * @param env the environment for {@code ${NAME}} references in routes.yaml (usually {@code System.getenv()});
     *     API keys are not read here. A reference to a variable it lacks, written without a default, is no error:
     *     its route is one that cannot run in this environment ({@link Workspace#unsetVariables})
     * @throws WorkspaceException listing every problem found, in file order
     */
    public static Workspace load(WorkspaceFiles files, Map<String, String> env) throws WorkspaceException {
        return load(files, env, Map.of());
    }

    /**
     * As {@link #load(WorkspaceFiles, Map)}, for a workspace some stored run was made from: files whose bytes
     * are among {@code vouched} (the run's inputs, path to SHA-256, all checked when the run was made) skip the
     * checks of each dataset line, which dominate loading a large workspace; everything else is checked as
     * ever. The result is the same workspace a full load gives.
     */
    public static Workspace load(WorkspaceFiles files, Map<String, String> env, Map<String, String> vouched)
            throws WorkspaceException {
        return load(new LoadContext(files, vouched == null ? Map.of() : vouched, false), env);
    }

    /**
     * As {@link #load(WorkspaceFiles, Map, Map)}, to read stored runs (gate them, mask what leaves the machine):
     * no route will be called. Never use the result to call a model. Files that are byte for
     * byte ones the run checked are not checked again ({@code LoadContext.checkedByItsRun}).
     */
    public static Workspace loadForReading(WorkspaceFiles files, Map<String, String> env, Map<String, String> vouched)
            throws WorkspaceException {
        Map<String, String> checked = vouched == null ? Map.of() : vouched;
        if (!checked.isEmpty()) {
            try {
                return load(new LoadContext(files, checked, true), env);
            } catch (RuntimeException unexpected) {
                // A file the run checked under an older, looser version of these checks, read without them: made
                // again below, they say what is wrong with it instead.
            }
        }
        return load(new LoadContext(files, checked, true, false), env);
    }

    private static Workspace load(LoadContext ctx, Map<String, String> env) throws WorkspaceException {
        WorkspaceFiles files = ctx.files();
        Manifest manifest = ManifestReader.read(ctx);
        PromptReader.Prompts prompts = PromptReader.readAll(ctx);
        RouteReader.Routes routes = RouteReader.read(ctx, manifest == null ? "routes.yaml" : manifest.routesPath(), env);
        PolicySpec policy = PolicyReader.read(ctx, manifest == null ? "policy.yaml" : manifest.policyPath(),
                outputSchemasInUse(manifest, prompts));
        if (manifest != null && policy != null) ActionFieldCheck.check(ctx, manifest, prompts, policy);
        Preprocessor preprocessor = new Preprocessor(manifest == null ? List.of() : manifest.preprocess());
        Map<String, SuiteSpec> suites = manifest == null ? Map.of() : suites(ctx, manifest, prompts, preprocessor, policy, routes);
        List<GateSpec> gates = GateReader.read(ctx, manifest == null ? "gates.yaml" : manifest.gatesPath(), manifest, suites);
        if (manifest != null && routes != null) checkDefaultRoute(ctx, manifest, routes);
        if (ctx.errorCount() > 0) throw new WorkspaceException(ctx.distinctErrors());
        return new Workspace(manifest.name(), manifest.description(), files, manifest.defaultRoute(),
                manifest.preprocess(), preprocessor.hash(), List.copyOf(suites.values()),
                Collections.unmodifiableMap(new LinkedHashMap<>(prompts.byId())),
                Collections.unmodifiableMap(new LinkedHashMap<>(routes.byName())),
                policy, gates, Collections.unmodifiableMap(new TreeMap<>(ctx.digests())), unset(routes));
    }

    private static Map<String, List<UnsetVariable>> unset(RouteReader.Routes routes) {
        Map<String, List<UnsetVariable>> copy = new LinkedHashMap<>();
        routes.unset().forEach((route, variables) -> copy.put(route, List.copyOf(variables)));
        return Collections.unmodifiableMap(copy);
    }

    /** The suites whose prompt exists and whose cases loaded, by name in manifest order. */
    private static Map<String, SuiteSpec> suites(LoadContext ctx, Manifest manifest, PromptReader.Prompts prompts,
                                                 Preprocessor preprocessor, PolicySpec policy, RouteReader.Routes routes) {
        Map<String, SuiteSpec> suites = new LinkedHashMap<>();
        ctx.checkedLines().shareAmong(manifest.suites().stream().map(Manifest.SuiteDecl::dataset).toList());
        for (Manifest.SuiteDecl decl : manifest.suites()) {
            boolean promptKnown = prompts.byId().containsKey(decl.promptId());
            if (!promptKnown && !prompts.declaredIds().contains(decl.promptId())) {
                String known = prompts.declaredIds().isEmpty() ? "none in prompts/" : String.join(", ", new TreeSet<>(prompts.declaredIds()));
                ctx.add(manifest.tree().errorAt(decl.pointer() + "/prompt", "unknown prompt \"" + decl.promptId() + "\" ("
                        + dev.evalbench.core.text.NearestNames.didYouMean(decl.promptId(), prompts.declaredIds())
                        + "prompts: " + known + ")"));
            }
            if (decl.kind() == SuiteKind.TASK) SuiteCheckTypes.check(ctx, manifest, decl, prompts.byId().get(decl.promptId()));
            List<JudgeSpec> judges = decl.kind() == SuiteKind.TASK ? SuiteJudges.resolve(ctx, manifest, decl, prompts, routes) : List.of();
            List<EvalCase> cases = DatasetReader.read(ctx, manifest, decl, preprocessor, policy,
                    SuiteJudges.byName(judges), prompts.byId().get(decl.promptId()));
            if (cases == null || !promptKnown) continue;
            boolean task = decl.kind() == SuiteKind.TASK;
            suites.put(decl.name(), new SuiteSpec(decl.name(), decl.kind(), decl.promptId(), decl.dataset(), decl.version(),
                    task ? decl.classification() : List.of(), task ? decl.extraction() : List.of(),
                    task ? decl.routing() : null, ctx.digests().get(decl.dataset()), cases,
                    task ? decl.extractionRules() : Map.of(), task ? decl.checks() : List.of(), judges));
        }
        return suites;
    }

    /** The output schemas of the prompts the suites use: what the policy's CEL rules will see as output. */
    private static List<com.fasterxml.jackson.databind.JsonNode> outputSchemasInUse(Manifest manifest, PromptReader.Prompts prompts) {
        if (manifest == null) return List.of();
        return manifest.suites().stream().map(s -> prompts.byId().get(s.promptId()))
                .filter(p -> p != null && p.outputSchema() != null).map(PromptTemplate::outputSchema).distinct().toList();
    }

    private static void checkDefaultRoute(LoadContext ctx, Manifest manifest, RouteReader.Routes routes) {
        if (routes.byName().containsKey(manifest.defaultRoute())) return;
        List<String> names = new ArrayList<>(routes.byName().keySet());
        ctx.add(manifest.tree().errorAt("/default_route", "unknown route \"" + manifest.defaultRoute()
                + "\" (" + dev.evalbench.core.text.NearestNames.didYouMean(manifest.defaultRoute(), names)
                + "routes: " + String.join(", ", names) + ")"));
    }
}
