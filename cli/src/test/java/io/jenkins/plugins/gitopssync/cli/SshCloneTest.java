package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clone over ssh with the key file and known_hosts named by the environment, against a real SSH
 * server on loopback (Apache MINA sshd, serving git-upload-pack with JGit), key authentication only.
 */
class SshCloneTest {

    @TempDir
    Path tmp;

    private SshServer server;
    /** "type base64" of the one client key the server accepts. */
    private volatile String acceptedKey;
    private KeyPair hostKey;
    private TestRepo repo;

    @BeforeEach
    void startServer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        hostKey = generator.generateKeyPair();
        repo = TestRepo.create(tmp.resolve("served"));

        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> PublicKeyEntry.toString(key).equals(acceptedKey));
        server.setCommandFactory((channel, command) -> new UploadPackCommand(repo.dir().resolve(".git"), command));
        server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop(true);
        }
        if (repo != null) {
            repo.close();
        }
    }

    /** An RSA key in PKCS#8 PEM, made with the JDK (no external tool). */
    @Test
    void clonesWithAnRsaKeyFileAndKnownHostsFromTheEnvironment() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair clientKey = rsa.generateKeyPair();
        Path key = tmp.resolve("id_rsa");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(clientKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        acceptedKey = PublicKeyEntry.toString(clientKey.getPublic());
        cloneAndCheck(key);
    }

    /** Keys as people have them: OpenSSH format from ssh-keygen (ed25519 is its default type). */
    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void clonesWithAnOpenSshKeyFromSshKeygen(String type) throws Exception {
        Path key = tmp.resolve("id_" + type);
        Process p;
        try {
            p = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.assumeTrue(false, "ssh-keygen is not installed");
            return;
        }
        assertThat(p.waitFor()).isZero();
        String[] pub = Files.readString(key.resolveSibling(key.getFileName() + ".pub")).trim().split(" ");
        acceptedKey = pub[0] + " " + pub[1];
        cloneAndCheck(key);
    }

    /** An encrypted key: the passphrase comes from the environment and is never printed. */
    @Test
    void encryptedKeyNeedsThePassphraseFromTheEnvironment() throws Exception {
        Path key = tmp.resolve("id_locked");
        String passphrase = "correct-horse-battery-staple";
        Process p;
        try {
            p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-f", key.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.assumeTrue(false, "ssh-keygen is not installed");
            return;
        }
        assertThat(p.waitFor()).isZero();
        String[] pub = Files.readString(key.resolveSibling("id_locked.pub")).trim().split(" ");
        acceptedKey = pub[0] + " " + pub[1];
        repo.write("config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: locked\n").commit("c");
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
        String url = "ssh://git@127.0.0.1:" + server.getPort() + "/served.git";

        CliRunner.Run without = new CliRunner(tmp.resolve("a")).env(GitCredentials.SSH_KEY_FILE, key.toString())
                .env(GitCredentials.SSH_KNOWN_HOSTS, knownHosts.toString()).run("build", "--repo", url);
        assertThat(without.exitCode()).as(without.toString()).isEqualTo(2);

        CliRunner.Run with = new CliRunner(tmp.resolve("b")).env(GitCredentials.SSH_KEY_FILE, key.toString())
                .env(GitCredentials.SSH_KNOWN_HOSTS, knownHosts.toString())
                .env(GitCredentials.SSH_KEY_PASSPHRASE, passphrase).run("build", "--verbose", "--repo", url);
        assertThat(with.exitCode()).as(with.toString()).isZero();
        assertThat(with.out()).contains("name: locked");
        assertThat(with.all() + without.all()).doesNotContain(passphrase);
    }

    private void cloneAndCheck(Path key) throws Exception {
        String id = repo.write("config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: over-ssh\n").commit("c");
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
        String url = "ssh://git@127.0.0.1:" + server.getPort() + "/served.git";

        CliRunner.Run run = new CliRunner(tmp)
                .env(GitCredentials.SSH_KEY_FILE, key.toString())
                .env(GitCredentials.SSH_KNOWN_HOSTS, knownHosts.toString())
                .run("build", "--repo", url);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("checked out " + id);
        assertThat(run.out()).contains("name: over-ssh");
        assertThat(run.all()).doesNotContain("PRIVATE KEY");

        // the host key is not known: refused, one error line
        Path otherKnownHosts = tmp.resolve("known_hosts_empty");
        Files.writeString(otherKnownHosts, "");
        CliRunner.Run unknownHost = new CliRunner(tmp.resolve("second"))
                .env(GitCredentials.SSH_KEY_FILE, key.toString())
                .env(GitCredentials.SSH_KNOWN_HOSTS, otherKnownHosts.toString())
                .run("build", "--repo", url);
        assertThat(unknownHost.exitCode()).as(unknownHost.toString()).isEqualTo(2);
        assertThat(unknownHost.err()).contains("error: git: cannot fetch ssh://127.0.0.1:" + server.getPort());
    }

    /** Serves "git-upload-pack '<path>'" from one repository, as a Git server does. */
    private static final class UploadPackCommand implements Command {
        private final Path gitDir;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        UploadPackCommand(Path gitDir, String command) {
            this.gitDir = gitDir;
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, org.apache.sshd.server.Environment env) {
            Thread t = new Thread(() -> {
                int code = 0;
                try (Repository r = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
                    if (!command.startsWith("git-upload-pack")) {
                        throw new IllegalArgumentException("unsupported: " + command);
                    }
                    new UploadPack(r).upload(in, out, err);
                } catch (Exception e) {
                    code = 1;
                } finally {
                    exit.onExit(code);
                }
            }, "upload-pack");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }
}
