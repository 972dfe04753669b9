package dev.evalbench.core.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Why spans were not delivered, as the line after a run says it: not the bare name of an exception class. */
class SpanExportWordsTest {
    @Test
    void aCollectorThatIsNotThereIsSaidInWords() {
        // As the SDK hands it over: an IOException whose message is its cause's class name.
        IOException wrapped = new IOException("java.net.ConnectException", new ConnectException());
        assertThat(SpanExport.inWords(wrapped)).isEqualTo("connection refused (nothing listens at that address)");
        assertThat(SpanExport.inWords(new IOException("x", new UnknownHostException("collector.internal"))))
                .isEqualTo("unknown host collector.internal");
        assertThat(SpanExport.inWords(new IllegalStateException("Failed to export spans. Server responded with HTTP"
                + " status code 400."))).isEqualTo("Failed to export spans. Server responded with HTTP status code 400.");
        assertThat(SpanExport.inWords(new IOException((String) null))).isEqualTo("IOException");
    }

    @Test
    void aCollectorThatIsNotThereIsNotAskedAgainAndOneThatMayComeBackIs() {
        var retried = SpanExport.RETRY.getRetryExceptionPredicate();
        assertThat(retried.test(new IOException("java.net.ConnectException", new ConnectException()))).isFalse();
        assertThat(retried.test(new java.net.ConnectException("x"))).isFalse();
        assertThat(retried.test(new IOException("x", new UnknownHostException("collector.internal")))).isFalse();
        java.net.ConnectException unresolved = new java.net.ConnectException();
        unresolved.initCause(new java.nio.channels.UnresolvedAddressException());
        assertThat(retried.test(unresolved)).isFalse();
        assertThat(retried.test(new javax.net.ssl.SSLHandshakeException("no cipher"))).isFalse();
        assertThat(retried.test(new java.net.http.HttpConnectTimeoutException("connect timed out"))).isTrue();
        assertThat(retried.test(new java.net.http.HttpTimeoutException("request timed out"))).isTrue();
        assertThat(retried.test(new IOException("Connection reset"))).isTrue();
        assertThat(SpanExport.RETRY.getMaxAttempts()).isGreaterThan(1);
    }

    @Test
    void anUnknownHostIsSaidAsOneNotAsARefusal() {
        // As the JDK's client hands it over.
        java.net.ConnectException unresolved = new java.net.ConnectException();
        unresolved.initCause(new java.nio.channels.UnresolvedAddressException());
        assertThat(SpanExport.inWords(new IOException("x", unresolved))).isEqualTo("unknown host (no address for its name)");
    }
}
