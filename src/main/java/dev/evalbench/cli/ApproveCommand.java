package dev.evalbench.cli;

import dev.evalbench.core.report.ReportApproval;
import dev.evalbench.core.report.sign.DsseEnvelope;
import dev.evalbench.core.report.sign.SigningInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench approve ENVELOPE --key KEY [--pub PUB]}: adds a reviewer's signature to a signed report's
 * envelope (or the report folder holding it), rewriting it atomically. It refuses (exit 1, nothing written) when
 * report.json or the records it binds are not the bytes signed; it does not check the signatures already there: run
 * {@code verify} first. Exit 0, or 2 for unusable keys or envelope, or a key that already signed.
 */
@Command(name = "approve", mixinStandardHelpOptions = true, description = "Add your signature to a signed report's envelope (verify it first).")
final class ApproveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    EvalbenchCommand parent;

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @Parameters(index = "0", paramLabel = "ENVELOPE",
            description = "The DSSE envelope, e.g. report.intoto.json, or the report folder holding it.")
    Path envelope;

    @Option(names = "--key", required = true, paramLabel = "KEY",
            description = "Your Ed25519 private key (PEM): a file, or the NAME keygen gave it in your key folder.")
    Path key;

    @Option(names = "--pub", paramLabel = "PUB", description = "Your public key (default: KEY with .key replaced by .pub).")
    Path pub;

    @Override
    public Integer call() throws Exception {
        KeyFiles keys = KeyFiles.load(key, pub, parent.env());
        DsseEnvelope approved;
        PrintWriter o = spec.commandLine().getOut();
        try {
            envelope = dev.evalbench.core.report.ReportEnvelope.of(envelope);
            // Also names the approver on the report.html beside the envelope, as the workbench does.
            approved = dev.evalbench.core.service.ReportService.approve(envelope,
                    keys.signer());
        } catch (SigningInputException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (ReportApproval.ChangedSinceSigned e) {
            // Exit 1, as verify's INVALID: the report is not what was signed, which is no usage error. Said on
            // stderr with --json too, as every refusal is: the JSON on stdout describes an approval.
            PrintWriter err = spec.commandLine().getErr();
            err.println("not approved: the report beside " + envelope + " is not the one that was signed; nothing written");
            e.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return ExitCodes.GATE_FAILED;
        }
        if (json) {
            JsonOut.print(o, JsonOut.object().put("approved_by", keys.keyId()).put("envelope", envelope.toString())
                    .put("signatures", approved.signatures().size()).put("existing_signatures_checked", false));
            return ExitCodes.OK;
        }
        o.println("approved by " + keys.signedBy() + "; " + envelope + " now has " + approved.signatures().size()
                + " signatures");
        o.println("(the signatures already there were not checked: verify them with `evalbench verify`)");
        o.flush();
        return ExitCodes.OK;
    }
}
