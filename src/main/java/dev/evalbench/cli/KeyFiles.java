package dev.evalbench.cli;

import dev.evalbench.core.report.sign.Ed25519Keys;
import dev.evalbench.core.report.sign.KeyName;
import dev.evalbench.core.service.ReportService;
import dev.evalbench.core.report.sign.SigningInputException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A signer's key pair named on the command line: the private key file, and the public key given by
 * {@code --pub} or found beside it ({@code NAME.key} → {@code NAME.pub}, as {@code keygen} writes them), and the
 * name of its holder the key carries ("" for none).
 * Every problem is bad input (exit 2), checked before anything is written.
 */
record KeyFiles(PrivateKey privateKey, PublicKey publicKey, String keyId, String name) {
    /**
     * The pair {@code keyFile} names: a path, or the bare name {@code keygen NAME} gave it ("ci", or "ci.key"), found
     * in the key folder ({@link dev.evalbench.core.service.KeyLocation#defaultFolder}) when no file of that name is
     * in the current folder. {@code keygen ci} then {@code report --sign ci} read "ci: name the public key with --pub".
     */
    static KeyFiles load(Path keyFile, Path pubFile, java.util.Map<String, String> env) throws BadInputException {
        return load(inKeyFolder(keyFile, env), pubFile);
    }

    private static Path inKeyFolder(Path keyFile, java.util.Map<String, String> env) throws BadInputException {
        if (keyFile.getParent() != null || java.nio.file.Files.exists(keyFile)) return keyFile;
        Path found = inKeyFolder(keyFile.toString(), ".key", env);
        if (found != null) return found;
        String base = withoutExtension(keyFile.toString(), ".key");
        throw new BadInputException(keyFile + ": no such key file here, nor " + keyFolder(env).resolve(base + ".key")
                + " in your key folder (make one with `evalbench keygen " + base + "`)");
    }

    /**
     * The public key file {@code named} names: a path, or the bare name keygen gave the pair ("reviewer", or
     * "reviewer.pub"), found in the key folder when no file of that name is in the current folder; else null.
     */
    static Path publicKey(String named, java.util.Map<String, String> env) {
        Path path = Path.of(named);
        if (java.nio.file.Files.isRegularFile(path)) return path;
        return path.getParent() != null ? null : inKeyFolder(named, ".pub", env);
    }

    /** The key folder's file of the pair keygen named {@code name} ("ci" or "ci.key"), with {@code extension}; or null. */
    private static Path inKeyFolder(String name, String extension, java.util.Map<String, String> env) {
        Path file = keyFolder(env).resolve(withoutExtension(name, extension) + extension);
        return java.nio.file.Files.isRegularFile(file) ? file : null;
    }

    private static Path keyFolder(java.util.Map<String, String> env) {
        return dev.evalbench.core.service.KeyLocation.defaultFolder(env, System.getProperty("os.name"),
                dev.evalbench.core.io.UserHome.of(env));
    }

    private static String withoutExtension(String name, String extension) {
        return name.endsWith(extension) ? name.substring(0, name.length() - extension.length()) : name;
    }

    static KeyFiles load(Path keyFile, Path pubFile) throws BadInputException {
        Path pub = pubFile != null ? pubFile : publicBeside(keyFile);
        try {
            PrivateKey key = Ed25519Keys.readPrivateKey(keyFile);
            PublicKey publicKey = Ed25519Keys.readPublicKey(pub);
            if (!Ed25519Keys.isPair(key, publicKey)) {
                throw new BadInputException(keyFile + " and " + pub + " are not one key pair (give the matching public key with --pub)");
            }
            // The name the key pair was made with: the public key's copy, else the private key's; "" for none.
            String name = KeyName.of(pub).or(() -> KeyName.of(keyFile)).orElse("");
            return new KeyFiles(key, publicKey, Ed25519Keys.keyId(publicKey), name);
        } catch (SigningInputException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /**
     * Who signs, as the terminal says it: the key's name and fingerprint ("CI Bot (ed25519:b748…)", as verify names
     * it), or the fingerprint alone.
     */
    String signedBy() {
        return name.isEmpty() ? keyId : name + " (" + keyId + ")";
    }

    /** The signer these keys make: named on report.html by the name the key carries. */
    ReportService.Signer signer() {
        return new ReportService.Signer(privateKey, publicKey, name);
    }

    private static Path publicBeside(Path keyFile) throws BadInputException {
        String name = keyFile.getFileName().toString();
        if (!name.endsWith(".key")) {
            throw new BadInputException(keyFile + ": name the public key with --pub (the private key's name does not end in .key)");
        }
        return keyFile.resolveSibling(name.substring(0, name.length() - ".key".length()) + ".pub");
    }
}
