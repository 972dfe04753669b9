package dev.evalbench.cli;

import dev.evalbench.core.io.UserHome;
import dev.evalbench.core.report.sign.Ed25519Keys;
import dev.evalbench.core.report.sign.ReportVerifier;
import dev.evalbench.core.report.sign.SigningInputException;
import dev.evalbench.core.report.sign.TrustedKey;
import dev.evalbench.core.report.sign.VerificationRequest;
import dev.evalbench.core.report.sign.VerificationResult;
import dev.evalbench.core.service.KeyLocation;
import dev.evalbench.core.service.SigningKeys;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench verify ENVELOPE [--key PUB ...] [--report report.json] [--workspace DIR]
 * [--require KEYID ...] [--allow-missing NAME ...]}: checks a signed report offline, trusting the keys named, or
 * without {@code --key} the public keys of the user's key folder (as the workbench does). Without {@code --report},
 * a report.json beside the envelope is checked. Every subject the statement names must be found and match,
 * unless {@code --allow-missing} names it. Exit 0 valid (prints the signers by key id and the subjects checked), 1 invalid (prints
 * every problem), 2 unusable input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a signed report: signatures, report.json and (with --workspace) the input files.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @Parameters(index = "0", paramLabel = "ENVELOPE",
            description = "The DSSE envelope, e.g. report.intoto.json, or the report folder holding it.")
    Path envelope;

    @ParentCommand
    EvalbenchCommand parent;

    @Option(names = "--key", paramLabel = "PUB", description = "A trusted Ed25519 public key (PEM): a file, or the NAME"
            + " keygen gave it in your key folder; repeat for several."
            + " Default: every .pub file in your key folder (~/.config/evalbench/keys), as the workbench verifies.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", description = "The report.json to check (default: report.json beside the envelope, if there).")
    Path report;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR",
            description = "Check the input files the statement lists under this workspace folder.")
    Path workspace;

    @Option(names = "--require", paramLabel = "KEYID|PUB", description = "A key id, a public key file, or the NAME"
            + " keygen gave it in your key folder, that must have signed (e.g. a reviewer's); repeat for several.")
    List<String> required = new ArrayList<>();

    @Option(names = "--allow-missing", paramLabel = "NAME|GLOB", description = "A signed subject that may be absent (e.g. "
            + "report.json, 'datasets/*', or '**' for every input); repeat for several. Any other absent subject makes the "
            + "report INVALID.")
    List<String> allowMissing = new ArrayList<>();

    /**
     * The public keys of the user's key folder, which the workbench's "Verify report…" trusts too (and keygen and
     * "Trust a public key…" fill).
     *
     * @throws BadInputException when it holds none
     */
    private List<Path> keyFolderKeys() throws java.io.IOException, BadInputException {
        Path folder = KeyLocation.defaultFolder(parent.env(), System.getProperty("os.name"), UserHome.of(parent.env()));
        List<Path> found = SigningKeys.publicKeys(folder);
        if (found.isEmpty()) {
            throw new BadInputException("no public key to verify with: name the signers' keys (--key PUB), or put their"
                    + " .pub files in your key folder, " + folder);
        }
        return found;
    }

    @Override
    public Integer call() throws Exception {
        VerificationResult result;
        List<TrustedKey> trusted = new ArrayList<>();
        try {
            // A mistyped report path is the first thing to say, before anything about keys (as the window says it).
            if (!Files.exists(envelope)) throw new SigningInputException(envelope + ": file not found");
            envelope = dev.evalbench.core.report.ReportEnvelope.of(envelope);
            List<PublicKey> publicKeys = new ArrayList<>();
            for (Path key : keys.isEmpty() ? keyFolderKeys() : keys) {
                Path named = KeyFiles.publicKey(key.toString(), parent.env());
                TrustedKey k = TrustedKey.read(named != null ? named : key);
                trusted.add(k);
                publicKeys.add(k.key());
            }
            // A public key file stands for its key id, so a script needs no id copied from keygen's output.
            LinkedHashSet<String> requiredIds = new LinkedHashSet<>();
            for (String r : required) {
                Path pub = r.startsWith("ed25519:") ? null : KeyFiles.publicKey(r, parent.env());
                requiredIds.add(pub != null ? Ed25519Keys.keyId(Ed25519Keys.readPublicKey(pub)) : r);
            }
            VerificationRequest request = VerificationRequest.of(envelope, publicKeys).requiring(requiredIds)
                    .allowingMissing(new LinkedHashSet<>(allowMissing));
            Path reportFile = report != null ? report : besideEnvelope();
            if (reportFile != null) request = request.withReport(reportFile);
            if (workspace != null) request = request.withWorkspace(workspace);
            result = ReportVerifier.verify(request);
        } catch (SigningInputException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            var node = JsonOut.object().put("valid", result.valid());
            node.set("signers", dev.evalbench.core.json.Json.MAPPER.valueToTree(result.signers()));
            node.set("problems", dev.evalbench.core.json.Json.MAPPER.valueToTree(result.problems()));
            node.set("checked", dev.evalbench.core.json.Json.MAPPER.valueToTree(result.checkedSubjects()));
            node.set("not_checked", dev.evalbench.core.json.Json.MAPPER.valueToTree(result.uncheckedSubjects()));
            node.set("notes", dev.evalbench.core.json.Json.MAPPER.valueToTree(result.notes()));
            var signatures = node.putArray("signatures");
            for (var s : result.signatures()) {
                TrustedKey.SignedBy by = TrustedKey.signedBy(s, trusted);
                signatures.addObject().put("role", by.role()).put("key_id", by.keyId()).put("verified", by.verified())
                        .put("name", by.name().orElse(null)).put("fingerprint", by.fingerprint().isEmpty() ? null : by.fingerprint());
            }
            JsonOut.print(o, node);
            return result.valid() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
        }
        if (result.valid()) {
            o.println("VALID: signed by " + TrustedKey.signers(result, trusted));
        } else {
            o.println("INVALID: " + result.problems().size() + (result.problems().size() == 1 ? " problem" : " problems"));
            // Files unchecked for want of --workspace are said once (named under "not checked" below); --json
            // keeps one problem per file.
            result.problemsInWords("name the workspace the report was made from (--workspace DIR) to check them, or"
                    + " accept a file's absence with --allow-missing NAME (a glob: '*' stays in one folder, '**' is every"
                    + " file)").forEach(p -> o.println("  " + p));
            if (!result.signers().isEmpty()) o.println("valid signatures by " + TrustedKey.signers(result, trusted));
        }
        // Who signed and approved, by the names the trusted keys carry: a name is shown only when verified.
        result.signatures().forEach(s -> o.println(TrustedKey.signedBy(s, trusted).describe()));
        o.println("checked: " + (result.checkedSubjects().isEmpty() ? "no subject file" : String.join(", ", result.checkedSubjects())));
        if (!result.uncheckedSubjects().isEmpty()) {
            o.println("not checked (file not given or not found" + (result.valid() ? ", allowed by --allow-missing" : "") + "): "
                    + String.join(", ", result.uncheckedSubjects()));
        }
        result.notes().forEach(n -> o.println("note: " + n));
        o.flush();
        return result.valid() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    }

    private Path besideEnvelope() {
        Path candidate = dev.evalbench.core.report.ReportEnvelope.reportJsonBeside(envelope);
        return Files.isRegularFile(candidate) ? candidate : null;
    }
}
