package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route settings for gateways, Azure and corporate networks, as routes.yaml spells them. */
class RouteHttpSettingsTest {
    static final String KEY_LINE = "    api_key_env: OPENAI_API_KEY\n";

    @TempDir Path dir;

    @Test
    void headersSecretHeadersAndCaFileAreReadWithPlainHeadersInterpolated() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "routes.yaml", KEY_LINE, KEY_LINE + """
                    headers:
                      x-portkey-provider: openai
                      x-team: "${TEAM:-support}"
                    secret_headers: {x-portkey-api-key: PORTKEY_API_KEY}
                    ca_file: ${CORP_CA:-/etc/ssl/corp-ca.pem}
                """);

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of("TEAM", "triage", "PORTKEY_API_KEY", "pk-1"));

        RouteSpec.Http http = ws.routes().get("openai").http();
        assertThat(http.headers()).containsExactly(Map.entry("x-portkey-provider", "openai"), Map.entry("x-team", "triage"));
        assertThat(http.secretHeaders()).containsExactly(Map.entry("x-portkey-api-key", "PORTKEY_API_KEY"));
        assertThat(http.caFile()).isEqualTo("/etc/ssl/corp-ca.pem");
        assertThat(http.apiVersion()).isNull();
        assertThat(ws.routes().get("offline").http()).isEqualTo(RouteSpec.Http.NONE);
    }

    @Test
    void aRouteWithoutHttpSettingsKeepsItsDefinitionJsonAndSoItsHash() {
        RouteSpec plain = new RouteSpec("r", "openai", "m", null, null, null, null, null, null, null, null, null, null);
        RouteSpec gateway = plain.withHttp(new RouteSpec.Http(Map.of("x-team", "triage"), null, null, null));

        com.fasterxml.jackson.databind.JsonNode plainJson = dev.evalbench.core.json.Json.MAPPER.valueToTree(plain);
        com.fasterxml.jackson.databind.JsonNode gatewayJson = dev.evalbench.core.json.Json.MAPPER.valueToTree(gateway);

        assertThat(plainJson.has("http")).isFalse();
        assertThat(gatewayJson.get("http").toString()).isEqualTo("{\"headers\":{\"x-team\":\"triage\"}}");
    }

    @Test
    void aSecretHeadersVariableCannotBeInterpolatedAnywhere() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "routes.yaml", KEY_LINE, KEY_LINE + """
                    headers: {x-leak: "${PORTKEY_API_KEY}"}
                    secret_headers: {x-portkey-api-key: PORTKEY_API_KEY}
                """);

        WorkspaceException e = FixtureWorkspace.loadFailure(root, Map.of("PORTKEY_API_KEY", "pk-secret-value"));

        assertThat(e.getMessage()).contains("environment variable \"PORTKEY_API_KEY\" holds an API key")
                .contains("secret_headers").doesNotContain("pk-secret-value");
    }

    @Test
    void anAzureRouteReadsItsApiVersionAndNeedsABaseUrl() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "routes.yaml", "routes:\n", """
                routes:
                  azure:
                    provider: azure
                    model: triage-gpt4o
                    base_url: https://contoso.openai.azure.com
                    api_key_env: AZURE_OPENAI_API_KEY
                    api_version: 2025-01-01-preview
                """);

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        assertThat(ws.routes().get("azure").http().apiVersion()).isEqualTo("2025-01-01-preview");
        FixtureWorkspace.replace(root, "routes.yaml", "    base_url: https://contoso.openai.azure.com\n", "");
        assertThat(FixtureWorkspace.loadFailure(root).getMessage()).contains("base_url");
    }

    @Test
    void aBaseUrlHoldingThePathItsProviderAddsIsSaidWhereItIsWritten() throws Exception {
        // The endpoint's whole URL pasted from the provider's page, through the variable the sample's route reads.
        Path root = FixtureWorkspace.copyTo(dir);
        WorkspaceException e = FixtureWorkspace.loadFailure(root, Map.of("OPENAI_BASE_URL",
                "https://gw.example.com/v1/chat/completions"));

        assertThat(e.getMessage()).containsPattern("routes\\.yaml:9:\\d+: \"base_url\""
                + " https://gw\\.example\\.com/v1/chat/completions"
                + " already holds /chat/completions, the path the openai provider adds to it: give the API's base,"
                + " https://gw\\.example\\.com/v1 \\(calls go to base_url/chat/completions\\)");
        // The API's base loads.
        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of("OPENAI_BASE_URL", "https://gw.example.com/v1"));
        assertThat(ws.routes().get("openai").baseUrl()).isEqualTo("https://gw.example.com/v1");
    }

    @Test
    void anAnthropicBaseUrlEndingInV1OrAnAzureDeploymentsUrlIsRefused() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "routes.yaml", "routes:\n", """
                routes:
                  claude:
                    provider: anthropic
                    model: claude-sonnet-4-5
                    base_url: https://api.anthropic.com/v1
                    api_key_env: ANTHROPIC_API_KEY
                  azure:
                    provider: azure
                    model: triage-gpt4o
                    base_url: https://contoso.openai.azure.com/openai/deployments/triage-gpt4o/chat/completions\
                ?api-version=2024-10-21
                    api_key_env: AZURE_OPENAI_API_KEY
                """);

        String message = FixtureWorkspace.loadFailure(root).getMessage();

        assertThat(message).contains("\"base_url\" https://api.anthropic.com/v1 ends with /v1, which the anthropic provider"
                + " adds (it calls base_url/v1/messages): give https://api.anthropic.com");
        assertThat(message).contains("already holds /openai/deployments, the path the azure provider adds to it: give the"
                + " API's base, https://contoso.openai.azure.com (calls go to"
                + " base_url/openai/deployments/MODEL/chat/completions)");
    }

    @Test
    void apiVersionOnANonAzureRouteIsRefused() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "routes.yaml", KEY_LINE, KEY_LINE + "    api_version: 2024-10-21\n");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).contains("\"api_version\" applies only to azure routes (route \"openai\" has provider openai)");
    }
}
