package dev.evalbench.core.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Aligns the cases of two runs, the basis of every paired statistic and of the comparison view. Cases match
 * by suite, case id and sample; the prompt and route join the key only when a run used more than one of
 * them, so comparing a run on route A with a run on route B pairs the same cases. A shadow run's cases (suite
 * {@value #SHADOW_SUITE}) are production's captured requests replayed, stored under the suite
 * {@value #TRAFFIC_SUITE} in the traffic run: the two suites align as one, so a shadow run pairs with the traffic
 * it shadowed request by request. Pure.
 */
public final class CaseAlignment {
    /** The suite of an imported traffic run's requests (TrafficRecords.SUITE). */
    public static final String TRAFFIC_SUITE = "traffic";
    /** The suite a shadow run replays them under (ShadowService.SUITE). */
    public static final String SHADOW_SUITE = "shadow";

    private CaseAlignment() {}

    /** Pairs in the order of {@code before}, then cases only {@code after} has. */
    public static <T extends ScoredCase> List<CasePair<T>> align(List<? extends T> before, List<? extends T> after) {
        boolean byPrompt = distinct(before, k -> k.promptId()) > 1 || distinct(after, k -> k.promptId()) > 1;
        boolean byRoute = distinct(before, k -> k.route()) > 1 || distinct(after, k -> k.route()) > 1;
        Function<CaseKey, String> keyOf = k -> (SHADOW_SUITE.equals(k.suite()) ? TRAFFIC_SUITE : k.suite()) + "/" + k.caseId()
                + (byPrompt ? "/" + k.promptId() : "")
                + (byRoute ? "@" + k.route() : "")
                + (k.sample() > 0 ? "#" + k.sample() : "");
        Map<String, T> afterByKey = new LinkedHashMap<>();
        for (T r : after) afterByKey.put(keyOf.apply(r.key()), r);
        List<CasePair<T>> pairs = new ArrayList<>();
        for (T r : before) {
            String key = keyOf.apply(r.key());
            pairs.add(new CasePair<>(key, r, afterByKey.remove(key)));
        }
        afterByKey.forEach((key, r) -> pairs.add(new CasePair<>(key, null, r)));
        return pairs;
    }

    /** Only the pairs present in both runs: what paired tests use. */
    public static <T extends ScoredCase> List<CasePair<T>> matched(List<? extends T> before, List<? extends T> after) {
        return CaseAlignment.<T>align(before, after).stream().filter(p -> p.before() != null && p.after() != null).toList();
    }

    private static long distinct(List<? extends ScoredCase> records, Function<CaseKey, String> part) {
        Set<String> seen = records.stream().map(r -> part.apply(r.key())).collect(Collectors.toSet());
        return seen.size();
    }
}
