package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.report.sign.Ed25519Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who signed and who approved, by name, through the real command line on a copy of the sample: keygen names a
 * key's holder, report.html names the signer and the approver with their keys' fingerprints (marked unverified),
 * and verify names a signer only when the signature verifies against a key it was given to trust.
 */
class SignerNamesTest {
    @TempDir Path tmp;

    @Test
    void theReportAndVerifyNameTheSignerAndTheApproverAndOnlyVerifyVouchesForTheNames() throws Exception {
        Path ws = Cli.copySample(tmp);
        Cli.Result run = Cli.run("run", ws.toString(), "--quiet");
        assertThat(run.exit()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        Path keys = tmp.resolve("keys");
        Cli.Result author = Cli.run("keygen", "--out", keys.toString(), "--name", "author", "--signer", "Ada Author");
        assertThat(author.exit()).as(author.err()).isZero();
        assertThat(author.out()).contains("signer Ada Author");
        assertThat(Cli.run("keygen", "--out", keys.toString(), "--name", "reviewer", "--signer", "Rita Reviewer").exit()).isZero();
        // The name travels with the public key, before its PEM block.
        assertThat(Files.readString(keys.resolve("reviewer.pub"))).startsWith("Signer: Rita Reviewer\n-----BEGIN PUBLIC KEY-----");
        String authorPrint = fingerprint(keys.resolve("author.pub"));
        String reviewerPrint = fingerprint(keys.resolve("reviewer.pub"));

        Path out = tmp.resolve("report");
        Cli.Result report = Cli.run("report", "latest", "--out", out.toString(), "--sign", keys.resolve("author.key").toString(),
                "--workspace", ws.toString());
        assertThat(report.exit()).as(report.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        // The terminal names the signer as verify does, with the key's fingerprint (it gave the fingerprint alone).
        assertThat(report.out()).contains("(signed by Ada Author (ed25519:" + authorPrint.substring(0, 16));
        Cli.Result approve = Cli.run("approve", out.resolve("report.intoto.json").toString(), "--key", keys.resolve("reviewer.key").toString());
        assertThat(approve.exit()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("approved by Rita Reviewer (ed25519:" + reviewerPrint.substring(0, 16));

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Signed by</span> <strong>Ada Author</strong> (name unverified)").contains(authorPrint)
                .contains("Approved by</span> <strong>Rita Reviewer</strong> (name unverified)").contains(reviewerPrint)
                .doesNotContain("<strong>author</strong>");

        Cli.Result both = Cli.run("verify", out.resolve("report.intoto.json").toString(), "--key", keys.resolve("author.pub").toString(),
                "--key", keys.resolve("reviewer.pub").toString(), "--workspace", ws.toString());
        assertThat(both.exit()).as(both.out()).isZero();
        // The headline names them as the lines below do, by the names of the keys that verified them.
        assertThat(both.out()).startsWith("VALID: signed by Ada Author (ed25519:" + authorPrint.substring(0, 16)
                + "), Rita Reviewer (ed25519:" + reviewerPrint.substring(0, 16) + ")\n");
        assertThat(both.out()).contains("signed by Ada Author (verified; key ed25519:" + authorPrint.substring(0, 16) + ", fingerprint " + authorPrint + ")")
                .contains("approved by Rita Reviewer (verified; key ed25519:" + reviewerPrint.substring(0, 16) + ", fingerprint " + reviewerPrint + ")");

        // Without the reviewer's key the approval is not vouched for: no name, only the key id it claims.
        Cli.Result authorOnly = Cli.run("verify", out.resolve("report.intoto.json").toString(), "--key", keys.resolve("author.pub").toString(),
                "--workspace", ws.toString());
        assertThat(authorOnly.out()).contains("signed by Ada Author (verified;")
                .contains("approved by key ed25519:" + reviewerPrint.substring(0, 16) + " (not verified").doesNotContain("Rita Reviewer");
        JsonNode json = Json.MAPPER.readTree(Cli.run("verify", out.resolve("report.intoto.json").toString(), "--json",
                "--key", keys.resolve("author.pub").toString(), "--workspace", ws.toString()).out());
        assertThat(json.path("signatures").get(0).path("name").asText()).isEqualTo("Ada Author");
        assertThat(json.path("signatures").get(0).path("verified").asBoolean()).isTrue();
        assertThat(json.path("signatures").get(1).path("name").isNull()).isTrue();
        assertThat(json.path("signatures").get(1).path("verified").asBoolean()).isFalse();
    }

    @Test
    void aKeyIsNamedAsKeygenNamedItAndFoundInTheKeyFolder() throws Exception {
        Path ws = Cli.copySample(tmp);
        java.util.Map<String, String> env = java.util.Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
        assertThat(Cli.run(env, "run", ws.toString(), "--quiet").exit()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(Cli.run(env, "keygen", "ci", "--signer", "CI Bot").exit()).isZero();
        assertThat(Cli.run(env, "keygen", "reviewer", "--signer", "Rita Reviewer").exit()).isZero();
        Path out = tmp.resolve("report");

        // keygen ci, then --sign ci: it read "ci: name the public key with --pub".
        Cli.Result report = Cli.run(env, "report", "latest", "--out", out.toString(), "--sign", "ci", "--workspace",
                ws.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("(signed by CI Bot (ed25519:");
        Cli.Result approve = Cli.run(env, "approve", out.toString(), "--key", "reviewer.key");
        assertThat(approve.exit()).as(approve.err()).isZero();
        Cli.Result verify = Cli.run(env, "verify", out.toString(), "--workspace", ws.toString());
        assertThat(verify.out()).as(verify.err()).startsWith("VALID: signed by CI Bot (ed25519:").contains("Rita Reviewer");
        // verify names them the same way: the keys it trusts and the signer it requires.
        Cli.Result byName = Cli.run(env, "verify", out.toString(), "--key", "ci", "--key", "reviewer.pub", "--require",
                "reviewer", "--workspace", ws.toString());
        assertThat(byName.exit()).as(byName.out() + byName.err()).isZero();
        Cli.Result notGiven = Cli.run(env, "verify", out.toString(), "--key", "ci", "--require", "reviewer",
                "--workspace", ws.toString());
        assertThat(notGiven.out()).containsPattern("required signer ed25519:\\w+ has no valid signature on this envelope"
                + " \\(and its public key was not given\\)");

        Path none = tmp.resolve("none");
        Cli.Result missing = Cli.run(env, "report", "latest", "--out", none.toString(), "--sign", "nosuch", "--workspace",
                ws.toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).isEqualTo("error: nosuch: no such key file here, nor " + tmp.resolve("xdg/evalbench/keys")
                .resolve("nosuch.key") + " in your key folder (make one with `evalbench keygen nosuch`)\n");
        assertThat(none).doesNotExist();
    }

    @Test
    void aKeyWithoutANameIsShownByItsFingerprintAndABadNameIsRefused() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", ws.toString(), "--quiet").exit()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        Path keys = tmp.resolve("keys");
        Cli.Result plain = Cli.run("keygen", "--out", keys.toString());
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(Files.readString(keys.resolve("evalbench.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
        String print = fingerprint(keys.resolve("evalbench.pub"));
        Path out = tmp.resolve("report");
        assertThat(Cli.run("report", "latest", "--out", out.toString(), "--sign", keys.resolve("evalbench.key").toString(),
                "--workspace", ws.toString()).exit()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);

        assertThat(Files.readString(out.resolve("report.html"))).contains("Signed by</span> <strong>a key without a name</strong>")
                .contains(print);
        Cli.Result verify = Cli.run("verify", out.resolve("report.intoto.json").toString(), "--key", keys.resolve("evalbench.pub").toString(),
                "--workspace", ws.toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("signed by an unnamed key (verified; key ed25519:" + print.substring(0, 16) + ", fingerprint " + print + ")");

        Cli.Result bad = Cli.run("keygen", "--out", keys.toString(), "--name", "other", "--signer", "two\nlines");
        assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--signer").contains("one line");
        assertThat(keys.resolve("other.key")).doesNotExist();
    }

    private static String fingerprint(Path pub) throws Exception {
        return Ed25519Keys.fingerprint(Ed25519Keys.readPublicKey(pub));
    }
}
