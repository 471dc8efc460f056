package io.jenkins.plugins.gitopssync.engine.verify;

import java.io.Serializable;

/**
 * Who signed one object of a verified revision; public data only.
 *
 * @param object      what was verified: {@code commit <id>} or {@code tag <name>}
 * @param format      {@code openpgp} or {@code ssh}
 * @param keyId       OpenPGP: the signing (sub)key's 16-hex-digit id; SSH: the key type
 * @param fingerprint OpenPGP: the certificate's (primary key's) fingerprint; SSH: {@code SHA256:...}
 * @param identity    OpenPGP: the certificate's primary user id; SSH: the principal from the allowed signers
 */
public record Signer(String object, String format, String keyId, String fingerprint, String identity)
        implements Serializable {

    /** One line: {@code commit 1a2b... signed by Alice <a@example.org> (openpgp key 0123..., fingerprint ...)}. */
    public String describe() {
        // an SSH key is named by its fingerprint alone
        String key = keyId.equals(fingerprint) ? keyId : keyId + ", fingerprint " + fingerprint;
        return object + " signed by " + identity + " (" + format + " key " + key + ")";
    }
}
