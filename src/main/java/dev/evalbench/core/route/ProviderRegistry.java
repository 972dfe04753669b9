package dev.evalbench.core.route;

import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.provider.http.AnthropicProvider;
import dev.evalbench.core.provider.http.OllamaProvider;
import dev.evalbench.core.provider.http.OpenAiCompatibleProvider;
import dev.evalbench.core.provider.scripted.ScriptedProviderFactory;
import dev.evalbench.core.route.cache.ResponseCache;
import dev.evalbench.core.route.replay.ReplayProvider;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The one table of provider kinds: a route's {@code provider} name to what builds its provider. The
 * {@link Router} asks it and nothing else. {@link #builtIn()} lists every kind Evalbench ships in one place;
 * {@link #with} adds or replaces a kind (tests add a fake one). Immutable and thread-safe.
 *
 * <p>Some kinds need what only a router owns (its HTTP client, its response cache): a {@link Kind} is bound to
 * those {@link Resources} when the router is built.
 */
public final class ProviderRegistry {
    /** What a router lends the providers it builds. {@code cache} is null when the router has none. */
    public record Resources(OkHttpClient http, ResponseCache cache, Clock clock) {}

    /** One provider kind: given the router's resources, the factory of its providers. */
    @FunctionalInterface
    public interface Kind {
        ProviderFactory bind(Resources resources);
    }

    private final Map<String, Kind> kinds;

    private ProviderRegistry(Map<String, Kind> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    /** No kinds at all. */
    public static ProviderRegistry empty() {
        return new ProviderRegistry(Map.of());
    }

    /** Every kind Evalbench ships: openai, anthropic, ollama (HTTP), replay (the cache) and scripted (offline). */
    public static ProviderRegistry builtIn() {
        return empty()
                .with(OpenAiCompatibleProvider.NAME, r -> OpenAiCompatibleProvider.factory(r.http(), r.clock()))
                .with(AnthropicProvider.NAME, r -> AnthropicProvider.factory(r.http(), r.clock()))
                .with(OllamaProvider.NAME, r -> OllamaProvider.factory(r.http(), r.clock()))
                .with(ReplayProvider.NAME, r -> ReplayProvider.factory(r.cache()))
                .with("scripted", r -> new ScriptedProviderFactory());
    }

    /** A copy with {@code name} built by {@code kind}, replacing a kind of the same name. */
    public ProviderRegistry with(String name, Kind kind) {
        Map<String, Kind> copy = new LinkedHashMap<>(kinds);
        copy.put(name, kind);
        return new ProviderRegistry(copy);
    }

    /** A copy with {@code name} built by a factory that needs no router resources. */
    public ProviderRegistry with(String name, ProviderFactory factory) {
        return with(name, (Kind) r -> factory);
    }

    /** A copy with each of {@code factories} added as by {@link #with(String, ProviderFactory)}. */
    public ProviderRegistry withAll(Map<String, ProviderFactory> factories) {
        ProviderRegistry out = this;
        for (Map.Entry<String, ProviderFactory> e : factories.entrySet()) out = out.with(e.getKey(), e.getValue());
        return out;
    }

    public Set<String> names() {
        return kinds.keySet();
    }

    /** The factory of each kind, bound to one router's resources. */
    Map<String, ProviderFactory> bind(Resources resources) {
        Map<String, ProviderFactory> bound = new LinkedHashMap<>();
        kinds.forEach((name, kind) -> bound.put(name, kind.bind(resources)));
        return bound;
    }
}
