package dev.evalbench.core.report.sign;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/** Raw Ed25519 sign and verify with the JDK provider. A fresh {@link Signature} per call: thread-safe. */
final class Ed25519Signatures {
    private Ed25519Signatures() {}

    /** @throws IllegalArgumentException if {@code key} is not an Ed25519 private key */
    static byte[] sign(PrivateKey key, byte[] message) {
        Ed25519Keys.requireEd25519(key);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a usable Ed25519 private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed in the JDK provider", e);
        }
    }

    /**
     * True only if {@code sig} is a valid Ed25519 signature of {@code message} by {@code key}. A malformed
     * signature (wrong length, not a curve point) is simply not valid.
     */
    static boolean verifies(PublicKey key, byte[] message, byte[] sig) {
        Ed25519Keys.requireEd25519(key);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(sig);
        } catch (SignatureException e) {
            return false; // the provider rejects malformed signatures by throwing: that is "does not verify"
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a usable Ed25519 public key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification failed in the JDK provider", e);
        }
    }
}
