package io.jenkins.plugins.gitopssync.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedKeysTest {

    @TempDir
    Path dir;

    @Test
    void armoredKeysAndAllowedSignersAreToldApartByContent() throws IOException {
        SigningKit kit = new SigningKit(dir);
        String a = kit.gpgKey("A <a@example.org>");
        String b = kit.gpgKey("B <b@example.org>");
        Path ssh = kit.sshKey("c");
        Path pgpFile = Files.writeString(dir.resolve("keys.asc"), kit.exportPublic(a) + kit.exportPublic(b));
        Path signersFile = Files.writeString(dir.resolve("allowed_signers"),
                "# team\n\n" + kit.allowedSigner("c@example.org", ssh, "namespaces=\"git\"") + "\n");

        TrustedKeys pgp = TrustedKeys.read(pgpFile);
        TrustedKeys signers = TrustedKeys.read(signersFile);

        assertThat(pgp.openPgpKeys()).hasSize(2);
        assertThat(pgp.allowedSigners()).isEmpty();
        assertThat(signers.openPgpKeys()).isEmpty();
        assertThat(signers.allowedSigners()).singleElement().asString().startsWith("c@example.org namespaces=");
        assertThat(pgp.plus(signers).isEmpty()).isFalse();
        assertThat(OpenPgpCertificates.all(pgp)).hasSize(2);
    }

    @Test
    void privateKeysAreRefusedWithoutQuotingThem() {
        String secret = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQVYBGS3cr3tSecretMaterial\n-----END PGP PRIVATE KEY BLOCK-----\n";
        assertThatThrownBy(() -> TrustedKeys.parse("key.asc", secret)).isInstanceOf(SyncException.class)
                .hasMessageContaining("key.asc hold a private key").hasMessageNotContaining("SecretMaterial");
        assertThatThrownBy(() -> TrustedKeys.parse("id_ed25519",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----\n"))
                .hasMessageContaining("private key");
    }

    @Test
    void aPublicKeyLineWithoutPrincipalSaysHowToWriteIt() {
        assertThatThrownBy(() -> TrustedKeys.parse("signers", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB alice\n"))
                .hasMessageContaining("signers:1: an SSH public key without a principal");
    }

    @Test
    void textThatIsNoKeyIsRefused() {
        assertThatThrownBy(() -> TrustedKeys.parse("notes.txt", "hello world\n"))
                .hasMessageContaining("notes.txt:1: neither part of an armored OpenPGP public key");
        assertThatThrownBy(() -> TrustedKeys.parse("empty", "# nothing\n")).hasMessageContaining("hold no key");
        assertThatThrownBy(() -> TrustedKeys.parse("broken.asc",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64 at all!\n-----END PGP PUBLIC KEY BLOCK-----\n"))
                .hasMessageContaining("broken.asc");
    }

    @Test
    void modeWordsMatchTheCli() {
        assertThat(VerifyMode.parse("commit")).isEqualTo(VerifyMode.COMMIT);
        assertThat(VerifyMode.parse("TAG")).isEqualTo(VerifyMode.TAG);
        assertThat(VerifyMode.BOTH.word()).isEqualTo("both");
        assertThatThrownBy(() -> VerifyMode.parse("head")).hasMessageContaining("use commit, tag or both");
    }
}
