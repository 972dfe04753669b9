package dev.evalbench.core.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a run was asked for: enough to resume it. {@code suites} empty means every suite; {@code cacheMode} is
 * "read-write", "read" or "off". {@code tags} and {@code caseIds} slice the run ({@code run --tag},
 * {@code run --case}): a case runs when it carries one of the tags (none given: any case) and its id is one of
 * the ids (none given: any id). Both are left out of the JSON form when empty, so a header written before they
 * existed reads as "no slice", which is what it was.
 */
public record RunConfig(List<String> routes, List<String> suites, int repeat, int concurrency, String cacheMode,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> caseIds) {

    /**
     * Each list keeps a name once, in the order first given: {@code --route offline --route offline} (or
     * {@code offline,offline}) is one route, not two runs of every case under the same key, which the history
     * refused at the second record and left the run incomplete for good.
     */
    public RunConfig {
        routes = routes == null ? null : once(routes);
        suites = suites == null ? List.of() : once(suites);
        tags = tags == null ? List.of() : once(tags);
        caseIds = caseIds == null ? List.of() : once(caseIds);
    }

    private static List<String> once(List<String> names) {
        return List.copyOf(new java.util.LinkedHashSet<>(names));
    }

    /** A run of whole suites (no slice by tag or case). */
    public RunConfig(List<String> routes, List<String> suites, int repeat, int concurrency, String cacheMode) {
        this(routes, suites, repeat, concurrency, cacheMode, List.of(), List.of());
    }

    /**
     * Whether this config chose every case (no suites, case ids or tags named). Not an {@code is} name: the config
     * is stored and printed as JSON, and this is not one of its fields.
     */
    public boolean coversAll() {
        return suites.isEmpty() && caseIds.isEmpty() && tags.isEmpty();
    }

    /**
     * This config, or when its suites name every one of {@code allSuites} (and maybe more), the same with no
     * suites: {@code run --suite triage,safety} on a workspace of those two suites, or every suite ticked in the
     * window, is a run of the whole eval set, and its gates, history row and report must not call it a slice.
     */
    public RunConfig withEverySuiteAsAll(java.util.Collection<String> allSuites) {
        if (suites.isEmpty() || allSuites.isEmpty() || !suites.containsAll(allSuites)) return this;
        return new RunConfig(routes, List.of(), repeat, concurrency, cacheMode, tags, caseIds);
    }

    /** Whether a case of {@code key} with {@code caseTags} is among those this config chose. */
    public boolean covers(CaseKey key, List<String> caseTags) {
        return (suites.isEmpty() || suites.contains(key.suite())) && selects(key.caseId(), caseTags);
    }

    /** The cases of {@code cases} this config chose, in their order: the list itself when it chose every case. */
    public <T extends ScoredCase> List<T> chosen(List<T> cases) {
        if (coversAll()) return cases;
        return cases.stream().filter(c -> covers(c.key(), c.tags())).toList();
    }

    /** True when the slice keeps a case with this id and these tags. */
    public boolean selects(String caseId, List<String> caseTags) {
        return (caseIds.isEmpty() || caseIds.contains(caseId))
                && (tags.isEmpty() || caseTags.stream().anyMatch(tags::contains));
    }
}
