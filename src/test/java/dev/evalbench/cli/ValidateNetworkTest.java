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

    @Test
    void aLargeWorkspaceCountsItsCasesAsEveryOtherCountReads() throws Exception {
        // 1,200 tickets in each of two suites, as the whole-process benchmark makes them.
        Path ws = tmp.resolve("large");
        dev.evalbench.bench.E2eWorkspace.write(ws, 1200);

        Cli.Result text = Cli.run(Map.of("BENCH_BASE_URL", "http://127.0.0.1:9/v1", "BENCH_API_KEY", "k"),
                "validate", ws.toString());

        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("e2e-bench is valid: 2 suites (triage-a, triage-b), 2,400 cases, 2 prompts");
    }
}
