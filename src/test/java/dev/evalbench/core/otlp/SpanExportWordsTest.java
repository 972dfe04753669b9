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
}
