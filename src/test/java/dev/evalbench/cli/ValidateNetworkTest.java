package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} shows what a corporate network changes: the proxy in use (never its password) and CA files. */
class ValidateNetworkTest {
    @TempDir
    Path tmp;

    @Test
    void validateNamesTheProxyAndTheCaFileOfEachHttpRoute() throws Exception {
        Path ws = Cli.copySample(tmp);
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://alice:hunter2-secret@proxy.corp:3128",
                "NO_PROXY", "localhost,.corp", "EVALBENCH_CA_FILE", "/etc/ssl/corp-ca.pem");

        Cli.Result text = Cli.run(env, "validate", ws.toString());
        JsonNode json = Json.MAPPER.readTree(Cli.run(env, "validate", ws.toString(), "--json").out());

        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("network: HTTPS_PROXY http://proxy.corp:3128, HTTP_PROXY unset, NO_PROXY localhost,corp")
                .contains("route openai trusts the CAs in /etc/ssl/corp-ca.pem besides the JDK's")
                .doesNotContain("route offline trusts")
                .doesNotContain("hunter2");
        assertThat(json.at("/network/proxy").asText()).startsWith("HTTPS_PROXY http://proxy.corp:3128");
        assertThat(json.at("/network/ca_files/openai").asText()).isEqualTo("/etc/ssl/corp-ca.pem");
        assertThat(Cli.run("validate", ws.toString()).out()).contains("network: no proxy");
    }
}
