package dev.evalbench.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-03-07T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsDelaySecondsHttpDatesAndOpenAisMillisecondHint() {
        assertThat(RetryAfter.millis(Headers.of("Retry-After", "7"), clock)).isEqualTo(7000);
        assertThat(RetryAfter.millis(Headers.of("Retry-After", "Sat, 07 Mar 2026 10:00:03 GMT"), clock)).isEqualTo(3000);
        assertThat(RetryAfter.millis(Headers.of("Retry-After", "Sat, 07 Mar 2026 09:59:00 GMT"), clock)).isZero();
        assertThat(RetryAfter.millis(Headers.of("retry-after-ms", "1500", "Retry-After", "2"), clock)).isEqualTo(1500);
    }

    @Test
    void anAbsentOrUnreadableHeaderIsNoHint() {
        assertThat(RetryAfter.millis(Headers.of(), clock)).isEqualTo(-1);
        assertThat(RetryAfter.millis(Headers.of("Retry-After", "soon"), clock)).isEqualTo(-1);
    }
}
