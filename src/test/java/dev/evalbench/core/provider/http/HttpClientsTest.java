package dev.evalbench.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The model-call client speaks TLS only when a route needs it: routes that are all plain http:// (a local model)
 * or call no server get a plain-HTTP client, which never loads the JDK's trust store (44 ms of a run's start).
 */
class HttpClientsTest {
    @Test
    void tlsIsNeededByAnyBaseUrlThatIsNotPlainHttp() {
        assertThat(HttpClients.tlsNeeded(Arrays.asList(null, "http://127.0.0.1:11434", "HTTP://gateway.local/v1"))).isFalse();
        assertThat(HttpClients.tlsNeeded(List.of("http://127.0.0.1:8080/v1", OpenAiCompatibleProvider.DEFAULT_BASE_URL))).isTrue();
        assertThat(HttpClients.tlsNeeded(List.of("HTTPS://llm.example.com"))).isTrue();
        assertThat(HttpClients.tlsNeeded(List.of())).isFalse();
    }

    @Test
    void aPlainHttpClientHasNoTlsAndNoTrustStoreWhileTheDefaultHasBoth() {
        OkHttpClient plain = HttpClients.newBuilder(false).build();
        OkHttpClient tls = HttpClients.newBuilder().build();

        assertThat(plain.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        assertThat(plain.x509TrustManager()).isNull();
        assertThat(tls.connectionSpecs()).anyMatch(ConnectionSpec::isTls);
        assertThat(tls.x509TrustManager()).isNotNull();
        HttpClients.shutdown(plain);
        HttpClients.shutdown(tls);
    }
}
