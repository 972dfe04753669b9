package dev.evalbench.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a results tab says when answers came from the response cache. */
class CacheHitsLineTest {
    private static CaseSummary summary(String id, boolean cacheHit) {
        return dev.evalbench.core.record.CaseSummaries.of(id, "openai", true, cacheHit);
    }

    @Test
    void saysHowManyAnswersCameFromTheCacheAndHowToAskTheModel() {
        assertThat(CacheHitsLine.text(List.of(summary("a", true), summary("b", true), summary("c", false))))
                .isEqualTo("2 of 3 answers came from the response cache, not from the model; cache off asks the model every time.");
        assertThat(CacheHitsLine.text(List.of(summary("a", false), summary("b", false)))).isEmpty();
    }
}
