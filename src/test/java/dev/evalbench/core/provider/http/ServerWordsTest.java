package dev.evalbench.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sentence a server's error reply explains itself in, as each kind of server writes it. */
class ServerWordsTest {
    @Test
    void readsEachServersErrorShape() {
        assertThat(ServerWords.of("{\"error\": {\"message\": \"Incorrect API key provided: sk-te***st.\","
                + " \"type\": \"invalid_request_error\"}}")).isEqualTo("Incorrect API key provided: sk-te***st.");
        assertThat(ServerWords.of("{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\","
                + "\"message\":\"model: claude-x\"}}"))
                .isEqualTo("model: claude-x");
        assertThat(ServerWords.of("{\"error\":\"model 'llama9' not found\"}")).isEqualTo("model 'llama9' not found");
        assertThat(ServerWords.of("{\"object\":\"error\",\"message\":\"The model `m` does not exist.\",\"code\":404}"))
                .isEqualTo("The model `m` does not exist.");
        assertThat(ServerWords.of("{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"model\"],"
                + "\"msg\":\"Field required\"}]}"))
                .isEqualTo("Field required");
        assertThat(ServerWords.of("{\"detail\":\"Not authenticated\"}")).isEqualTo("Not authenticated");
    }

    @Test
    void plainTextGivesItsFirstLineAndAnHtmlPageNothing() {
        assertThat(ServerWords.of("upstream connect error\nreset reason: overflow")).isEqualTo("upstream connect error");
        assertThat(ServerWords.of("<html><body><h1>502 Bad Gateway</h1></body></html>")).isNull();
        assertThat(ServerWords.of("{\"status\": 400}")).isNull();
        assertThat(ServerWords.of("{not json")).isNull();
        assertThat(ServerWords.of("  ")).isNull();
    }

    @Test
    void aLongExplanationIsCutToOneShortLine() {
        String words = ServerWords.of("{\"error\":{\"message\":\"" + "word ".repeat(100) + "\\n\\tend\"}}");
        assertThat(words).hasSize(ServerWords.MAX_CHARS).endsWith("…").doesNotContain("\n").doesNotContain("  ");
    }
}
