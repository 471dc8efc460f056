package io.jenkins.plugins.gitopssync.engine.decrypt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;

/**
 * Armored OpenPGP private keys (as {@code gpg --armor --export-secret-keys} writes them, without a
 * passphrase) and the decryption of an OpenPGP message with them. {@link #toString()} names fingerprints only.
 */
final class PgpKeys {

    static final String BEGIN = "-----BEGIN PGP PRIVATE KEY BLOCK-----";
    private static final String END = "-----END PGP PRIVATE KEY BLOCK-----";

    private final List<PGPSecretKeyRing> rings;

    private PgpKeys(List<PGPSecretKeyRing> rings) {
        this.rings = List.copyOf(rings);
    }

    static PgpKeys none() {
        return new PgpKeys(List.of());
    }

    /** Every private key block in {@code text}; an unreadable block is an error (its message names no key material). */
    static PgpKeys parse(String text) {
        List<PGPSecretKeyRing> rings = new ArrayList<>();
        int from = text.indexOf(BEGIN);
        while (from >= 0) {
            int end = text.indexOf(END, from);
            if (end < 0) {
                throw new IllegalArgumentException("an OpenPGP private key block without its end line");
            }
            String block = text.substring(from, end + END.length());
            try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)))) {
                Object o;
                BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
                while ((o = factory.nextObject()) != null) {
                    if (o instanceof PGPSecretKeyRing ring) {
                        rings.add(ring);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("an OpenPGP private key block that cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
            from = text.indexOf(BEGIN, end);
        }
        return new PgpKeys(rings);
    }

    PgpKeys with(PgpKeys other) {
        List<PGPSecretKeyRing> all = new ArrayList<>(rings);
        all.addAll(other.rings);
        return new PgpKeys(all);
    }

    boolean isEmpty() {
        return rings.isEmpty();
    }

    /** Primary key fingerprints, upper-case hex as sops writes them. */
    List<String> fingerprints() {
        return rings.stream().map(r -> HexFormat.of().formatHex(r.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT))
                .toList();
    }

    /** The message's content, or null when it is encrypted to none of these keys. */
    byte[] decrypt(String armoredMessage) throws DecryptionException {
        PGPEncryptedDataList list = encryptedData(armoredMessage);
        for (PGPEncryptedData data : list) {
            if (!(data instanceof PGPPublicKeyEncryptedData pk)) {
                continue;
            }
            PGPSecretKey secret = secretKey(pk.getKeyID());
            if (secret == null) {
                continue;
            }
            return read(pk, privateKey(secret));
        }
        return null;
    }

    private PGPSecretKey secretKey(long keyId) {
        for (PGPSecretKeyRing ring : rings) {
            PGPSecretKey key = ring.getSecretKey(keyId);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    private static PGPPrivateKey privateKey(PGPSecretKey secret) throws DecryptionException {
        try {
            PGPPrivateKey key = secret.extractPrivateKey(null);
            if (key != null) {
                return key;
            }
        } catch (PGPException e) {
            // protected by a passphrase: reported below
        }
        throw new DecryptionException("the OpenPGP key " + Long.toHexString(secret.getKeyID()).toUpperCase(Locale.ROOT)
                + " is protected by a passphrase; export it without one for decryption");
    }

    private static PGPEncryptedDataList encryptedData(String armored) throws DecryptionException {
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(
                    PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII))));
            Object o;
            while ((o = factory.nextObject()) != null) {
                if (o instanceof PGPEncryptedDataList list) {
                    return list;
                }
            }
        } catch (IOException | RuntimeException e) {
            // reported below
        }
        throw new DecryptionException("its OpenPGP-encrypted data key is not a readable OpenPGP message");
    }

    private static byte[] read(PGPPublicKeyEncryptedData pk, PGPPrivateKey key) throws DecryptionException {
        try {
            InputStream clear = pk.getDataStream(new BcPublicKeyDataDecryptorFactory(key));
            Object message = new BcPGPObjectFactory(clear).nextObject();
            if (message instanceof PGPCompressedData compressed) {
                message = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            if (!(message instanceof PGPLiteralData literal)) {
                throw new DecryptionException("its OpenPGP-encrypted data key holds no literal data");
            }
            byte[] content = literal.getInputStream().readAllBytes();
            if (pk.isIntegrityProtected() && !pk.verify()) {
                throw new DecryptionException("its OpenPGP-encrypted data key fails the integrity check");
            }
            return content;
        } catch (PGPException | IOException e) {
            throw new DecryptionException("its OpenPGP-encrypted data key cannot be decrypted ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "OpenPGP keys " + fingerprints();
    }
}
