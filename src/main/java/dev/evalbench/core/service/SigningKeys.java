package dev.evalbench.core.service;

import dev.evalbench.core.report.sign.Ed25519Keys;
import dev.evalbench.core.report.sign.KeyName;
import dev.evalbench.core.report.sign.SigningInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Signing keys for the workbench, by the rules {@code evalbench keygen} follows: a pair is {@code NAME.key}
 * (PKCS#8 PEM, owner-only) beside {@code NAME.pub}; a new private key is never written inside the workspace
 * or any git work tree, where it is one commit away from being published; nothing is ever overwritten.
 * Blocking file work: call it off the FX thread. Stateless and thread-safe.
 */
public final class SigningKeys {
    private SigningKeys() {}

    /**
     * A loaded key pair; {@code label} is the key file's stem ("alice" for alice.key), {@code name} the name of its
     * holder the key carries ({@link KeyName}; "" for none), which reports show.
     */
    public record Pair(PrivateKey privateKey, PublicKey publicKey, String keyId, String label, Path privateKeyFile, String name) {
        public ReportService.Signer signer() {
            return new ReportService.Signer(privateKey, publicKey, name);
        }
    }

    /** A key pair just written. */
    public record Created(Path privateKeyFile, Path publicKeyFile, String keyId) {}

    /** The private key files ({@code *.key}) in {@code folder}, by name; none when it does not exist. */
    public static List<Path> privateKeys(Path folder) throws IOException {
        return filesEndingIn(folder, ".key");
    }

    /** The public key files ({@code *.pub}) in {@code folder}, by name; none when it does not exist. */
    public static List<Path> publicKeys(Path folder) throws IOException {
        return filesEndingIn(folder, ".pub");
    }

    /**
     * Loads {@code NAME.key} with the {@code NAME.pub} beside it and checks that they are one pair.
     *
     * @throws SigningInputException when either file is missing or unusable, or they are not one pair
     */
    public static Pair load(Path privateKeyFile) throws SigningInputException {
        String stem = stem(privateKeyFile, ".key");
        if (stem == null) throw new SigningInputException(privateKeyFile + ": a private key file's name ends in .key");
        Path pub = privateKeyFile.resolveSibling(stem + ".pub");
        PrivateKey key = Ed25519Keys.readPrivateKey(privateKeyFile);
        PublicKey publicKey = Ed25519Keys.readPublicKey(pub);
        if (!Ed25519Keys.isPair(key, publicKey)) {
            throw new SigningInputException(privateKeyFile + " and " + pub + " are not one key pair");
        }
        String name = KeyName.of(pub).or(() -> KeyName.of(privateKeyFile)).orElse("");
        return new Pair(key, publicKey, Ed25519Keys.keyId(publicKey), stem, privateKeyFile, name);
    }

    /**
     * Writes a new pair {@code folder/NAME.key} (owner-only) and {@code folder/NAME.pub}, creating the folder.
     *
     * @param workspace the open workspace (may be null): the folder must not lie inside it
     * @throws SigningInputException for a bad name, a folder inside the workspace or a git work tree, or an
     *                               existing file (nothing is written then)
     */
    public static Created create(Path folder, String name, Path workspace) throws SigningInputException, IOException {
        return create(folder, name, null, workspace);
    }

    /**
     * As {@link #create(Path, String, Path)}, the pair carrying its holder's name ({@link KeyName}).
     *
     * @param signer who signs with it, e.g. "Alice Example"; null or blank for a key without a name
     */
    public static Created create(Path folder, String name, String signer, Path workspace) throws SigningInputException, IOException {
        String holder = signer == null || signer.isBlank() ? null : KeyName.checked(signer);
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new SigningInputException("key name '" + name + "': use letters, digits, '.', '_' or '-' (a file name, no folders)");
        }
        Path dir = folder.toAbsolutePath().normalize();
        if (workspace != null && dir.startsWith(workspace.toAbsolutePath().normalize())) {
            throw new SigningInputException(folder + " is inside the workspace " + workspace
                    + "; a private key there travels with it. Choose a folder outside it (the default is your config folder)");
        }
        Optional<Path> repo = KeyLocation.gitWorkTree(dir);
        if (repo.isPresent()) {
            throw new SigningInputException(folder + " is inside the git work tree " + repo.get()
                    + ", where a private key is one commit away from being published; choose a folder outside it");
        }
        Files.createDirectories(dir);
        Path key = dir.resolve(name + ".key");
        Path pub = dir.resolve(name + ".pub");
        String keyId = Ed25519Keys.writeKeyPair(Ed25519Keys.generate(), key, pub, holder);
        return new Created(key, pub, keyId);
    }

    private static List<Path> filesEndingIn(Path folder, String suffix) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix) && Files.isRegularFile(f)).sorted().toList();
        }
    }

    private static String stem(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.endsWith(suffix) && name.length() > suffix.length() ? name.substring(0, name.length() - suffix.length()) : null;
    }
}
