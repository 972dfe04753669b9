package dev.evalbench.core.store.sqlite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The last few results of a pure function, for values that repeat in every case of a run: the SHA-256 of its
 * system prompt, the JSON of its version tuple. Computing them again for each case cost about a tenth of a run's
 * CPU (SHA-256 runs as plain Java under the quick compiler the command JVM uses). Least recently used entries go
 * first once {@code capacity} is reached. Thread-safe (one lock; the function runs outside it).
 */
final class RecentValues<K, V> {
    private final Function<K, V> function;
    private final Map<K, V> recent;

    RecentValues(int capacity, Function<K, V> function) {
        this.function = function;
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key) {
        synchronized (recent) {
            V value = recent.get(key);
            if (value != null) return value;
        }
        V value = function.apply(key);
        synchronized (recent) {
            recent.put(key, value);
        }
        return value;
    }
}
