package dev.evalbench.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.provider.ModelResponse;
import org.junit.jupiter.api.Test;

/**
 * The warm-up a class archive's maker runs ({@code ClassArchive.loadOptionalParts}) really goes through the HTTP
 * path (provider, endpoint, transport, OkHttp) to a server of its own on the loopback interface.
 */
class HttpPathWarmUpTest {
    @Test
    void oneCallToItsOwnLoopbackServerIsAnsweredAsARunsCallIs() throws Exception {
        ModelResponse response = HttpPathWarmUp.callOnce();

        assertThat(response.text()).isEqualTo("{}");
        assertThat(response.modelReported()).isEqualTo("warm-up");
        assertThat(response.tokensIn()).isEqualTo(1);
        assertThat(response.tokensOut()).isEqualTo(1);
    }
}
