package dev.evalbench.core.report.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The name of a key's holder (e.g. "Alice Example"), chosen when the key pair is made ({@code evalbench keygen
 * --signer}, the workbench's New key pair) and written into both key files as a {@code Signer: NAME} line before
 * the PEM block, so it travels with the public key. OpenSSL and RFC 7468 parsers skip that line; keys made
 * before names existed have none ({@link #of} is empty, and pages show the key's fingerprint instead).
 *
 * <p>A name in a file is only a claim by whoever wrote the file. It is shown as verified only where a signature
 * verifies against a public key the verifier trusts ({@link TrustedKey}): then it is the name the verifier's
 * own copy of that key carries. Stateless.
 */
public final class KeyName {
    /** How the name line starts. */
    public static final String PREFIX = "Signer: ";
    static final int MAX_LENGTH = 100;

    private KeyName() {}

    /**
     * The name trimmed, when usable: 1 to {@value #MAX_LENGTH} characters on one line, no control characters.
     *
     * @throws SigningInputException saying what is wrong with it
     */
    public static String checked(String name) throws SigningInputException {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new SigningInputException("signer name: empty (e.g. \"Alice Example\")");
        if (n.length() > MAX_LENGTH) throw new SigningInputException("signer name: longer than " + MAX_LENGTH + " characters");
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new SigningInputException("signer name: one line of text, without control characters");
        }
        return n;
    }

    /** The name in a key file (private or public), or empty when it has none or cannot be read. */
    public static Optional<String> of(Path keyFile) {
        try {
            String text = Files.readString(keyFile, StandardCharsets.UTF_8);
            return text.lines().map(String::strip).takeWhile(l -> l.startsWith(PREFIX)).findFirst()
                    .map(l -> l.substring(PREFIX.length()).strip()).filter(n -> !n.isEmpty());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty(); // reading the key itself reports the file's trouble
        }
    }
}
