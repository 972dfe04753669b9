package dev.evalbench.cli;

import dev.evalbench.core.io.UserHome;
import dev.evalbench.core.report.sign.Ed25519Keys;
import dev.evalbench.core.report.sign.KeyName;
import dev.evalbench.core.report.sign.SigningInputException;
import java.io.PrintWriter;
import dev.evalbench.core.service.KeyLocation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench keygen [NAME] [--out DIR] [--name NAME] [--signer "Alice Example"]}: a new Ed25519 key pair,
 * {@code NAME.key} (PKCS#8 PEM, owner-only) and {@code NAME.pub} (SubjectPublicKeyInfo PEM), both carrying the
 * signer's name when given ({@code KeyName}). Never overwrites: an existing file is bad input
 * (exit 2) and nothing is written. Prints the key id.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true, description = "Create an Ed25519 key pair for signing reports (NAME.key, NAME.pub).")
final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write the key files into (created when missing; default: "
            + "~/.config/evalbench/keys, or the platform's config folder).")
    Path out;

    @Option(names = "--in-repo", description = "Allow --out inside a git work tree; the private key is then added to that folder's .gitignore.")
    boolean inRepo;

    @picocli.CommandLine.ParentCommand
    EvalbenchCommand parent;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "evalbench", description = "File name stem (default: ${DEFAULT-VALUE}).")
    String name;

    /** {@code keygen ci}, as people type it after reading "(NAME.key, NAME.pub)": was "Unmatched argument 'ci'". */
    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Same as --name NAME.")
    String positionalName;

    @Option(names = "--signer", paramLabel = "NAME", description = "Who signs with this key, as reports and verification name them "
            + "(e.g. \"Alice Example\"); written into both key files. Without it, reports show the key's fingerprint.")
    String signer;

    @Override
    public Integer call() throws Exception {
        if (signer != null) {
            try {
                signer = KeyName.checked(signer);
            } catch (SigningInputException e) {
                throw new BadInputException("--signer: " + e.getMessage(), e);
            }
        }
        if (positionalName != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--name") && !positionalName.equals(name)) {
                throw new BadInputException("two names for the key: " + positionalName + " and --name " + name + "; give one");
            }
            name = positionalName;
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new BadInputException((positionalName != null ? "key name " : "--name ") + name
                    + ": use letters, digits, '.', '_' or '-' (a file name stem, no folders)");
        }
        Path out = this.out != null ? this.out
                : KeyLocation.defaultFolder(parent.env(), System.getProperty("os.name"), UserHome.of(parent.env()));
        var repo = KeyLocation.gitWorkTree(out);
        if (repo.isPresent() && !inRepo) {
            throw new BadInputException("--out " + out + " is inside the git work tree " + repo.get()
                    + ", where a private key is one commit away from being published; write it elsewhere (default: your"
                    + " config folder, without --out) or pass --in-repo to keep it there, git-ignored");
        }
        Path key = out.resolve(name + ".key");
        Path pub = out.resolve(name + ".pub");
        String keyId;
        try {
            dev.evalbench.core.io.OutputFolder.make(out);
            keyId = Ed25519Keys.writeKeyPair(Ed25519Keys.generate(), key, pub, signer);
            if (repo.isPresent()) KeyLocation.ignoreInFolder(out, key.getFileName().toString());
        } catch (SigningInputException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            JsonOut.print(o, JsonOut.object().put("key_id", keyId).put("signer", signer).put("private_key", key.toString()).put("public_key", pub.toString()));
            return ExitCodes.OK;
        }
        o.println("key id " + keyId);
        o.println(signer == null ? "signer (none: reports show the key's fingerprint; --signer NAME names you)" : "signer " + signer);
        o.println("private key " + key + " (owner-only; keep it secret)");
        o.println("public key  " + pub + " (share it with whoever verifies your reports)");
        o.flush();
        return ExitCodes.OK;
    }
}
