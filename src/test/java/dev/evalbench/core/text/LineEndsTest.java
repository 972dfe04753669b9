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

    /**
     * A large file is scanned eight bytes at a time: a line end at every place in and across those words is found,
     * and bytes that differ from {@code \r} in one bit or by one are not taken for it.
     */
    @Test
    void aLineEndAnywhereInALargeFileIsFound() {
        byte[] file = new byte[LineEnds.WORDWISE_FROM + 24];
        java.util.Arrays.fill(file, (byte) 'x');
        for (int at = file.length - 24; at < file.length - 1; at++) {
            byte[] bytes = file.clone();
            bytes[at] = '\r';
            bytes[at + 1] = '\n';
            byte[] lf = LineEnds.toLf(bytes);
            assertThat(lf).as("at %d", at).hasSize(bytes.length - 1);
            assertThat(lf[at]).as("at %d", at).isEqualTo((byte) '\n');
        }
        byte[] near = file.clone();
        byte[] lookalikes = {(byte) 0x8d, 0x0c, 0x0e, (byte) 0xcd, 0x0f, 0x1d, 0x4d, 0x05};
        System.arraycopy(lookalikes, 0, near, 8, lookalikes.length);
        assertThat(LineEnds.toLf(near)).isSameAs(near);
    }

    @Test
    void bytesWithNothingToChangeAreHandedBackAsTheyAre() {
        byte[] unix = "a\nb\rc\n".getBytes(StandardCharsets.UTF_8);
        byte[] loneReturns = "a\rb\rcdefghijk\r".getBytes(StandardCharsets.UTF_8);
        byte[] empty = new byte[0];

        assertThat(LineEnds.toLf(unix)).isSameAs(unix);
        assertThat(LineEnds.toLf(loneReturns)).isSameAs(loneReturns);
        assertThat(LineEnds.toLf(empty)).isSameAs(empty);
    }
}
