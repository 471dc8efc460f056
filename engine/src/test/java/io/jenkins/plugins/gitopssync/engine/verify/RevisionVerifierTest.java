package io.jenkins.plugins.gitopssync.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real keys (gpg, ssh-keygen) and real signed commits and tags (git), checked by {@link RevisionVerifier}. */
class RevisionVerifierTest {

    @TempDir
    static Path dir;

    static SigningKit kit;
    static String alice;
    static String mallory;
    static Path aliceSsh;
    static Path mallorySsh;
    static TrustedKeys trustAlicePgp;
    static TrustedKeys trustAliceSsh;

    @BeforeAll
    static void keys() throws IOException {
        kit = new SigningKit(dir);
        alice = kit.gpgKey("Alice <alice@example.org>");
        mallory = kit.gpgKey("Mallory <mallory@example.org>");
        aliceSsh = kit.sshKey("alice-ssh");
        mallorySsh = kit.sshKey("mallory-ssh");
        trustAlicePgp = TrustedKeys.parse("alice.asc", kit.exportPublic(alice));
        trustAliceSsh = TrustedKeys.parse("allowed_signers", kit.allowedSigner("alice@example.org", aliceSsh, null));
    }

    private static VerifiedRevision verify(SigningKit.Repo repo, String commit, String tag, VerifyMode mode,
                                           TrustedKeys keys) {
        return RevisionVerifier.verify(new SignatureCheck(repo.gitDir(), commit, tag, mode, keys));
    }

    private static SignatureException refusal(SigningKit.Repo repo, String commit, String tag, VerifyMode mode,
                                              TrustedKeys keys) {
        try {
            verify(repo, commit, tag, mode, keys);
        } catch (SignatureException e) {
            return e;
        }
        throw new AssertionError("expected " + commit + " to be refused");
    }

    @Test
    void commitSignedByTrustedOpenPgpKeyVerifies() throws IOException {
        SigningKit.Repo repo = kit.repo("pgp-ok");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("signed", kit.signWithGpg(alice, null));

        VerifiedRevision v = verify(repo, commit, null, VerifyMode.COMMIT, trustAlicePgp);

        assertThat(v.revision()).isEqualTo(commit);
        assertThat(v.signers()).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo("openpgp");
            assertThat(s.fingerprint()).isEqualTo(alice);
            assertThat(alice).endsWith(s.keyId());
            assertThat(s.identity()).isEqualTo("Alice <alice@example.org>");
            assertThat(s.object()).isEqualTo("commit " + commit);
        });
    }

    @Test
    void commitSignedByTrustedSshKeyVerifies() throws IOException {
        SigningKit.Repo repo = kit.repo("ssh-ok");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("signed", kit.signWithSsh(aliceSsh));

        VerifiedRevision v = verify(repo, commit, null, VerifyMode.COMMIT, trustAliceSsh);

        assertThat(v.signers()).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo("ssh");
            assertThat(s.fingerprint()).startsWith("SHA256:");
            assertThat(s.identity()).isEqualTo("alice@example.org");
        });
    }

    @Test
    void unsignedCommitIsRefused() throws IOException {
        SigningKit.Repo repo = kit.repo("unsigned");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("plain", List.of());

        SignatureException e = refusal(repo, commit, null, VerifyMode.COMMIT, trustAlicePgp);

        assertThat(e.reason()).isEqualTo(Reason.UNSIGNED);
        assertThat(e.getMessage()).contains(commit.substring(0, 12)).contains("is not signed")
                .contains("nothing was read from or written to the cluster");
    }

    @Test
    void commitSignedByUntrustedOpenPgpKeyIsRefusedNamingTheKey() throws IOException {
        SigningKit.Repo repo = kit.repo("pgp-untrusted");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("mallory", kit.signWithGpg(mallory, null));

        SignatureException e = refusal(repo, commit, null, VerifyMode.COMMIT, trustAlicePgp);

        assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER);
        // the signature names the issuer's fingerprint (gpg 2.2 adds it), or at least its key id
        assertThat(mallory).endsWith(e.keyId().substring(e.keyId().length() - 16));
        assertThat(e.getMessage()).contains(e.keyId()).contains("not among the trusted keys");
    }

    @Test
    void commitSignedByUntrustedSshKeyIsRefused() throws IOException {
        SigningKit.Repo repo = kit.repo("ssh-untrusted");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("mallory", kit.signWithSsh(mallorySsh));

        SignatureException e = refusal(repo, commit, null, VerifyMode.COMMIT, trustAliceSsh);

        assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER);
        assertThat(e.keyId()).startsWith("SHA256:");
    }

    @Test
    void sshSignatureWithOnlyOpenPgpKeysTrustedIsRefused() throws IOException {
        SigningKit.Repo repo = kit.repo("ssh-vs-pgp");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("ssh", kit.signWithSsh(aliceSsh));

        assertThat(refusal(repo, commit, null, VerifyMode.COMMIT, trustAlicePgp).reason())
                .isEqualTo(Reason.UNTRUSTED_SIGNER);
    }

    @Test
    void signedThenAmendedWithoutSigningIsRefused() throws IOException {
        SigningKit.Repo repo = kit.repo("amended");
        String signed = repo.write("cm.yaml", "a: 1\n").commit("signed", kit.signWithGpg(alice, null));
        repo.write("cm.yaml", "a: 2\n").git(List.of(), "add", "-A");
        String amended = repo.amendUnsigned("signed, then amended");

        assertThat(verify(repo, signed, null, VerifyMode.COMMIT, trustAlicePgp).signers()).hasSize(1);
        assertThat(refusal(repo, amended, null, VerifyMode.COMMIT, trustAlicePgp).reason()).isEqualTo(Reason.UNSIGNED);
    }

    @Test
    void alteredCommitHasABadSignature() throws IOException {
        SigningKit.Repo repo = kit.repo("altered");
        String signed = repo.write("cm.yaml", "a: 1\n").commit("deploy v1", kit.signWithGpg(alice, null));
        // the same object with another message keeps the signature, which no longer matches
        String raw = repo.git(List.of(), "cat-file", "commit", signed);
        Path forged = dir.resolve("forged-commit");
        Files.writeString(forged, raw.replace("deploy v1", "deploy v2"));
        String forgedId = repo.git(List.of(), "hash-object", "-t", "commit", "-w", forged.toString()).strip();

        SignatureException e = refusal(repo, forgedId, null, VerifyMode.COMMIT, trustAlicePgp);

        assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(alice).endsWith(e.keyId());
    }

    @Test
    void alteredSshSignedCommitHasABadSignature() throws IOException {
        SigningKit.Repo repo = kit.repo("altered-ssh");
        String signed = repo.write("cm.yaml", "a: 1\n").commit("deploy v1", kit.signWithSsh(aliceSsh));
        String raw = repo.git(List.of(), "cat-file", "commit", signed);
        Path forged = dir.resolve("forged-ssh-commit");
        Files.writeString(forged, raw.replace("deploy v1", "deploy v2"));
        String forgedId = repo.git(List.of(), "hash-object", "-t", "commit", "-w", forged.toString()).strip();

        assertThat(refusal(repo, forgedId, null, VerifyMode.COMMIT, trustAliceSsh).reason())
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void commitSignedByAnExpiredOpenPgpKeyIsRefused() throws IOException {
        // made and used in 2020 (gpg's faked time), expired since 2020-06-01
        String old = kit.gpgKey("Old <old@example.org>", "2020-06-01", "20200101T000000");
        SigningKit.Repo repo = kit.repo("expired").at("2020-03-01T00:00:00Z");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("old", kit.signWithGpg(old, "20200301T000000"));
        TrustedKeys trusted = TrustedKeys.parse("old.asc", kit.exportPublic(old));

        SignatureException e = refusal(repo, commit, null, VerifyMode.COMMIT, trusted);

        assertThat(e.reason()).isEqualTo(Reason.EXPIRED_KEY);
        assertThat(e.getMessage()).contains("expired 2020-06-01");
    }

    @Test
    void commitSignedByARevokedOpenPgpKeyIsRefused() throws IOException {
        String bob = kit.gpgKey("Bob <bob@example.org>");
        SigningKit.Repo repo = kit.repo("revoked");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("bob", kit.signWithGpg(bob, null));
        TrustedKeys beforeRevocation = TrustedKeys.parse("bob.asc", kit.exportPublic(bob));
        kit.revoke(bob);
        TrustedKeys afterRevocation = TrustedKeys.parse("bob.asc", kit.exportPublic(bob));

        assertThat(verify(repo, commit, null, VerifyMode.COMMIT, beforeRevocation).signers()).hasSize(1);
        SignatureException e = refusal(repo, commit, null, VerifyMode.COMMIT, afterRevocation);
        assertThat(e.reason()).isEqualTo(Reason.REVOKED_KEY);
        assertThat(e.getMessage()).contains(bob);
    }

    @Test
    void sshKeyPastItsValidBeforeIsRefusedAsExpired() throws IOException {
        SigningKit.Repo repo = kit.repo("ssh-expired");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("late", kit.signWithSsh(aliceSsh));
        TrustedKeys until2020 = TrustedKeys.parse("allowed_signers",
                kit.allowedSigner("alice@example.org", aliceSsh, "valid-before=\"20200101\""));

        assertThat(refusal(repo, commit, null, VerifyMode.COMMIT, until2020).reason()).isEqualTo(Reason.EXPIRED_KEY);
    }

    @Test
    void trustedSignedTagOnAnUnsignedCommitPassesTagModeOnly() throws IOException {
        SigningKit.Repo repo = kit.repo("tag-on-unsigned");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("unsigned", List.of());
        repo.tag("v1.0", kit.signWithGpg(alice, null));

        VerifiedRevision tagOnly = verify(repo, commit, "v1.0", VerifyMode.TAG, trustAlicePgp);
        assertThat(tagOnly.signers()).singleElement().satisfies(s -> {
            assertThat(s.object()).isEqualTo("tag v1.0");
            assertThat(s.identity()).isEqualTo("Alice <alice@example.org>");
        });
        SignatureException both = refusal(repo, commit, "refs/tags/v1.0", VerifyMode.BOTH, trustAlicePgp);
        assertThat(both.reason()).isEqualTo(Reason.UNSIGNED);
        assertThat(both.getMessage()).contains("commit " + commit).contains("tags pointing at signed commits");
        assertThat(refusal(repo, commit, "v1.0", VerifyMode.COMMIT, trustAlicePgp).reason()).isEqualTo(Reason.UNSIGNED);
    }

    @Test
    void bothModeWithSignedTagAndSignedCommitNamesBothSigners() throws IOException {
        SigningKit.Repo repo = kit.repo("both-ok");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("signed", kit.signWithSsh(aliceSsh));
        repo.tag("v2.0", kit.signWithGpg(alice, null));

        VerifiedRevision v = verify(repo, commit, "v2.0", VerifyMode.BOTH, trustAlicePgp.plus(trustAliceSsh));

        assertThat(v.signers()).extracting(Signer::object, Signer::format)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tag v2.0", "openpgp"),
                        org.assertj.core.groups.Tuple.tuple("commit " + commit, "ssh"));
        assertThat(v.signedBy()).isEqualTo("Alice <alice@example.org>, alice@example.org");
    }

    @Test
    void tagModeNeedsAnAnnotatedSignedTagOfThatCommit() throws IOException {
        SigningKit.Repo repo = kit.repo("tag-cases");
        String first = repo.write("cm.yaml", "a: 1\n").commit("one", kit.signWithGpg(alice, null));
        repo.tag("signed-unsigned", List.of());
        repo.lightweightTag("light");
        repo.tag("v1", kit.signWithGpg(alice, null));
        String second = repo.write("cm.yaml", "a: 2\n").commit("two", kit.signWithGpg(alice, null));

        assertThat(refusal(repo, first, null, VerifyMode.TAG, trustAlicePgp).reason()).isEqualTo(Reason.NO_TAG);
        assertThat(refusal(repo, first, "nope", VerifyMode.TAG, trustAlicePgp).reason()).isEqualTo(Reason.NO_TAG);
        assertThat(refusal(repo, first, "light", VerifyMode.TAG, trustAlicePgp).getMessage()).contains("lightweight");
        assertThat(refusal(repo, first, "signed-unsigned", VerifyMode.TAG, trustAlicePgp).reason())
                .isEqualTo(Reason.UNSIGNED);
        SignatureException elsewhere = refusal(repo, second, "v1", VerifyMode.TAG, trustAlicePgp);
        assertThat(elsewhere.reason()).isEqualTo(Reason.TAG_MISMATCH);
        assertThat(elsewhere.getMessage()).contains("points at " + first.substring(0, 12));
    }

    @Test
    void noTrustedKeysIsAnError() throws IOException {
        SigningKit.Repo repo = kit.repo("no-keys");
        String commit = repo.write("cm.yaml", "a: 1\n").commit("signed", kit.signWithGpg(alice, null));

        assertThatThrownBy(() -> verify(repo, commit, null, VerifyMode.COMMIT, TrustedKeys.none()))
                .isInstanceOf(SyncException.class).hasMessageContaining("no trusted keys given");
    }
}
