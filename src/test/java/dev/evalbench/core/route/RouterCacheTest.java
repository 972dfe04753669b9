package dev.evalbench.core.route;

import static dev.evalbench.core.route.RouteFixtures.params;
import static dev.evalbench.core.route.RouteFixtures.request;
import static dev.evalbench.core.route.RouteFixtures.route;
import static dev.evalbench.core.route.RouteFixtures.withParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The response cache in a real SQLite file, and replay from it. */
class RouterCacheTest {
    @TempDir
    Path dir;
    final FakeClock clock = new FakeClock();
    final FaultyProvider model = new FaultyProvider(clock, "{\"category\":\"billing\"}");
    final RouteSpec live = withParams(route("live", "model", null), params("{\"temperature\":0}"));
    final RouteSpec replay = withParams(route("again", "replay", null), params("{\"replays\":\"live\"}"));

    Router router(CacheMode mode, RouteSpec... routes) {
        RouterOptions options = RouterOptions.defaults(dir, Map.of()).withCacheMode(mode).withClock(clock)
                .withProviders(ProviderRegistry.builtIn().withAll(Map.of("model", model.factory())));
        return RouteCallers.create(RouteFixtures.workspace(routes), options);
    }

    @Test
    void readWriteStoresAMissAndAnswersTheSameRequestFromTheCache() {
        try (Router router = router(CacheMode.READ_WRITE, live)) {
            CallResult miss = router.call("live", request("charged twice"), false);
            CallResult hit = router.call("live", request("charged twice"), false);

            assertThat(miss.cacheHit()).isFalse();
            assertThat(hit.cacheHit()).isTrue();
            assertThat(model.calls()).isEqualTo(1);
            assertThat(hit.response()).isEqualTo(miss.response());
            assertThat(hit.retries()).isZero();
            assertThat(hit.attempts()).singleElement().satisfies(a -> {
                assertThat(a.outcome()).isEqualTo("ok");
                assertThat(a.message()).isEqualTo("cache hit");
            });
            assertThat(hit.costUsd()).isCloseTo(100 * 1.0 / 1e6 + 20 * 2.0 / 1e6, within(1e-12));
            assertThat(hit.routeUsed()).isEqualTo("live");
        }
        assertThat(RouterOptions.defaultCacheDb(dir)).exists();
    }

    @Test
    void anythingThatAffectsTheAnswerChangesTheKey() {
        RouteSpec warmer = new RouteSpec("warm", "model", live.model(), null, null, null, params("{\"temperature\":1}"),
                null, null, java.util.List.of(), null, null, null);
        RouteSpec sameModelOtherName = new RouteSpec("alias", "model", live.model(), null, "SOME_KEY_VAR", null,
                params("{\"temperature\":0}"), 999, null, java.util.List.of(), null, null, null);
        try (Router router = router(CacheMode.READ_WRITE, live, warmer, sameModelOtherName)) {
            router.call("live", request("charged twice"), false);

            assertThat(router.call("live", request("charged twice!"), false).cacheHit()).isFalse();
            assertThat(router.call("warm", request("charged twice"), false).cacheHit()).isFalse();
            var noSchema = new dev.evalbench.core.provider.ModelRequest("m", request("charged twice").messages(), null,
                    null, null, 0);
            assertThat(router.call("live", noSchema, false).cacheHit()).isFalse();
            // name, timeout and key variable do not change the answer, so they share it
            assertThat(router.call("alias", request("charged twice"), false).cacheHit()).isTrue();
        }
    }

    @Test
    void bypassSkipsTheReadForRepeatSamples() {
        try (Router router = router(CacheMode.READ_WRITE, live)) {
            router.call("live", request("x"), false);

            CallResult sample = router.call("live", request("x"), true);

            assertThat(sample.cacheHit()).isFalse();
            assertThat(model.calls()).isEqualTo(2);
        }
    }

    @Test
    void readModeAnswersFromTheCacheButStoresNothing() {
        try (Router writer = router(CacheMode.READ_WRITE, live)) {
            writer.call("live", request("stored"), false);
        }
        try (Router reader = router(CacheMode.READ, live)) {
            assertThat(reader.call("live", request("stored"), false).cacheHit()).isTrue();
            reader.call("live", request("fresh"), false);
            assertThat(reader.call("live", request("fresh"), false).cacheHit()).isFalse();
        }
        assertThat(model.calls()).isEqualTo(3);
    }

    @Test
    void offNeitherReadsNorCreatesTheFile() {
        try (Router router = router(CacheMode.OFF, live)) {
            router.call("live", request("x"), false);
            assertThat(router.call("live", request("x"), false).cacheHit()).isFalse();
        }
        assertThat(model.calls()).isEqualTo(2);
        assertThat(Files.exists(RouterOptions.defaultCacheDb(dir))).isFalse();
    }

    @Test
    void replayAnswersWhatTheRecordedRouteAnsweredAndAMissIsAnError() {
        try (Router recorder = router(CacheMode.READ_WRITE, live, replay)) {
            recorder.call("live", request("charged twice"), false);
        }
        try (Router replayer = router(CacheMode.OFF, live, replay)) {
            CallResult hit = replayer.call("again", request("charged twice"), false);
            CallResult miss = replayer.call("again", request("never asked"), false);

            assertThat(hit.response().text()).isEqualTo("{\"category\":\"billing\"}");
            assertThat(hit.response().tokensIn()).isEqualTo(100);
            assertThat(hit.routeUsed()).isEqualTo("again");
            assertThat(hit.provider()).isEqualTo("replay");
            assertThat(miss.failure()).isEqualTo(FailureKind.REPLAY_MISS);
            assertThat(miss.failureMessage()).contains("route live");
        }
        assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void aReplayRouteMustNameTheRouteItReplays() {
        RouteSpec unnamed = route("again", "replay", null);
        Workspace ws = RouteFixtures.workspace(live, unnamed);
        try (Router router = RouteCallers.create(ws, RouterOptions.defaults(dir, Map.of()).withClock(clock)
                .withProviders(ProviderRegistry.builtIn().withAll(Map.of("model", model.factory()))))) {
            CallResult result = router.call("again", request("x"), false);

            assertThat(result.failure()).isEqualTo(FailureKind.CLIENT_ERROR);
            assertThat(result.failureMessage()).contains("params.replays");
        }
    }
}
