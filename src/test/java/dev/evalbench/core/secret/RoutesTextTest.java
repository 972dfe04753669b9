package dev.evalbench.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a comparison shows of a routes file: never a value that could be a secret written into it. */
class RoutesTextTest {
    @Test
    void headerValuesAreHiddenButAVariableTheyNameIsKept() {
        String routes = """
                routes:
                  gateway:
                    provider: openai
                    headers:
                      Helicone-Auth: "Bearer sk-helicone-abcdefghijklmnop"
                      X-Org: ${ORG_ID}
                      # a comment stays
                    model: gpt-4o-mini
                  inline:
                    headers: {Portkey-Key: pk-0123456789abcdef, X-Team: "${TEAM}"}
                    price: {input_per_mtok: 0.15}
                """;
        String shown = RoutesText.shown(routes);
        assertThat(shown).doesNotContain("sk-helicone").doesNotContain("pk-0123456789abcdef")
                .contains("      Helicone-Auth: [not shown]\n", "      X-Org: ${ORG_ID}\n", "      # a comment stays\n",
                        "    model: gpt-4o-mini\n", "    headers: {Portkey-Key: [not shown], X-Team: \"${TEAM}\"}\n",
                        "    price: {input_per_mtok: 0.15}\n");
        assertThat(shown.lines().count()).as("line for line, so its numbers are the file's").isEqualTo(routes.lines().count());
    }

    @Test
    void aUrlsCredentialsAndSecretNamedQueryValuesAreHidden() {
        String routes = """
                    base_url: https://ana:hunter2@llm.example.com/v1?api-version=2024-06-01&api-key=abc123&sig=xyz
                    other: ${OPENAI_BASE_URL:-https://api.openai.com/v1}
                """;
        assertThat(RoutesText.shown(routes)).isEqualTo("""
                    base_url: https://[not shown]@llm.example.com/v1?api-version=2024-06-01&api-key=[not shown]&sig=[not shown]
                    other: ${OPENAI_BASE_URL:-https://api.openai.com/v1}
                """);
    }
}
