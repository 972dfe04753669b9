package dev.evalbench.core.route;

import static dev.evalbench.core.route.RouteFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.FailureKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router builds each route's provider from the registry it is given, and from nothing else. */
class ProviderRegistryTest {
    @TempDir
    Path dir;
    final FakeClock clock = new FakeClock();

    @Test
    void theBuiltInRegistryListsEveryShippedKind() {
        assertThat(ProviderRegistry.builtIn().names())
                .containsExactlyInAnyOrder("openai", "anthropic", "ollama", "replay", "scripted");
    }

    @Test
    void aKindAddedToTheRegistryReplacesTheBuiltInOfThatName() {
        FaultyProvider fake = new FaultyProvider(clock, "{\"category\":\"billing\"}");
        // An ollama route at a closed port: only the fake can answer it.
        ProviderRegistry registry = ProviderRegistry.builtIn().with("ollama", fake.factory());
        try (Router router = router(registry)) {
            CallResult result = router.call("local", RouteFixtures.request("charged twice"), false);

            assertThat(result.failure()).isNull();
            assertThat(result.response().text()).isEqualTo("{\"category\":\"billing\"}");
            assertThat(fake.calls()).isEqualTo(1);
        }
    }

    @Test
    void aKindTheRegistryLacksFailsEveryCallOfItsRouteAsARecordedOutcome() {
        try (Router router = router(ProviderRegistry.empty())) {
            CallResult result = router.call("local", RouteFixtures.request("charged twice"), false);

            assertThat(result.response()).isNull();
            assertThat(result.failure()).isEqualTo(FailureKind.INTERNAL);
            assertThat(result.failureMessage()).contains("no provider named 'ollama'");
        }
    }

    private Router router(ProviderRegistry registry) {
        RouterOptions options = RouterOptions.defaults(dir, Map.of()).withCacheMode(CacheMode.OFF).withCacheDb(null)
                .withClock(clock).withProviders(registry);
        return RouteCallers.create(RouteFixtures.workspace(route("local", "ollama", "http://127.0.0.1:9")), options);
    }
}
