package dev.evalbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --sign KEY} and {@code --pub PUB}: the options of every command that writes a signed report
 * ({@code report}, {@code canary}, {@code shadow}), read and checked the same way in each.
 */
final class SigningOptions {
    @Option(names = "--sign", paramLabel = "KEY", description = "Sign the report with this Ed25519 private key (PEM): a"
            + " file, or the NAME keygen gave it in your key folder; writes report.intoto.json.")
    Path signKey;

    @Option(names = "--pub", paramLabel = "PUB", description = "The public key of --sign (default: KEY with .key replaced by .pub).")
    Path pubKey;

    /**
     * The key pair to sign with, or null when {@code --sign} was not given.
     *
     * @param out the folder the report goes to (null when the command writes none)
     * @param env the environment, which names the key folder a bare key name is looked up in
     * @throws BadInputException for {@code --pub} without {@code --sign}, {@code --sign} without a folder to write
     *                           the signature into, or a key that does not read
     */
    KeyFiles keys(Path out, java.util.Map<String, String> env) throws BadInputException {
        if (signKey == null && pubKey != null) throw new BadInputException("--pub is only used with --sign");
        if (signKey == null) return null;
        if (out == null) throw new BadInputException("--sign needs --out DIR: the signature is written beside the report");
        return KeyFiles.load(signKey, pubKey, env);
    }
}
