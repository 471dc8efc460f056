package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.verify.SignatureCheck;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import io.jenkins.plugins.gitopssync.engine.verify.VerifyMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** --verify-signatures and --trusted-keys: which signatures the revision needs, and whose are accepted. */
final class SignatureOptions {

    @Option(names = "--verify-signatures", paramLabel = "commit|tag|both",
            description = "Refuse the revision unless its commit (commit), the annotated tag given with --ref (tag), "
                    + "or both are signed by a trusted key; checked before rendering or contacting the cluster.")
    String mode;

    @Option(names = "--trusted-keys", paramLabel = "FILE",
            description = "Armored OpenPGP public keys (gpg --armor --export) or an SSH allowed-signers file; "
                    + "told apart by content. Repeatable.")
    List<Path> trustedKeys = new ArrayList<>();

    /** Refuses meaningless combinations before anything is cloned. */
    void validate(boolean uncommitted) {
        if (mode == null) {
            if (!trustedKeys.isEmpty()) {
                throw new SyncException("--trusted-keys needs --verify-signatures commit|tag|both");
            }
            return;
        }
        mode();
        if (uncommitted) {
            throw new SyncException("--verify-signatures and --uncommitted exclude each other: uncommitted files"
                    + " carry no signature; commit (signed) and drop --uncommitted");
        }
        if (trustedKeys.isEmpty()) {
            throw new SyncException("--verify-signatures needs --trusted-keys FILE: the OpenPGP public keys or"
                    + " allowed-signers file whose signatures are accepted");
        }
    }

    boolean enabled() {
        return mode != null;
    }

    private VerifyMode mode() {
        try {
            return VerifyMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new SyncException("--verify-signatures " + mode + ": use commit, tag or both");
        }
    }

    /** The engine's check for this checkout, or null without --verify-signatures. */
    SignatureCheck check(Environment env, GitCheckout checkout) {
        if (mode == null) {
            return null;
        }
        if (checkout.gitDir() == null) {
            throw new SyncException("--verify-signatures needs a Git repository, but the source is "
                    + checkout.refLabel() + " (revision " + checkout.commitId() + ")");
        }
        TrustedKeys keys = TrustedKeys.none();
        for (Path file : trustedKeys) {
            keys = keys.plus(TrustedKeys.read(env.workingDirectory().resolve(file)));
        }
        return new SignatureCheck(checkout.gitDir(), checkout.commitId(), checkout.tagRef(), mode(), keys);
    }
}
