package dev.evalbench.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A workspace file's bytes in {@code \n} alone: only a {@code \r} that ends a line goes; UTF-8 text is left whole. */
class LineEndsTest {
    private static String toLf(String text) {
        return new String(LineEnds.toLf(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void eachCarriageReturnThatEndsALineGoesAndNoOtherByte() {
        assertThat(toLf("id: triage\r\nbody: |\r\n  Grüße, 顧客\r\n")).isEqualTo("id: triage\nbody: |\n  Grüße, 顧客\n");
        assertThat(toLf("a\rb\r\n\r\r\nc\r")).isEqualTo("a\rb\n\r\nc\r");
        assertThat(toLf("\r\n")).isEqualTo("\n");
    }

    @Test
    void bytesWithNothingToChangeAreHandedBackAsTheyAre() {
        byte[] unix = "a\nb\rc\n".getBytes(StandardCharsets.UTF_8);
        byte[] empty = new byte[0];

        assertThat(LineEnds.toLf(unix)).isSameAs(unix);
        assertThat(LineEnds.toLf(empty)).isSameAs(empty);
    }
}
