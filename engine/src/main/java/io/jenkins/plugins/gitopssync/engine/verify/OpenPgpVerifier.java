package io.jenkins.plugins.gitopssync.engine.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.util.encoders.Hex;

/**
 * Checks an OpenPGP signature against the trusted certificates with BouncyCastle's OpenPGP API: the
 * issuer must be a key (primary or bound subkey) of a trusted certificate, the signature must match,
 * and the key must be unrevoked, unexpired now, and a bound signing key when it signed. Like git with
 * gpg, a signature made by a key that has expired since is refused.
 */
final class OpenPgpVerifier {

    private final List<OpenPGPCertificate> trusted;

    OpenPgpVerifier(List<OpenPGPCertificate> trusted) {
        this.trusted = trusted;
    }

    Signer verify(String revision, SignedObject object, Date now) {
        PGPSignature signature = parse(revision, object);
        KeyIdentifier issuer = OpenPGPSignature.getMostExpressiveIdentifier(signature.getKeyIdentifiers());
        if (issuer == null) {
            throw new SignatureException(revision, object.object(), Reason.UNTRUSTED_SIGNER, null,
                    "the signature names no issuer key");
        }
        String keyId = keyId(issuer);
        OpenPGPComponentKey key = null;
        for (OpenPGPCertificate cert : trusted) {
            key = cert.getKey(issuer);
            if (key != null) {
                break;
            }
        }
        if (key == null) {
            throw new SignatureException(revision, object.object(), Reason.UNTRUSTED_SIGNER, keyId,
                    "add its public key to the trusted keys if it is to be trusted");
        }
        OpenPGPCertificate cert = key.getCertificate();
        String fingerprint = Hex.toHexString(cert.getFingerprint()).toUpperCase(Locale.ROOT);
        keyId = Hex.toHexString(key.getKeyIdentifier().getKeyId() == 0 ? key.getPGPPublicKey().getFingerprint()
                : longBytes(key.getKeyIdentifier().getKeyId())).toUpperCase(Locale.ROOT);
        boolean correct;
        try {
            signature.init(OpenPGPImplementation.getInstance().pgpContentVerifierBuilderProvider(),
                    key.getPGPPublicKey());
            signature.update(object.payload());
            correct = signature.verify();
        } catch (PGPException e) {
            throw new SignatureException(revision, object.object(), Reason.BAD_SIGNATURE, keyId, e.getMessage());
        }
        if (!correct) {
            throw new SignatureException(revision, object.object(), Reason.BAD_SIGNATURE, keyId, null);
        }
        if (cert.getPrimaryKey().getRevocation(now) != null || key.getRevocation(now) != null) {
            throw new SignatureException(revision, object.object(), Reason.REVOKED_KEY, keyId,
                    "certificate " + fingerprint);
        }
        Date expiry = earliest(expiry(cert.getPrimaryKey(), now), expiry(key, now));
        if (expiry != null && !expiry.after(now)) {
            throw new SignatureException(revision, object.object(), Reason.EXPIRED_KEY, keyId,
                    "expired " + expiry.toInstant());
        }
        Date signedAt = signature.getCreationTime();
        if (!cert.getPrimaryKey().isBoundAt(signedAt) || !key.isBoundAt(signedAt) || !key.isSigningKey(signedAt)) {
            throw new SignatureException(revision, object.object(), Reason.NOT_A_SIGNING_KEY, keyId,
                    "signed " + signedAt.toInstant());
        }
        return new Signer(object.object(), "openpgp", keyId, fingerprint, identity(cert, now));
    }

    private static PGPSignature parse(String revision, SignedObject object) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(object.signature()))) {
            Object next = new BcPGPObjectFactory(in).nextObject();
            if (next instanceof PGPSignatureList list && !list.isEmpty()) {
                return list.get(0);
            }
        } catch (IOException | RuntimeException e) {
            // reported below: a garbled signature is refused like a missing one, with its own reason
        }
        throw new SignatureException(revision, object.object(), Reason.UNREADABLE_SIGNATURE, null,
                "not an OpenPGP signature");
    }

    private static Date expiry(OpenPGPComponentKey key, Date now) {
        try {
            return key.getKeyExpirationDateAt(now);
        } catch (RuntimeException e) {
            return null; // no self-signature at that time: the binding check below refuses it
        }
    }

    private static Date earliest(Date a, Date b) {
        if (a == null) {
            return b;
        }
        return b == null || a.before(b) ? a : b;
    }

    private static String identity(OpenPGPCertificate cert, Date now) {
        OpenPGPCertificate.OpenPGPUserId primary = cert.getPrimaryUserId(now);
        if (primary != null) {
            return primary.getUserId();
        }
        List<OpenPGPCertificate.OpenPGPUserId> all = cert.getAllUserIds();
        return all.isEmpty() ? "(no user id)" : all.get(0).getUserId();
    }

    private static String keyId(KeyIdentifier id) {
        if (id.getFingerprint() != null) {
            return Hex.toHexString(id.getFingerprint()).toUpperCase(Locale.ROOT);
        }
        return Hex.toHexString(longBytes(id.getKeyId())).toUpperCase(Locale.ROOT);
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }
}
