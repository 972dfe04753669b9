package dev.evalbench.core.report.sign;

import dev.evalbench.core.json.Digests;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.EnumSet;
import java.util.Set;

/**
 * Ed25519 keys from the JDK, kept in the PEM files OpenSSL reads: the private key as PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}), the public key as X.509 SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}).
 *
 * <p>Writing never overwrites: an existing file is a {@link SigningInputException}. The private key file is
 * created with permissions {@code rw-------} given at creation, so it is never readable by others, not even
 * for a moment; on a file system without POSIX permissions it is refused with an {@link IOException} rather
 * than written readable. If writing fails after the file was created, the partial file is deleted.
 *
 * <p>Key id ({@link #keyId}): {@code "ed25519:"} followed by the first 16 lower-case hex digits (64 bits) of
 * the SHA-256 of the public key's DER SubjectPublicKeyInfo bytes, i.e. of what
 * {@code openssl pkey -pubin -in key.pub -outform DER | sha256sum} hashes. It names a key in envelopes and
 * messages; it is a hint for choosing a key, never a reason to trust one. Stateless and thread-safe.
 */
public final class Ed25519Keys {
    public static final String PRIVATE_KEY_LABEL = "PRIVATE KEY";
    public static final String PUBLIC_KEY_LABEL = "PUBLIC KEY";
    private static final String ALGORITHM = "Ed25519";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private Ed25519Keys() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519 (module jdk.crypto.ec missing?)", e);
        }
    }

    /**
     * Writes both files of a new key pair; neither may exist beforehand. Returns the key id.
     *
     * @throws SigningInputException if either file already exists (nothing is written then)
     * @throws IOException if a file cannot be written or the private key cannot be kept owner-only
     */
    public static String writeKeyPair(KeyPair pair, Path privateKeyFile, Path publicKeyFile)
            throws SigningInputException, IOException {
        return writeKeyPair(pair, privateKeyFile, publicKeyFile, null);
    }

    /**
     * Writes both files of a new key pair, each naming the key's holder ({@link KeyName}: who signs with it, as
     * reports and verification name them); neither file may exist beforehand. Returns the key id.
     *
     * @param name the holder's name, checked by {@link KeyName#checked}; null for a key without a name
     * @throws SigningInputException if either file already exists or the name is unusable (nothing is written then)
     * @throws IOException if a file cannot be written or the private key cannot be kept owner-only
     */
    public static String writeKeyPair(KeyPair pair, Path privateKeyFile, Path publicKeyFile, String name)
            throws SigningInputException, IOException {
        String holder = name == null ? null : KeyName.checked(name);
        refuseExisting(privateKeyFile);
        refuseExisting(publicKeyFile);
        writePrivateKey(pair.getPrivate(), privateKeyFile, holder);
        try {
            requireEd25519(pair.getPublic());
            createNew(publicKeyFile, Pem.encode(PUBLIC_KEY_LABEL, pair.getPublic().getEncoded(), holder));
        } catch (IOException | SigningInputException | RuntimeException e) {
            Files.deleteIfExists(privateKeyFile); // ours, just written: a lone private key helps nobody
            throw e;
        }
        return keyId(pair.getPublic());
    }

    public static void writePrivateKey(PrivateKey key, Path file) throws SigningInputException, IOException {
        writePrivateKey(key, file, null);
    }

    private static void writePrivateKey(PrivateKey key, Path file, String name) throws SigningInputException, IOException {
        requireEd25519(key);
        if (!file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            throw new IOException(file + ": this file system has no POSIX permissions, so the private key "
                    + "could not be made owner-only; write it to a POSIX file system");
        }
        createNew(file, Pem.encode(PRIVATE_KEY_LABEL, key.getEncoded(), name), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(actual)) {
            Files.delete(file);
            throw new IOException(file + ": the file system did not keep the private key owner-only (got "
                    + PosixFilePermissions.toString(actual) + "); the file was removed");
        }
    }

    public static void writePublicKey(PublicKey key, Path file) throws SigningInputException, IOException {
        requireEd25519(key);
        createNew(file, Pem.encode(PUBLIC_KEY_LABEL, key.getEncoded()));
    }

    /** @throws SigningInputException if the file is missing, unreadable, not PEM PKCS#8, or not Ed25519 */
    public static PrivateKey readPrivateKey(Path file) throws SigningInputException {
        byte[] der = Pem.decode(read(file), PRIVATE_KEY_LABEL, file.toString(), "PEM private key");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException e) {
            throw new SigningInputException(file + ": not an Ed25519 private key (PKCS#8)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** @throws SigningInputException if the file is missing, unreadable, not PEM SPKI, or not Ed25519 */
    public static PublicKey readPublicKey(Path file) throws SigningInputException {
        byte[] der = Pem.decode(read(file), PUBLIC_KEY_LABEL, file.toString(), "PEM public key");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException e) {
            throw new SigningInputException(file + ": not an Ed25519 public key (SubjectPublicKeyInfo)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** {@code "ed25519:"} + the first 16 hex digits of SHA-256 over the SPKI DER encoding (see class doc). */
    public static String keyId(PublicKey key) {
        requireEd25519(key);
        return "ed25519:" + Digests.sha256(key.getEncoded()).substring(0, 16);
    }

    /**
     * The key's fingerprint: the 64 lower-case hex digits of SHA-256 over the SPKI DER encoding, what
     * {@code openssl pkey -pubin -in key.pub -outform DER | sha256sum} prints; the key id is its first 16.
     */
    public static String fingerprint(PublicKey key) {
        requireEd25519(key);
        return Digests.sha256(key.getEncoded());
    }

    /** Whether {@code privateKey} signs what {@code publicKey} verifies, checked by signing a fixed message. */
    public static boolean isPair(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "evalbench key pair check".getBytes(StandardCharsets.US_ASCII);
        return Ed25519Signatures.verifies(publicKey, probe, Ed25519Signatures.sign(privateKey, probe));
    }

    static void requireEd25519(Key key) {
        if (!(key instanceof EdECKey edec) || !ALGORITHM.equalsIgnoreCase(edec.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 key: " + key.getAlgorithm());
        }
    }

    private static void refuseExisting(Path file) throws SigningInputException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new SigningInputException(file + ": already exists; refusing to overwrite a key file");
        }
    }

    private static void createNew(Path file, byte[] content, FileAttribute<?>... attributes)
            throws SigningInputException, IOException {
        refuseExisting(file);
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
        } catch (FileAlreadyExistsException e) {
            throw new SigningInputException(file + ": already exists; refusing to overwrite a key file", e);
        }
        try (channel) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file); // created by us above: remove the partial key file
            throw e;
        }
    }

    private static byte[] read(Path file) throws SigningInputException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SigningInputException(file + ": file not found", e);
        } catch (IOException e) {
            throw new SigningInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
