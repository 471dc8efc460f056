package io.jenkins.plugins.gitopssync.engine.verify;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;

/** Armored OpenPGP public keys to BouncyCastle certificates. */
final class OpenPgpCertificates {

    private OpenPgpCertificates() {
    }

    static List<OpenPGPCertificate> parse(String origin, String armored) {
        try {
            List<OpenPGPCertificate> certs = new OpenPGPKeyReader().parseCertificates(armored);
            if (certs.isEmpty()) {
                throw new SyncException("trusted keys " + origin + ": no OpenPGP public key in the key block");
            }
            return certs;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SyncException se) {
                throw se;
            }
            throw new SyncException("trusted keys " + origin + ": not a readable OpenPGP public key ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    static List<OpenPGPCertificate> all(TrustedKeys keys) {
        List<OpenPGPCertificate> certs = new ArrayList<>();
        for (int i = 0; i < keys.openPgpKeys().size(); i++) {
            certs.addAll(parse("#" + (i + 1), keys.openPgpKeys().get(i)));
        }
        return certs;
    }
}
