package io.jenkins.plugins.gitopssync.engine.verify;

import io.jenkins.plugins.gitopssync.engine.SyncException;

/**
 * A revision whose signature does not pass. The message names the revision, the object (commit or
 * tag), the signer's key id or fingerprint when the signature names one, and the reason; nothing
 * was read from or written to the cluster.
 */
public final class SignatureException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final String keyId;

    public SignatureException(String revision, String object, Reason reason, String keyId, String detail) {
        super(message(revision, object, reason, keyId, detail));
        this.reason = reason;
        this.keyId = keyId;
    }

    public Reason reason() {
        return reason;
    }

    /** The signing key's id or fingerprint, or null when the signature names none (or there is none). */
    public String keyId() {
        return keyId;
    }

    private static String message(String revision, String object, Reason reason, String keyId, String detail) {
        StringBuilder m = new StringBuilder("signature check refused revision ").append(shortId(revision)).append(": ")
                .append(object).append(' ').append(reason.phrase());
        if (keyId != null && !keyId.isBlank()) {
            m.append(" (key ").append(keyId).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            m.append("; ").append(detail);
        }
        return m.append("; nothing was read from or written to the cluster").toString();
    }

    static String shortId(String id) {
        return id != null && id.matches("[0-9a-f]{40,64}") ? id.substring(0, 12) : String.valueOf(id);
    }
}
