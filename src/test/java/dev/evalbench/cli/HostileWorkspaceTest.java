package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile workspace files (data under src/test/resources/hostile/), one per test, each put into a copy of the
 * sample workspace and run with {@code evalbench run}: exit 2, a message naming the file, line and column in
 * plain words (no Java class name), nothing written (no {@code .evalbench}), nothing leaked from outside the
 * workspace. Files a careful tool must accept (a byte-order mark, a 10 MB line) validate.
 */
class HostileWorkspaceTest {
    static final Path HOSTILE = Path.of("src/test/resources/hostile");

    @TempDir
    Path tmp;
    @StartStop
    final MockWebServer server = new MockWebServer();

    private Path workspaceWith(String target, String hostileFile) {
        Path ws = Cli.copySample(tmp);
        try {
            Files.copy(HOSTILE.resolve(hostileFile), ws.resolve(target), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ws;
    }

    /** {@code evalbench run} refuses the workspace: exit 2, plain words, nothing written; returns stderr. */
    private String refused(Path ws) {
        Cli.Result r = Cli.run("run", ws.toString(), "--quiet");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ws.resolve(".evalbench")).as("nothing written").doesNotExist();
        assertThat(r.err()).as("no Java class name reaches the user")
                .doesNotContain("Exception").doesNotContain("java.").doesNotContain("com.fasterxml").doesNotContain("`");
        assertThat(r.out() + r.err()).as("nothing from outside the workspace").doesNotContain("root:x:0:0");
        return r.err();
    }

    private void accepted(Path ws) {
        Cli.Result r = Cli.run("validate", ws.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("is valid");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }

    @Test
    void truncatedYaml() {
        assertThat(refused(workspaceWith("prompts/triage.yaml", "truncated-prompt.yaml")))
                .contains("prompts/triage.yaml:3:38: YAML syntax error: found the end of the file before it was closed");
    }

    @Test
    void misEncodedYamlIsNamedAtItsOwnLineAndColumn() {
        assertThat(refused(workspaceWith("prompts/triage.yaml", "latin1-prompt.yaml")))
                .contains("prompts/triage.yaml:6:6: is not valid UTF-8 text (byte 0xE9, \"é\" in Windows-1252, as Notepad's"
                        + " \"ANSI\" saves it); save the file as UTF-8");
    }

    @Test
    void yamlWithAByteOrderMarkIsRead() {
        accepted(workspaceWith("prompts/triage.yaml", "bom-prompt.yaml"));
    }

    @Test
    void duplicateYamlKey() {
        assertThat(refused(workspaceWith("prompts/triage.yaml", "duplicate-key-prompt.yaml")))
                .contains("prompts/triage.yaml:3:1: duplicate key \"revision\" (first on line 2)");
    }

    @Test
    void yamlNested10000Levels() {
        assertThat(refused(workspaceWith("policy.yaml", "deep-policy.yaml")))
                .containsPattern("policy\\.yaml:2:\\d+: YAML syntax error: nested deeper than 200 levels");
    }

    @Test
    void billionLaughs() {
        assertThat(refused(workspaceWith("policy.yaml", "billion-laughs-policy.yaml")))
                .contains("policy.yaml:2:12: YAML aliases (*a0) are not supported");
    }

    @Test
    void truncatedJsonlLine() {
        assertThat(refused(workspaceWith("datasets/probes.jsonl", "truncated-probes.jsonl")))
                .contains("datasets/probes.jsonl:1:389: not a JSON object: the text ends before the JSON value is complete");
    }

    /** Files saved as UTF-16 (Windows PowerShell's >, Notepad's "Unicode") are named as such, not by a bad byte. */
    @Test
    void utf16FilesAreSaidToBeUtf16() throws IOException {
        Path ws = Cli.copySample(tmp);
        Path probes = ws.resolve("datasets/probes.jsonl");
        byte[] littleEndian = Files.readString(probes).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        Files.write(probes, java.nio.ByteBuffer.allocate(littleEndian.length + 2).put((byte) 0xFF).put((byte) 0xFE)
                .put(littleEndian).array());
        Path gates = ws.resolve("gates.yaml");
        Files.write(gates, Files.readString(gates).getBytes(java.nio.charset.StandardCharsets.UTF_16)); // FE FF, then big-endian

        assertThat(refused(ws))
                .contains("datasets/probes.jsonl:1:1: is UTF-16 text (it begins with the byte-order mark FF FE, as Windows"
                        + " PowerShell's > and Notepad's \"Unicode\" write it), not UTF-8; save the file as UTF-8")
                .contains("gates.yaml:1:1: is UTF-16 text (it begins with the byte-order mark FE FF");
    }

    /** Without a byte-order mark (iconv -t UTF-16LE, some editors), ASCII in UTF-16 is valid UTF-8 with 0 bytes. */
    @Test
    void utf16FilesWithoutAByteOrderMarkAreSaidToBeUtf16() throws IOException {
        Path ws = Cli.copySample(tmp);
        Path probes = ws.resolve("datasets/probes.jsonl");
        Files.write(probes, Files.readString(probes).getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        Path gates = ws.resolve("gates.yaml");
        Files.write(gates, Files.readString(gates).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

        assertThat(refused(ws))
                .contains("datasets/probes.jsonl:1:1: is UTF-16 text without a byte-order mark (big-endian: every other"
                        + " byte is 0), not UTF-8; save the file as UTF-8")
                .contains("gates.yaml:1:1: is UTF-16 text without a byte-order mark (little-endian: every other byte is 0)");
    }

    @Test
    void misEncodedJsonl() {
        assertThat(refused(workspaceWith("datasets/probes.jsonl", "latin1-probes.jsonl")))
                .contains("datasets/probes.jsonl:1:222: is not valid UTF-8 text (byte 0xF6, \"ö\" in Windows-1252");
    }

    @Test
    void jsonlWithAByteOrderMarkIsRead() {
        accepted(workspaceWith("datasets/probes.jsonl", "bom-probes.jsonl"));
    }

    @Test
    void duplicateJsonKey() {
        assertThat(refused(workspaceWith("datasets/probes.jsonl", "duplicate-key-probes.jsonl")))
                .contains("datasets/probes.jsonl:1:15: not a JSON object: duplicate key \"id\"");
    }

    @Test
    void jsonNested10000Levels() {
        assertThat(refused(workspaceWith("datasets/probes.jsonl", "deep-probes.jsonl")))
                .containsPattern("datasets/probes\\.jsonl:1:\\d+: not a JSON object: nested deeper than 200 levels");
    }

    /**
     * The same refusals where the loading thread has half the JVM's usual stack (a workbench task, an option): at
     * Jackson's 1,000 levels the parser's recursion overflowed a 512 KB stack, and the command ended in a
     * StackOverflowError instead of the file's error. Not less than half: while the parser still runs interpreted,
     * its frames are larger, and 200 levels overflowed a 256 KB stack in one test run of three. At 512 KB the
     * refusal holds with every frame interpreted ({@code -Xint}).
     */
    @Test
    void aDeepDatasetLineIsRefusedInWordsOnASmallThreadStack() throws Exception {
        assertThat(validatedOnASmallStack(workspaceWith("datasets/probes.jsonl", "deep-probes.jsonl")))
                .contains("datasets/probes.jsonl:1:").contains("nested deeper than 200 levels");
    }

    @Test
    void aDeepYamlFileIsRefusedInWordsOnASmallThreadStack() throws Exception {
        assertThat(validatedOnASmallStack(workspaceWith("policy.yaml", "deep-policy.yaml")))
                .contains("policy.yaml:2:").contains("nested deeper than 200 levels");
    }

    /** {@code validate} on a thread with a 512 KB stack: exit 2; returns stderr. */
    private static String validatedOnASmallStack(Path ws) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                outcome.set(Cli.run("validate", ws.toString()));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 512 * 1024);
        small.start();
        small.join();
        assertThat(outcome.get()).isInstanceOf(Cli.Result.class);
        Cli.Result r = (Cli.Result) outcome.get();
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        return r.err();
    }

    @Test
    void truncatedJsonSchema() throws IOException {
        Path ws = Cli.copySample(tmp);
        Path schema = ws.resolve("schemas/triage.schema.json");
        String text = Files.readString(schema);
        Files.writeString(schema, text.substring(0, text.length() / 2));
        assertThat(refused(ws)).containsPattern("schemas/triage\\.schema\\.json:\\d+:\\d+: not valid JSON: the text ends before");
    }

    @Test
    void aTenMegabyteLineIsRead() throws IOException {
        Path ws = Cli.copySample(tmp);
        Path probes = ws.resolve("datasets/probes.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(probes));
        String padding = "I was charged twice. ".repeat(500_000); // 10.5 MB in one ticket
        lines.set(0, lines.get(0).replaceFirst("\"ticket\": \"", "\"ticket\": \"" + padding));
        Files.write(probes, lines);
        assertThat(Files.size(probes)).isGreaterThan(10_000_000);
        accepted(ws);
    }

    @Test
    void aPathEscapingTheWorkspace() {
        assertThat(refused(workspaceWith("evalbench.yaml", "escaping-path-manifest.yaml")))
                .contains("evalbench.yaml:20:14: \"dataset\" must match a relative path inside the workspace");
    }

    @Test
    void aLinkEscapingTheWorkspace() throws IOException {
        Path ws = Cli.copySample(tmp);
        Files.delete(ws.resolve("datasets/probes.jsonl"));
        Files.createSymbolicLink(ws.resolve("datasets/probes.jsonl"), Path.of("/etc/passwd"));
        assertThat(refused(ws)).contains("evalbench.yaml:28:14: dataset \"datasets/probes.jsonl\" cannot be read")
                .contains("a link leading outside the workspace");
    }

    @Test
    void aRemoteSchemaReferenceIsRefusedWithoutBeingFetched() throws IOException {
        Path ws = Cli.copySample(tmp);
        String remote = server.url("/reply.schema.json").toString();
        Files.writeString(ws.resolve("schemas/triage.schema.json"), Files.readString(HOSTILE.resolve("remote-ref.schema.json"))
                .replace("http://attacker.example/reply.schema.json", remote));
        assertThat(refused(ws)).contains("schemas/triage.schema.json:51:15: \"$ref\" refers outside this file (" + remote + ")");
        assertThat(server.getRequestCount()).as("nothing fetched").isZero();
    }

    @Test
    void templateInclude() {
        assertThat(refused(workspaceWith("prompts/triage.yaml", "include-prompt.yaml")))
                .contains("prompts/triage.yaml:71:21: the template tag {% include %} is not allowed");
    }

    @Test
    void templateExtends() {
        assertThat(refused(workspaceWith("prompts/triage.yaml", "extends-prompt.yaml")))
                .contains("prompts/triage.yaml:68:6: the template tag {% extends %} is not allowed");
    }

    @Test
    void templateMethodCall() {
        assertThat(refused(workspaceWith("prompts/triage.yaml", "method-call-prompt.yaml")))
                .contains("prompts/triage.yaml:71:14: method call .getClass(...) is not allowed in a template");
    }
}
