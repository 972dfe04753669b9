package dev.evalbench.core.report.sign;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.Optional;

/**
 * A public key the verifier trusts (a {@code --key} file, a .pub in the workbench's key folder), with its key
 * id, its fingerprint ({@link Ed25519Keys#fingerprint}) and its holder's name as the verifier's copy of the key
 * gives it ({@link KeyName}; empty for a key without one). Immutable.
 */
public record TrustedKey(PublicKey key, String keyId, String fingerprint, Optional<String> name) {
    /** @throws SigningInputException when the file is missing or not an Ed25519 public key */
    public static TrustedKey read(Path publicKeyFile) throws SigningInputException {
        PublicKey key = Ed25519Keys.readPublicKey(publicKeyFile);
        return new TrustedKey(key, Ed25519Keys.keyId(key), Ed25519Keys.fingerprint(key), KeyName.of(publicKeyFile));
    }

    /**
     * Who made signature {@code o}: the name of the trusted key it verified against (verified), else only the key
     * id it claims, for a signature that verifies with no trusted key or does not verify at all.
     */
    public static SignedBy signedBy(SignatureOutcome o, Collection<TrustedKey> trusted) {
        String role = o.index() == 1 ? "signed by" : "approved by";
        if (o.status() == SignatureOutcome.Status.VERIFIED) {
            for (TrustedKey k : trusted) {
                if (k.keyId().equals(o.signerKeyId())) return new SignedBy(role, k.keyId(), k.fingerprint(), k.name(), true);
            }
        }
        return new SignedBy(role, o.claimedKeyId(), "", Optional.empty(), false);
    }

    /**
     * The valid signers of {@code result} as a headline names them: "Ada Author (ed25519:0a60…)" where the trusted
     * key that verified the signature carries a name, else the key id alone.
     */
    public static String signers(VerificationResult result, Collection<TrustedKey> trusted) {
        java.util.List<String> named = new java.util.ArrayList<>();
        for (String id : result.signers()) {
            Optional<String> name = trusted.stream().filter(k -> k.keyId().equals(id)).map(TrustedKey::name)
                    .flatMap(Optional::stream).findFirst();
            named.add(name.map(n -> n + " (" + id + ")").orElse(id));
        }
        return String.join(", ", named);
    }

    /**
     * One signature as people read it.
     *
     * @param role        "signed by" (the first signature, the author's) or "approved by"
     * @param fingerprint the full fingerprint when verified, else ""
     * @param name        the holder's name, only when {@code verified} and the trusted key carries one
     * @param verified    the signature verified against a trusted key
     */
    public record SignedBy(String role, String keyId, String fingerprint, Optional<String> name, boolean verified) {
        /** e.g. {@code signed by Alice Example (verified; key ed25519:0123…, fingerprint 0123…)}. */
        public String describe() {
            if (!verified) return role + " key " + keyId + " (not verified: no trusted key checks this signature, so no name is shown)";
            return role + " " + name.orElse("an unnamed key") + " (verified; key " + keyId + ", fingerprint " + fingerprint + ")";
        }
    }
}
