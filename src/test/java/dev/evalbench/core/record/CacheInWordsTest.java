package dev.evalbench.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the terminal and a results tab say that answers came from the response cache. */
class CacheInWordsTest {
    @Test
    void saysHowManyAnswersCameFromTheCache() {
        assertThat(RouteUsage.cacheInWords(List.of(CaseSummaries.of("a", "openai", true, true),
                CaseSummaries.of("b", "openai", true, true), CaseSummaries.of("c", "openai", false, false))))
                .isEqualTo("2 of 3 answers came from the response cache, not from the model");
        assertThat(RouteUsage.cacheInWords(1, 1)).isEqualTo("1 of 1 answer came from the response cache, not from the model");
        assertThat(RouteUsage.cacheInWords(List.of(CaseSummaries.of("a", "openai", true, false)))).isEmpty();
    }
}
