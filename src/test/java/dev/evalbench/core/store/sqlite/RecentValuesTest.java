package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memo of per-run repeated values: computed once while recent, the least recently used dropped first. */
class RecentValuesTest {
    @Test
    void aRepeatedKeyIsComputedOnceAndTheLeastRecentlyUsedGoesFirst() {
        List<String> computed = new ArrayList<>();
        RecentValues<String, Integer> lengths = new RecentValues<>(2, s -> {
            computed.add(s);
            return s.length();
        });
        assertThat(lengths.get("system prompt")).isEqualTo(13);
        assertThat(lengths.get(new String("system prompt"))).as("equal, not the same instance").isEqualTo(13);
        lengths.get("b");
        lengths.get("system prompt"); // used again: now "b" is the least recent
        lengths.get("c");
        lengths.get("system prompt");
        lengths.get("b");
        assertThat(computed).containsExactly("system prompt", "b", "c", "b");
    }
}
