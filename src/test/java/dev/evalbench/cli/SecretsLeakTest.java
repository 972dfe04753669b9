package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.mask.RestrictedValuePattern;
import dev.evalbench.core.record.CaseRecord;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing secret leaves the machine. A model that echoes the API key (raw, JSON-escaped, URL-encoded,
 * base64, a 12-character fragment) and every probe's restricted values (in other spacing and case) answers a
 * real run with {@code --junit}, {@code --markdown} and GitHub annotations; then {@code report --sign},
 * {@code export}, {@code compare --markdown} and {@code gate --junit}. Every byte written under the
 * temporary folder (workspace, history, cache, report folder, outputs) and every printed line is searched:
 * the key in any form nowhere; a restricted value only in the local history and cache (the raw evidence).
 */
class SecretsLeakTest {
    static final String KEY = "sk-leak-4d9b7e21c3a85f60x";

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();
    @TempDir
    Path tmp;

    static Map<String, String> keyForms() {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("raw", KEY);
        forms.put("json-escaped", KEY.chars().mapToObj(c -> String.format("\\u%04x", c)).collect(Collectors.joining()));
        forms.put("url-encoded", KEY.chars().mapToObj(c -> String.format("%%%02X", c)).collect(Collectors.joining()));
        forms.put("base64", Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)));
        forms.put("base64-shifted", Base64.getEncoder().encodeToString(("u:" + KEY).getBytes(StandardCharsets.UTF_8)).substring(4, 28));
        forms.put("fragment", KEY.substring(5, 17));
        forms.put("url-form", URLEncoder.encode(KEY, StandardCharsets.UTF_8));
        return forms;
    }

    @Test
    void neitherTheKeyNorARestrictedValueIsInAnyByteWritten() throws Exception {
        List<String> forms = new ArrayList<>(keyForms().values());
        Map<String, List<String>> restricted = probesRestrictedValues();
        FakeChatCompletions chat = new FakeChatCompletions().otherwise(x -> {
            int n = x.number();
            String probe = restricted.keySet().stream().filter(id -> x.userMessage().contains(nameOf(id))).findFirst().orElse(null);
            // Probes alternate: an echo of the key in one of its forms, or an echo of the probe's restricted values.
            String reply = n % 2 == 0 ? "key " + forms.get(n % forms.size())
                    : "values " + (probe == null ? "" : restricted.get(probe).stream().map(SecretsLeakTest::respaced).collect(Collectors.joining(" ; ")));
            return x.answer("{\"category\":\"other\",\"priority\":\"low\",\"action\":\"reply\",\"order_id\":null,\"reply\":"
                    + Json.MAPPER.getNodeFactory().textNode(reply).toString() + "}");
        });
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, KEY).historyInWorkspace().fastRetries(1, 1000)
                .editRoutes(OpenAiWorkspace.BREAKER, "");
        ws.env.put("GITHUB_ACTIONS", "true");
        Set<Path> inputs = filesUnder(ws.dir);
        Path out = Files.createDirectories(tmp.resolve("out"));
        List<String> printed = new ArrayList<>();

        OpenAiWorkspace.Run first = ws.runSafety("--junit", out.resolve("run-junit.xml").toString(),
                "--markdown", out.resolve("run-summary.md").toString());
        OpenAiWorkspace.Run second = ws.runSafety();
        printed.add(first.result().out() + first.result().err() + second.result().out() + second.result().err());
        assertThat(first.cases()).filteredOn(c -> "SECRET_IN_OUTPUT".equals(c.failureKind())).hasSizeGreaterThanOrEqualTo(10);
        List<CaseRecord> leaking = first.cases().stream().filter(c -> c.failureKind() == null
                && c.decision() != null && "restricted_value".equals(c.decision().rule())).toList();
        assertThat(leaking).as("the policy blocks the respaced restricted values").hasSizeGreaterThanOrEqualTo(10);
        assertThat(leaking.get(0).rawOutput()).as("the history keeps the raw output").contains("values ");

        Cli.Result keygen = Cli.run("keygen", "--out", tmp.resolve("keys").toString(), "--name", "author");
        assertThat(keygen.exit()).isZero();
        String dir = ws.dir.toString();
        for (String[] args : List.of(
                new String[] {"report", first.header().id(), "--baseline", second.header().id(), "--workspace", dir,
                        "--out", out.resolve("report").toString(), "--sign", tmp.resolve("keys/author.key").toString()},
                new String[] {"export", first.header().id(), "--workspace", dir, "--out", out.resolve("run.json").toString()},
                new String[] {"compare", first.header().id(), second.header().id(), "--workspace", dir,
                        "--markdown", out.resolve("compare.md").toString()},
                new String[] {"compare", first.header().id(), second.header().id(), "--workspace", dir, "--json"},
                new String[] {"gate", dir, "--run", first.header().id(), "--json", "--junit", out.resolve("gate-junit.xml").toString()})) {
            Cli.Result r = Cli.run(ws.env, args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
            printed.add(r.out() + r.err());
        }
        assertThat(Files.readString(out.resolve("report/report.md"))).contains("[masked restricted value: ");
        assertThat(Files.readString(out.resolve("report/report.md"))).contains("API keys are masked");

        List<Path> written = filesUnder(tmp).stream().filter(f -> !inputs.contains(f)).toList();
        assertThat(written.stream().map(f -> f.getFileName().toString()))
                .contains("history.db", "cache.db", "report.json", "report.md", "report.html", "report.intoto.json",
                        "run.json", "compare.md", "run-junit.xml", "run-summary.md", "gate-junit.xml");
        List<Pattern> values = restricted.values().stream().flatMap(List::stream).map(RestrictedValuePattern::of).distinct().toList();
        assertThat(written.stream().map(f -> f.getFileName().toString()))
                .as("the report's records files, read below uncompressed")
                .contains("report-cases.jsonl.gz", "report-baseline-cases.jsonl.gz");
        for (Path file : written) {
            byte[] bytes = contentOf(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String form : forms) {
                assertThat(text.contains(form)).as("key (" + form + ") in " + tmp.relativize(file)).isFalse();
            }
            if (file.startsWith(ws.dir.resolve(".evalbench"))) continue; // the local history and cache keep raw outputs
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            for (Pattern value : values) {
                assertThat(value.matcher(utf8).find()).as(value + " in " + tmp.relativize(file)).isFalse();
            }
        }
        for (String text : printed) {
            forms.forEach(form -> assertThat(text.contains(form)).as("key (" + form + ") printed").isFalse());
            values.forEach(value -> assertThat(value.matcher(text).find()).as(value + " printed").isFalse());
        }
    }

    /** A file's bytes as a reader gets them: a gzip file (a report's records) uncompressed, where a raw scan sees nothing. */
    private static byte[] contentOf(Path file) throws java.io.IOException {
        if (!file.getFileName().toString().endsWith(".gz")) return Files.readAllBytes(file);
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** The same value with its spacing and case changed: how a model quotes an IBAN or a card number back. */
    static String respaced(String value) {
        String compact = value.replace(" ", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % 3 == 0) out.append(' ');
            out.append(i % 2 == 0 ? Character.toUpperCase(compact.charAt(i)) : compact.charAt(i));
        }
        return out.toString();
    }

    private static String nameOf(String probeId) {
        return NAMES.get(probeId);
    }

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    private static Map<String, List<String>> probesRestrictedValues() throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Cli.SAMPLE.resolve("datasets/probes.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode probe = Json.MAPPER.readTree(line);
            List<String> list = new ArrayList<>();
            probe.path("restricted").forEach(v -> list.add(v.asText()));
            values.put(probe.get("id").asText(), list);
            NAMES.put(probe.get("id").asText(), probe.path("vars").path("customer").path("name").asText());
        }
        return values;
    }

    private static Set<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }
}
