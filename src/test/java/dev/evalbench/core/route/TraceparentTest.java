package dev.evalbench.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Trace ids and traceparent headers as W3C Trace Context reads them, and distinct across threads. */
class TraceparentTest {
    @Test
    void idsAndHeadersHaveTheSpecifiedForm() {
        for (int i = 0; i < 1_000; i++) {
            String id = Traceparent.newTraceId();
            assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            assertThat(Integer.parseInt(id.substring(0, 2), 16) & 1).as("the bit that keeps an id from being all zero").isOne();
            String header = Traceparent.header(id);
            assertThat(header).matches("00-" + id + "-[0-9a-f]{16}-01");
            assertThat(header.substring(36, 52)).isNotEqualTo("0".repeat(16));
        }
    }

    @Test
    void idsMadeOnManyThreadsAtOnceDoNotRepeat() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            java.util.List<Future<?>> all = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        ids.add(Traceparent.newTraceId());
                        ids.add(Traceparent.header("0".repeat(31) + "1").substring(36, 52));
                    }
                }));
            }
            for (Future<?> f : all) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(8 * 25_000 * 2);
    }
}
