package dev.evalbench.core.service;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.secret.KeyScrubber;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.PolicySpec;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds the {@link OutboundMask} for runs about to leave the machine: the restricted values of each of
 * their cases and the policy's restricted patterns, read from the workspace each run was made from (its
 * stored snapshots) and from the workspace in use, plus every API key the environment holds for their
 * routes. Writers then get masked copies and never the raw history. Stateless.
 */
public final class OutboundMasks {
    private OutboundMasks() {}

    /**
     * @param current the workspace in use (its gates, the run being made), or null
     * @param runs    the runs to be written; those whose snapshots the store holds add their own workspace
     */
    public static OutboundMask of(Workspace current, RunStore store, Map<String, String> env, StoredRun... runs)
            throws StoreException {
        return of(current, store, env, java.util.Arrays.stream(runs).map(r -> r == null ? null : r.header())
                .toArray(RunHeader[]::new));
    }

    /** As {@link #of(Workspace, RunStore, Map, StoredRun...)}, by the runs' headers (null ones are skipped). */
    public static OutboundMask of(Workspace current, RunStore store, Map<String, String> env, RunHeader... runs)
            throws StoreException {
        List<Workspace> sources = new ArrayList<>();
        if (current != null) sources.add(current);
        sources.addAll(snapshots(current, store, env, runs));
        return of(sources, env);
    }

    /**
     * The workspaces the runs were made from, read from {@code store}'s snapshots; none for a run made from the very
     * files in use ({@code current}), whose mask they already give.
     */
    private static List<Workspace> snapshots(Workspace current, RunStore store, Map<String, String> env, RunHeader... runs)
            throws StoreException {
        List<Workspace> sources = new ArrayList<>();
        for (RunHeader run : runs) {
            if (run == null || store == null) continue;
            // A run made from the very files in use masks with them: rebuilding the same workspace from its
            // snapshots (every dataset parsed and validated again) would cost more than the whole gate.
            if (current != null && run.inputs() != null && run.inputs().equals(current.inputDigests())) continue;
            if (!hasSnapshots(run, store)) continue;
            try {
                sources.add(Components.loadSnapshotForReading(run, store, env));
            } catch (WorkspaceException e) {
                // A snapshot that no longer loads (an older format): the current workspace still masks.
            }
        }
        return sources;
    }

    /**
     * As {@link #later(List, Map)} for a comparison's runs, each read from its own store (the history, a run file):
     * the workspace in use ({@code current}, null when it could not be read) and the workspaces each run was made
     * from. A comparison masked with the open workspace alone showed a case's e-mail and card in full while that
     * workspace had a problem, and a case dropped from its dataset since the run. Built by its first user (a task,
     * off the FX thread), then kept. Thread-safe.
     *
     * @throws IllegalStateException from {@code get()}, saying which run's record could not be read
     */
    public static Supplier<OutboundMask> later(Workspace current, Map<String, String> env, ReviewService.Side... runs) {
        return memoized(() -> {
            List<Workspace> sources = new ArrayList<>();
            if (current != null) sources.add(current);
            for (ReviewService.Side run : runs) {
                try {
                    sources.addAll(snapshots(current, run.store(), env, RunLookup.header(run.store(), run.runId())));
                } catch (RequestException | StoreException e) {
                    throw new IllegalStateException("cannot read the masks of run " + run.runId() + ": " + e.getMessage(), e);
                }
            }
            return of(sources, env);
        });
    }

    /** The mask of these workspaces together: a case id's values are the union over all of them. */
    public static OutboundMask of(List<Workspace> workspaces, Map<String, String> env) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        Map<String, String> patterns = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (Workspace ws : workspaces) {
            for (SuiteSpec suite : ws.suites()) {
                suite.restrictedById().forEach((id, restricted) -> values.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(restricted));
            }
            if (ws.policy() != null && ws.policy().restrictedPatterns() != null) {
                for (PolicySpec.RestrictedPattern p : ws.policy().restrictedPatterns()) patterns.putIfAbsent(p.name(), p.regex());
            }
            for (RouteSpec route : ws.routes().values()) {
                if (route.apiKeyEnv() != null) keys.add(env.get(route.apiKeyEnv()));
                route.http().secretHeaders().values().forEach(variable -> keys.add(env.get(variable)));
            }
        }
        Map<String, List<String>> byCase = new LinkedHashMap<>();
        values.forEach((id, set) -> byCase.put(id, List.copyOf(set)));
        return new OutboundMask(byCase, patterns, KeyScrubber.of(keys.stream().filter(Objects::nonNull).toList()));
    }

    /**
     * {@link #of(List, Map)}, built when first asked for and then kept: for a caller on the FX thread whose masking
     * happens in task bodies. Building a mask reads every case's restricted values, which parses a dataset's lines
     * (0.6 s for the 100,000-case bench workspace). Thread-safe.
     */
    public static Supplier<OutboundMask> later(List<Workspace> workspaces, Map<String, String> env) {
        return memoized(() -> of(workspaces, env));
    }

    /** {@code make}'s mask, made by the first {@code get()} and then kept (a failed make is tried again). Thread-safe. */
    private static Supplier<OutboundMask> memoized(Supplier<OutboundMask> make) {
        return new Supplier<>() {
            private OutboundMask mask;

            @Override
            public synchronized OutboundMask get() {
                if (mask == null) mask = make.get();
                return mask;
            }
        };
    }

    private static boolean hasSnapshots(RunHeader run, RunStore store) throws StoreException {
        Map<String, String> inputs = run.inputs();
        if (inputs == null || inputs.isEmpty()) return false;
        for (String sha256 : inputs.values()) {
            if (!store.hasSnapshot(sha256)) return false;
        }
        return true;
    }
}
