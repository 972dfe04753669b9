package dev.evalbench.core.route;

import static dev.evalbench.core.route.RouteFixtures.request;
import static dev.evalbench.core.route.RouteFixtures.route;
import static dev.evalbench.core.route.RouteFixtures.withFallbacks;
import static dev.evalbench.core.route.RouteFixtures.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.provider.http.HttpClients;
import dev.evalbench.core.workspace.RouteSpec;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router talks to the hosts of the routes it calls and to nothing else. */
class RouterDestinationsTest {
    static final String OK = """
            {"id":"c1","model":"m","choices":[{"message":{"role":"assistant","content":"{}"}}],
             "usage":{"prompt_tokens":3,"completion_tokens":2}}""";

    @StartStop
    final MockWebServer primaryServer = new MockWebServer();
    @StartStop
    final MockWebServer backupServer = new MockWebServer();
    @TempDir
    Path dir;

    final List<String> lookups = new CopyOnWriteArrayList<>();
    final List<InetSocketAddress> connects = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    final EventListener recorder = new EventListener() {
        @Override
        public void callStart(Call call) {
            calls.add(call.request().url().host() + ":" + call.request().url().port());
        }

        @Override
        public void dnsStart(Call call, String domainName) {
            lookups.add(domainName);
        }

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            connects.add(address);
        }
    };

    @Test
    void onlyTheCalledRoutesHostsAreLookedUpAndConnected() {
        primaryServer.enqueue(new MockResponse.Builder().body(OK).build());
        primaryServer.enqueue(new MockResponse.Builder().code(500).build());
        backupServer.enqueue(new MockResponse.Builder().body(OK).build());
        RouteSpec primary = withFallbacks(route("primary", "openai", primaryServer.url("/v1").toString()), "backup");
        RouteSpec backup = route("backup", "ollama", backupServer.url("/").toString());
        RouteSpec unused = route("unused", "openai", "http://unused.invalid/v1");
        RouteSpec defaultHost = withKey(route("cloud", "anthropic", null), "ANTHROPIC_API_KEY");
        OkHttpClient client = HttpClients.newBuilder().eventListener(recorder).build();
        RouterOptions options = RouterOptions.defaults(dir, Map.of("ANTHROPIC_API_KEY", "k"))
                .withCacheMode(CacheMode.OFF).withCacheDb(null).withHttpClient(client);

        try (Router router = RouteCallers.create(RouteFixtures.workspace(primary, backup, unused, defaultHost), options)) {
            assertThat(router.call("primary", request("one"), false).routeUsed()).isEqualTo("primary");
            assertThat(router.call("primary", request("two"), false).routeUsed()).isEqualTo("backup");
        } finally {
            HttpClients.shutdown(client);
        }

        String a = primaryServer.getHostName() + ":" + primaryServer.getPort();
        String b = backupServer.getHostName() + ":" + backupServer.getPort();
        assertThat(calls).containsExactly(a, a, b);
        assertThat(Set.copyOf(lookups)).isSubsetOf(primaryServer.getHostName(), backupServer.getHostName());
        assertThat(connects).isNotEmpty().allSatisfy(address -> {
            assertThat(address.getAddress().isLoopbackAddress()).isTrue();
            assertThat(address.getPort()).isIn(primaryServer.getPort(), backupServer.getPort());
        });
        assertThat(lookups).doesNotContain("unused.invalid", "api.anthropic.com", "api.openai.com");
    }

    /**
     * The router's own client speaks TLS when a route needs it (here an https server trusted by the route's
     * ca_file), and plain HTTP only when every route is http://: both answer.
     */
    @Test
    void theRoutersOwnClientSpeaksTlsWhenARouteNeedsItAndPlainHttpOtherwise() throws Exception {
        okhttp3.tls.HeldCertificate ca = new okhttp3.tls.HeldCertificate.Builder().certificateAuthority(0).commonName("Corp Root CA").build();
        okhttp3.tls.HeldCertificate leaf = new okhttp3.tls.HeldCertificate.Builder().signedBy(ca)
                .addSubjectAlternativeName(primaryServer.getHostName()).build();
        primaryServer.useHttps(new okhttp3.tls.HandshakeCertificates.Builder().heldCertificate(leaf).build().sslSocketFactory());
        primaryServer.enqueue(new MockResponse.Builder().body(OK).build());
        backupServer.enqueue(new MockResponse.Builder().body(OK).build());
        Path caFile = java.nio.file.Files.writeString(dir.resolve("corp-ca.pem"), ca.certificatePem());
        RouteSpec secure = dev.evalbench.core.route.RouteFixtures.withTimeout(route("secure", "openai", primaryServer.url("/v1").toString()), 30_000)
                .withHttp(new RouteSpec.Http(null, null, null, caFile.toString()));
        RouteSpec local = route("local", "openai", backupServer.url("/v1").toString());
        RouterOptions options = RouterOptions.defaults(dir, Map.of()).withCacheMode(CacheMode.OFF).withCacheDb(null);

        assertThat(secure.baseUrl()).startsWith("https://");
        try (Router router = RouteCallers.create(RouteFixtures.workspace(secure, local), options)) {
            assertThat(router.call("secure", request("one"), false).failure()).isNull();
        }
        try (Router router = RouteCallers.create(RouteFixtures.workspace(local), options)) {
            assertThat(router.call("local", request("two"), false).failure()).isNull();
        }
    }
}
