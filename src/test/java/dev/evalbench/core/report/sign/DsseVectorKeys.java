package dev.evalbench.core.report.sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * The two Ed25519 keys of the DSSE test vectors (secure-systems-lab/dsse, testvectors/vectors.json); key A is
 * also RFC 8032's test 1 key. Built from the raw seed and raw public key.
 */
final class DsseVectorKeys {
    static final String SEED_A = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String PUBLIC_A = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String SEED_B = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    static final String PUBLIC_B = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    /** SubjectPublicKeyInfo DER prefix for Ed25519 (RFC 8410): SEQUENCE, AlgorithmIdentifier 1.3.101.112, BIT STRING. */
    private static final String SPKI_PREFIX = "302a300506032b6570032100";

    private DsseVectorKeys() {}

    static PrivateKey privateKey(String seedHex) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HexFormat.of().parseHex(seedHex)));
    }

    static PublicKey publicKey(String rawHex) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(HexFormat.of().parseHex(SPKI_PREFIX + rawHex)));
    }
}
