package io.jenkins.plugins.gitopssync.engine.verify;

import java.io.Serializable;
import java.util.List;

/** A revision whose signatures passed: the commit id, the mode asked for, and who signed what. */
public record VerifiedRevision(String revision, VerifyMode mode, List<Signer> signers) implements Serializable {

    public VerifiedRevision {
        signers = List.copyOf(signers);
    }

    /** Short form for the audit trail and the summary: the identities, each once, in order. */
    public String signedBy() {
        return String.join(", ", signers.stream().map(Signer::identity).distinct().toList());
    }

    /** For the audit trail: each object's signer with its key, e.g. {@code tag v1: Alice <a@x> (openpgp 0123...)}. */
    public String auditText() {
        return String.join("; ", signers.stream().map(s -> s.object().startsWith("commit ") ? "commit: " + s.identity()
                + " (" + s.format() + " " + s.fingerprint() + ")" : s.object() + ": " + s.identity() + " (" + s.format()
                + " " + s.fingerprint() + ")").toList());
    }
}
