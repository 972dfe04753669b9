package dev.evalbench.core.provider.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/**
 * Reads how long a server asks us to wait: {@code retry-after-ms} (OpenAI's millisecond hint) first, then
 * {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110). A header that is absent or in neither
 * form gives -1: it is a hint for the router's backoff, which then uses its own delay.
 */
final class RetryAfter {
    private RetryAfter() {}

    static long millis(Headers headers, Clock clock) {
        String ms = headers.get("retry-after-ms");
        if (ms != null && ms.trim().matches("\\d{1,12}(\\.\\d+)?")) {
            return (long) Math.ceil(Double.parseDouble(ms.trim()));
        }
        String value = headers.get("Retry-After");
        if (value == null) {
            return -1;
        }
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Long.parseLong(v) * 1000;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
