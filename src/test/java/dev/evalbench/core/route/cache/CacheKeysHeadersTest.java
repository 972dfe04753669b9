package dev.evalbench.core.route.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.route.RouteFixtures;
import dev.evalbench.core.workspace.RouteSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gateway routes by its plain headers, so they are part of the cache key; credentials are not. */
class CacheKeysHeadersTest {
    final RouteSpec plain = RouteFixtures.route("gw", "openai", "https://gateway.example/v1");

    String key(RouteSpec route) {
        return CacheKeys.forRoute(route, RouteFixtures.workspace(route), RouteFixtures.request("x").messages(),
                RouteFixtures.SCHEMA);
    }

    @Test
    void plainHeadersAndApiVersionChangeTheKeySecretHeadersDoNot() {
        RouteSpec toOpenAi = plain.withHttp(new RouteSpec.Http(Map.of("x-portkey-provider", "openai"), null, null, null));
        RouteSpec toAnthropic = plain.withHttp(new RouteSpec.Http(Map.of("X-Portkey-Provider", "anthropic"), null, null, null));
        RouteSpec withSecret = plain.withHttp(new RouteSpec.Http(null, Map.of("x-portkey-api-key", "PORTKEY"), null, null));
        RouteSpec withCa = plain.withHttp(new RouteSpec.Http(null, null, null, "/etc/ssl/ca.pem"));

        assertThat(key(toOpenAi)).isNotEqualTo(key(plain)).isNotEqualTo(key(toAnthropic));
        assertThat(key(withSecret)).isEqualTo(key(plain));
        assertThat(key(withCa)).isEqualTo(key(plain));
        assertThat(key(plain.withHttp(new RouteSpec.Http(null, null, "2025-01-01-preview", null)))).isNotEqualTo(key(plain));
    }
}
