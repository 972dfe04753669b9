package dev.evalbench.core.report.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.json.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519KeysTest {
    @TempDir
    Path dir;

    @Test
    void keyPairRoundTripsThroughPemFiles() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Path key = dir.resolve("evalbench.key");
        Path pub = dir.resolve("evalbench.pub");
        String keyId = Ed25519Keys.writeKeyPair(pair, key, pub);

        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(Ed25519Keys.readPrivateKey(key).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(Ed25519Keys.readPublicKey(pub).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(Ed25519Keys.isPair(Ed25519Keys.readPrivateKey(key), Ed25519Keys.readPublicKey(pub))).isTrue();
        assertThat(keyId).isEqualTo(Ed25519Keys.keyId(Ed25519Keys.readPublicKey(pub)));
    }

    @Test
    void privateKeyFileIsOwnerOnly() throws Exception {
        Path key = dir.resolve("evalbench.key");
        Ed25519Keys.writeKeyPair(Ed25519Keys.generate(), key, dir.resolve("evalbench.pub"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void existingKeyFilesAreNeverOverwritten() throws Exception {
        Path key = dir.resolve("evalbench.key");
        Path pub = dir.resolve("evalbench.pub");
        Files.writeString(pub, "keep me");
        assertThatThrownBy(() -> Ed25519Keys.writeKeyPair(Ed25519Keys.generate(), key, pub))
                .isInstanceOf(SigningInputException.class)
                .hasMessage(pub + ": already exists; refusing to overwrite a key file");
        assertThat(key).doesNotExist(); // nothing written when either file exists
        assertThat(Files.readString(pub)).isEqualTo("keep me");

        Files.writeString(key, "old key");
        assertThatThrownBy(() -> Ed25519Keys.writePrivateKey(Ed25519Keys.generate().getPrivate(), key))
                .isInstanceOf(SigningInputException.class).hasMessageContaining("refusing to overwrite");
        assertThat(Files.readString(key)).isEqualTo("old key");
    }

    @Test
    void keyIdIsSha256PrefixOfTheSpkiBytes() {
        KeyPair pair = Ed25519Keys.generate();
        String expected = "ed25519:" + Digests.sha256(pair.getPublic().getEncoded()).substring(0, 16);
        assertThat(Ed25519Keys.keyId(pair.getPublic())).isEqualTo(expected).matches("ed25519:[0-9a-f]{16}");
        assertThat(Ed25519Keys.keyId(Ed25519Keys.generate().getPublic())).isNotEqualTo(expected);
    }

    @Test
    void keyIdOfTheRfc8032TestKey() throws Exception {
        // fixed input, fixed output: documents the key id as a stable function of the public key
        String id = Ed25519Keys.keyId(DsseVectorKeys.publicKey(DsseVectorKeys.PUBLIC_A));
        assertThat(id).isEqualTo("ed25519:" + Digests.sha256(java.util.HexFormat.of()
                .parseHex("302a300506032b6570032100" + DsseVectorKeys.PUBLIC_A)).substring(0, 16));
    }

    @Test
    void mismatchedKeysAreNotAPair() {
        assertThat(Ed25519Keys.isPair(Ed25519Keys.generate().getPrivate(), Ed25519Keys.generate().getPublic())).isFalse();
    }

    @Test
    void unreadableKeyFilesGetMessagesNamingTheFile() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Path key = dir.resolve("evalbench.key");
        Path pub = dir.resolve("evalbench.pub");
        Ed25519Keys.writeKeyPair(pair, key, pub);

        Path missing = dir.resolve("missing.key");
        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(missing)).isInstanceOf(SigningInputException.class)
                .hasMessage(missing + ": file not found");

        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(pub)).isInstanceOf(SigningInputException.class)
                .hasMessage(pub + ": not a PEM private key (found '-----BEGIN PUBLIC KEY-----')");
        assertThatThrownBy(() -> Ed25519Keys.readPublicKey(key)).isInstanceOf(SigningInputException.class)
                .hasMessage(key + ": not a PEM public key (found '-----BEGIN PRIVATE KEY-----')");

        Path text = write("notes.txt", "just some text\n");
        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(text))
                .hasMessage(text + ": not a PEM private key (expected a '-----BEGIN PRIVATE KEY-----' line first)");

        Path der = dir.resolve("key.der");
        Files.write(der, pair.getPrivate().getEncoded());
        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(der)).hasMessageStartingWith(der + ": not a PEM private key");

        Path truncated = write("truncated.key", "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n");
        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(truncated))
                .hasMessage(truncated + ": not a PEM private key (no '-----END PRIVATE KEY-----' line)");

        Path badBase64 = write("bad.key", "-----BEGIN PRIVATE KEY-----\nnot*base64\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(badBase64))
                .hasMessage(badBase64 + ": the PEM private key body is not valid base64");

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        Path ecKey = dir.resolve("ec.pub");
        Files.write(ecKey, Pem.encode("PUBLIC KEY", ec.generateKeyPair().getPublic().getEncoded()));
        assertThatThrownBy(() -> Ed25519Keys.readPublicKey(ecKey))
                .hasMessage(ecKey + ": not an Ed25519 public key (SubjectPublicKeyInfo)");
    }

    @Test
    void pemWithCrlfLineEndsAndTrailingBlankLinesIsRead() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        String body = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        Path pub = write("crlf.pub", "-----BEGIN PUBLIC KEY-----\r\n" + body + "\r\n-----END PUBLIC KEY-----\r\n\r\n");
        assertThat(Ed25519Keys.readPublicKey(pub).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.US_ASCII));
        return file;
    }
}
