package io.jenkins.plugins.gitopssync.engine.verify;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifier.SignatureVerification;
import org.eclipse.jgit.signing.ssh.SshSignatureVerifierFactory;

/**
 * Checks an SSH signature ({@code gpg.format=ssh}) with JGit's SSH signature verifier (Apache MINA
 * sshd underneath), which reads OpenSSH's allowed-signers format from a file named by
 * {@code gpg.ssh.allowedSignersFile}: the trusted lines are written to a private temporary file for
 * the one check, so no global Git configuration is read or changed.
 */
final class SshVerifier {

    private final List<String> allowedSigners;

    SshVerifier(List<String> allowedSigners) {
        this.allowedSigners = allowedSigners;
    }

    Signer verify(Repository repository, String revision, SignedObject object) {
        if (allowedSigners.isEmpty()) {
            throw new SignatureException(revision, object.object(), Reason.UNTRUSTED_SIGNER, null,
                    "it has an SSH signature and no allowed-signers lines are among the trusted keys");
        }
        Path file = null;
        try {
            file = privateTempFile();
            Files.writeString(file, String.join("\n", allowedSigners) + "\n", StandardCharsets.UTF_8);
            Config config = new Config();
            config.setString("gpg", "ssh", "allowedSignersFile", file.toAbsolutePath().toString());
            SignatureVerifier verifier = new SshSignatureVerifierFactory().create();
            SignatureVerification v;
            try {
                v = verifier.verify(repository, new GpgConfig(config), object.payload(), object.signature());
            } finally {
                verifier.clear(); // JGit caches parsed allowed-signers files by path; this one is gone after
            }
            return signer(revision, object, v);
        } catch (IOException e) {
            throw new SyncException("cannot check the SSH signature of " + object.object() + ": " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file of public keys; the OS cleans it up
                }
            }
        }
    }

    /** Owner-only where the file system knows POSIX permissions (a Windows agent does not). */
    private static Path privateTempFile() throws IOException {
        try {
            return Files.createTempFile("gitops-sync-allowed-signers", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile("gitops-sync-allowed-signers", "");
        }
    }

    private static Signer signer(String revision, SignedObject object, SignatureVerification v) {
        String fingerprint = v.keyFingerprint();
        if (v.verified()) {
            return new Signer(object.object(), "ssh", fingerprint, fingerprint, v.keyUser());
        }
        String message = v.message();
        Reason reason;
        if (v.expired()) {
            reason = Reason.EXPIRED_KEY;
        } else if (v.trustLevel() == SignatureVerifier.TrustLevel.UNKNOWN) {
            // the signature is good, but no allowed-signers line names its key
            reason = Reason.UNTRUSTED_SIGNER;
            message = "add an allowed-signers line for it if it is to be trusted";
        } else if (fingerprint == null) {
            reason = Reason.UNREADABLE_SIGNATURE;
        } else if (message != null && message.contains("revoked")) {
            reason = Reason.REVOKED_KEY;
        } else if (message != null && message.contains("not valid yet")) {
            reason = Reason.NOT_A_SIGNING_KEY;
        } else {
            reason = Reason.BAD_SIGNATURE;
        }
        throw new SignatureException(revision, object.object(), reason, fingerprint, message);
    }
}
