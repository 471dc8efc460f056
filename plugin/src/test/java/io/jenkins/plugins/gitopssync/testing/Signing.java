package io.jenkins.plugins.gitopssync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real signing keys and signed commits, made with the machine's ssh-keygen, gpg and git (Debian's
 * openssh-client, gnupg and git), in a test's temporary folder.
 */
public final class Signing {

    private Signing() {
    }

    /** An SSH key pair; {@code allowedSigners} is its line for an allowed-signers file. */
    public record SshKey(Path privateKey, String allowedSigners) {
    }

    /** An OpenPGP key in its own GnuPG home; {@code armoredPublicKey} is what a user would trust. */
    public record PgpKey(Path home, String fingerprint, String armoredPublicKey) {
    }

    public static SshKey sshKey(Path dir, String principal) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path key = dir.resolve("id_ed25519");
        run(dir, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", principal, "-f", key.toString());
        String pub = Files.readString(dir.resolve("id_ed25519.pub"), StandardCharsets.UTF_8).trim();
        String[] parts = pub.split(" ");
        return new SshKey(key, principal + " " + parts[0] + " " + parts[1]);
    }

    public static PgpKey pgpKey(Path home, String userId) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = Map.of("GNUPGHOME", home.toString());
        run(home, env, "gpg", "--batch", "--passphrase", "", "--quick-gen-key", userId, "ed25519", "sign", "never");
        String colons = run(home, env, "gpg", "--batch", "--with-colons", "--list-keys", userId);
        String fingerprint = colons.lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
        String armored = run(home, env, "gpg", "--batch", "--armor", "--export", fingerprint);
        return new PgpKey(home, fingerprint, armored);
    }

    /** Commits everything in the repository, signed with the SSH key; returns the commit id. */
    public static String commitSignedWith(Path repo, SshKey key, String message) throws IOException, InterruptedException {
        return commit(repo, Map.of(), "-c", "gpg.format=ssh", "-c", "user.signingkey=" + key.privateKey(), "commit", "-q", "-S",
                "-m", message);
    }

    /** Commits everything in the repository, signed with the OpenPGP key; returns the commit id. */
    public static String commitSignedWith(Path repo, PgpKey key, String message) throws IOException, InterruptedException {
        return commit(repo, Map.of("GNUPGHOME", key.home().toString()), "-c", "gpg.format=openpgp",
                "-c", "user.signingkey=" + key.fingerprint(), "commit", "-q", "-S", "-m", message);
    }

    /** Stops the GnuPG agent a key's home started. */
    public static void stopAgent(PgpKey key) {
        try {
            run(key.home(), Map.of("GNUPGHOME", key.home().toString()), "gpgconf", "--kill", "gpg-agent");
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the agent may not have started
        }
    }

    private static String commit(Path repo, Map<String, String> env, String... args) throws IOException, InterruptedException {
        run(repo, env, "git", "add", "-A");
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=GitOps Test", "-c", "user.email=gitops-test@example.com"));
        cmd.addAll(List.of(args));
        run(repo, env, cmd.toArray(String[]::new));
        return run(repo, env, "git", "rev-parse", "HEAD").trim();
    }

    private static String run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
