package io.jenkins.plugins.gitopssync.engine.verify;

/** Why a revision's signature was refused; {@link #phrase()} is what the error message says. */
public enum Reason {
    UNSIGNED("is not signed"),
    BAD_SIGNATURE("has a bad signature (the signed content does not match: altered after signing?)"),
    UNTRUSTED_SIGNER("is signed by a key that is not among the trusted keys"),
    EXPIRED_KEY("is signed by an expired key"),
    REVOKED_KEY("is signed by a revoked key"),
    NOT_A_SIGNING_KEY("is signed by a key that was not valid for signing at the time"),
    UNREADABLE_SIGNATURE("has a signature that cannot be read"),
    NO_TAG("was not asked for by an annotated tag"),
    TAG_MISMATCH("does not point at the commit that was checked out");

    private final String phrase;

    Reason(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }
}
