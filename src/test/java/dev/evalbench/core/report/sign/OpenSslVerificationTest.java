package dev.evalbench.core.report.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves docs/verify-with-openssl.md: its script, taken from the document as written, verifies a report
 * signed by evalbench with OpenSSL 3, sed, grep and coreutils alone, and fails when anything signed was changed.
 * Needs {@code openssl} (3.x) on the PATH: the one tool the tests use beyond the JDK and a POSIX userland.
 */
class OpenSslVerificationTest {
    private static final Path DOC = Path.of(System.getProperty("basedir", ".")).resolve("docs/verify-with-openssl.md");
    private static String script;

    @TempDir
    Path root;
    SignedReportFixture fixture;

    @BeforeAll
    static void readScriptFromTheDocument() throws Exception {
        Result tools = bash("command -v openssl sed grep sha256sum base64 && openssl version", Map.of());
        assertThat(tools.exitCode).as("openssl 3 must be installed (apt-get install openssl): %s", tools.output)
                .isZero();
        assertThat(tools.output).contains("OpenSSL 3.");
        Matcher block = Pattern.compile("<!-- docs-test: skip [^\\n]*OpenSslVerificationTest[^\\n]*-->\\n```bash\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(Files.readString(DOC));
        assertThat(block.find()).as("the tested script block in %s", DOC).isTrue();
        script = block.group(1);
    }

    @BeforeEach
    void signReport() throws Exception {
        fixture = new SignedReportFixture(root);
    }

    private Map<String, String> variables() {
        return Map.of("ENVELOPE", fixture.envelope.toString(), "PUBKEY", fixture.authorPub.toString(),
                "REPORT", fixture.report.toString(), "WORKSPACE", fixture.workspace.toString());
    }

    @Test
    void openSslVerifiesAGoodEnvelopeAndEveryDigest() throws Exception {
        Result result = bash(script, variables());
        assertThat(result.output).contains("Signature Verified Successfully", "report.json: OK",
                "prompts/triage.yaml: OK", "datasets/cases.jsonl: OK");
        assertThat(result.exitCode).as(result.output).isZero();
    }

    @Test
    void openSslRejectsAChangedPayload() throws Exception {
        DsseEnvelope original = fixture.readEnvelope();
        String statement = new String(original.payloadBytes(), StandardCharsets.UTF_8);
        assertThat(statement).contains("\"run_id\":\"r-42\"");
        byte[] forged = statement.replace("\"run_id\":\"r-42\"", "\"run_id\":\"r-43\"").getBytes(StandardCharsets.UTF_8);
        fixture.writeEnvelope(new DsseEnvelope(Base64.getEncoder().encodeToString(forged),
                original.payloadType(), original.signatures()));

        Result result = bash(script, variables());
        assertThat(result.output).contains("Signature Verification Failure").doesNotContain("Verified Successfully");
        assertThat(result.exitCode).isNotZero();
    }

    @Test
    void digestChecksCatchAChangedReportAndAChangedInput() throws Exception {
        byte[] signedReport = Files.readAllBytes(fixture.report);
        SignedReportFixture.appendByte(fixture.report);
        Result report = bash(script, variables());
        assertThat(report.output).contains("Signature Verified Successfully", "report.json: sha256 differs");
        assertThat(report.exitCode).isNotZero();

        Files.write(fixture.report, signedReport);
        // report.md, the pull request's comment, with its verdict edited
        byte[] signedMarkdown = Files.readAllBytes(fixture.markdown);
        Files.writeString(fixture.markdown, "## ✅ Evalbench report: all 3 gates pass\n");
        Result markdown = bash(script, variables());
        assertThat(markdown.output).contains("report.json: OK", "report.md: sha256 differs");
        assertThat(markdown.exitCode).isNotZero();

        Files.write(fixture.markdown, signedMarkdown);
        Files.writeString(fixture.workspace.resolve("datasets/cases.jsonl"), "{\"id\":\"c1\",\"ticket\":\"other\"}\n");
        Result input = bash(script, variables());
        assertThat(input.output).contains("report.json: OK", "report.md: OK", "datasets/cases.jsonl: FAILED");
        assertThat(input.exitCode).isNotZero();
    }

    @Test
    void openSslReadsTheKeyFilesAsWritten() throws Exception {
        // the private key PEM is standard PKCS#8: OpenSSL derives exactly our public key file from it
        Result derived = bash("openssl pkey -in \"$KEY\" -pubout", Map.of("KEY", fixture.authorKey.toString()));
        assertThat(derived.exitCode).as(derived.output).isZero();
        assertThat(derived.output).isEqualTo(Files.readString(fixture.authorPub));
        // and the documented key id command gives Ed25519Keys.keyId
        Result keyId = bash("echo \"ed25519:$(openssl pkey -pubin -in \"$PUB\" -outform DER | sha256sum | cut -c1-16)\"",
                Map.of("PUB", fixture.authorPub.toString()));
        assertThat(keyId.output.strip()).isEqualTo(fixture.authorId);
    }

    private record Result(int exitCode, String output) {}

    private static Result bash(String command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // a guard against a hung tool, not a performance assertion
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bash finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}
