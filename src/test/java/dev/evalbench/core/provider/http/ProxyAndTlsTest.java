package dev.evalbench.core.provider.http;

import static dev.evalbench.core.route.RouteFixtures.requestFor;
import static dev.evalbench.core.route.RouteFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.route.RouteFixtures;
import dev.evalbench.core.workspace.RouteSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corporate networks: the environment's proxy is used (and bypassed per NO_PROXY), and a private CA is trusted on request. */
class ProxyAndTlsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client = HttpClients.newBuilder().build();
    @TempDir
    Path dir;

    @AfterEach
    void shutdown() {
        HttpClients.shutdown(client);
    }

    ModelProvider provider(RouteSpec route, Map<String, String> env) throws ProviderException {
        return OpenAiCompatibleProvider.factory(client, Clock.systemUTC()).create(route, RouteFixtures.workspace(route), env);
    }

    @Test
    void aLoopbackProxyNamedByHttpProxySeesTheRequestForTheModelHost() throws Exception {
        // The server plays the proxy: a host that does not resolve can only be reached through it.
        server.enqueue(new MockResponse.Builder().body(OpenAiCompatibleProviderTest.OK_BODY).build());
        RouteSpec route = route("corp", "openai", "http://models.corp.invalid/v1");
        String proxy = "http://" + server.getHostName() + ":" + server.getPort();

        ModelResponse response = provider(route, Map.of("HTTP_PROXY", proxy)).complete(requestFor(route, "x"));

        assertThat(response.text()).isEqualTo("{\"category\":\"billing\"}");
        RecordedRequest seen = server.takeRequest();
        assertThat(seen.getTarget()).isEqualTo("http://models.corp.invalid/v1/chat/completions");
        assertThat(seen.getHeaders().get("Host")).isEqualTo("models.corp.invalid");
    }

    @Test
    void noProxyHostsGoDirect() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OpenAiCompatibleProviderTest.OK_BODY).build());
        RouteSpec route = route("local", "openai", server.url("/v1").toString());
        Map<String, String> env = Map.of("http_proxy", "http://127.0.0.1:" + closedPort(),
                "no_proxy", "example.org, " + server.getHostName());

        provider(route, env).complete(requestFor(route, "x"));

        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void theProxyLineForValidateNamesHostsButNoPassword() {
        EnvProxy proxy = EnvProxy.from(Map.of("HTTPS_PROXY", "http://alice:s3cret-pass@proxy.corp:3128",
                "NO_PROXY", "localhost,.corp.example"));

        assertThat(proxy.describe()).isEqualTo(
                "HTTPS_PROXY http://proxy.corp:3128, HTTP_PROXY unset, NO_PROXY localhost,corp.example");
        assertThat(proxy.proxyFor("https", "api.openai.com")).isNotNull();
        assertThat(proxy.proxyFor("https", "llm.corp.example")).isNull();
        assertThat(proxy.proxyFor("http", "api.openai.com")).isNull();
        assertThat(EnvProxy.from(Map.of()).describe()).startsWith("no proxy");
    }

    @Test
    void aSelfSignedServerIsRefusedWithoutItsCaAndAnsweredWithIt() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Corp Root CA").build();
        HeldCertificate leaf = new HeldCertificate.Builder().signedBy(ca)
                .addSubjectAlternativeName(server.getHostName()).build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(leaf).build().sslSocketFactory());
        server.enqueue(new MockResponse.Builder().body(OpenAiCompatibleProviderTest.OK_BODY).build());
        Path caFile = Files.writeString(dir.resolve("corp-ca.pem"), ca.certificatePem());
        // The TLS handshakes, not the timeout, are under test: a cold JVM on a loaded machine can take over the
        // fixtures' 2 s for the first one, which then failed as "no complete answer within 2000 ms".
        RouteSpec plain = dev.evalbench.core.route.RouteFixtures.withTimeout(route("corp", "openai", server.url("/v1").toString()), 30_000);
        RouteSpec withCa = plain.withHttp(new RouteSpec.Http(null, null, null, caFile.toString()));
        ModelProvider untrusting = provider(plain, Map.of());

        ProviderException refused = catchThrowableOfType(ProviderException.class,
                () -> untrusting.complete(requestFor(plain, "x")));
        ModelResponse answered = provider(withCa, Map.of()).complete(requestFor(withCa, "x"));

        assertThat(refused.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(refused.getMessage()).contains("certificate not trusted: add its CA with ca_file on route corp, or "
                + TrustedCas.ENV + " for every route");
        assertThat(answered.text()).isEqualTo("{\"category\":\"billing\"}");
    }

    @Test
    void theGlobalCaFileVariableServesRoutesWithoutTheirOwn() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate leaf = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName(server.getHostName()).build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(leaf).build().sslSocketFactory());
        server.enqueue(new MockResponse.Builder().body(OpenAiCompatibleProviderTest.OK_BODY).build());
        Path caFile = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        RouteSpec route = route("corp", "openai", server.url("/v1").toString());

        ModelResponse answered = provider(route, Map.of(TrustedCas.ENV, caFile.toString())).complete(requestFor(route, "x"));

        assertThat(answered.tokensIn()).isEqualTo(31);
    }

    @Test
    void aCaFileWithoutCertificatesIsAClientErrorNamingTheFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        RouteSpec route = route("corp", "openai", server.url("/v1").toString())
                .withHttp(new RouteSpec.Http(null, null, null, empty.toString()));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> provider(route, Map.of()));

        assertThat(e.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(e.getMessage()).contains("ca_file " + empty);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
