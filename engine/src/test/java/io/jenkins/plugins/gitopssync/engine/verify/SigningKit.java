package io.jenkins.plugins.gitopssync.engine.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real keys and real signed commits, made with Debian's gpg and ssh-keygen and the git command (as a
 * user would), in a temporary GNUPGHOME and with no global Git configuration.
 */
public final class SigningKit {

    private final Path dir;
    private final Path gnupgHome;
    private int gpgWrappers;

    public SigningKit(Path dir) throws IOException {
        this.dir = dir;
        this.gnupgHome = Files.createDirectories(dir.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** Generates an ed25519 signing key without passphrase; returns its fingerprint. */
    public String gpgKey(String uid, String expires, String fakedTime) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("gpg", "--batch", "--passphrase", ""));
        if (fakedTime != null) {
            cmd.addAll(List.of("--faked-system-time", fakedTime + "!"));
        }
        cmd.addAll(List.of("--quick-gen-key", uid, "ed25519", "sign", expires));
        run(dir, null, cmd);
        String colons = run(dir, null, List.of("gpg", "--with-colons", "--fingerprint", "--list-keys", uid));
        for (String line : colons.split("\n")) {
            if (line.startsWith("fpr:")) {
                return line.split(":")[9];
            }
        }
        throw new IllegalStateException("no fingerprint for " + uid + ": " + colons);
    }

    public String gpgKey(String uid) throws IOException {
        return gpgKey(uid, "never", null);
    }

    /** The armored public key, as {@code gpg --armor --export} gives it. */
    public String exportPublic(String fingerprint) throws IOException {
        return run(dir, null, List.of("gpg", "--armor", "--export", fingerprint));
    }

    /** Imports the revocation certificate gpg made at generation time: the key is now revoked. */
    public void revoke(String fingerprint) throws IOException {
        Path rev = gnupgHome.resolve("openpgp-revocs.d").resolve(fingerprint + ".rev");
        // gpg prefixes the armor line with ':' so the certificate is not imported by accident
        String text = Files.readString(rev).replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        Path clean = dir.resolve(fingerprint + ".rev.asc");
        Files.writeString(clean, text);
        run(dir, null, List.of("gpg", "--batch", "--import", clean.toString()));
    }

    /** An ed25519 SSH key without passphrase; returns the private key's path (the public one is {@code .pub}). */
    public Path sshKey(String name) throws IOException {
        Path key = dir.resolve(name);
        run(dir, null, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString()));
        return key;
    }

    /** An allowed-signers line for the key: {@code principal [options] ssh-ed25519 AAAA...}. */
    public String allowedSigner(String principal, Path key, String options) throws IOException {
        String pub = Files.readString(Path.of(key + ".pub")).strip();
        String[] parts = pub.split(" ");
        return principal + (options == null ? "" : " " + options) + " " + parts[0] + " " + parts[1];
    }

    /** Git options that sign with this OpenPGP key, optionally at a faked time (gpg.program wrapper). */
    public List<String> signWithGpg(String fingerprint, String fakedTime) throws IOException {
        Path wrapper = dir.resolve("gpg-wrapper-" + (++gpgWrappers));
        Files.writeString(wrapper, "#!/bin/sh\nexec gpg" + (fakedTime == null ? "" : " --faked-system-time " + fakedTime + "!")
                + " \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        return List.of("-c", "gpg.format=openpgp", "-c", "gpg.program=" + wrapper, "-c", "user.signingkey=" + fingerprint);
    }

    public List<String> signWithSsh(Path key) {
        return List.of("-c", "gpg.format=ssh", "-c", "user.signingkey=" + key + ".pub");
    }

    /** A repository made with the git command; each method returns the new commit or tag's object id. */
    public Repo repo(String name) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        Repo repo = new Repo(root);
        repo.git(List.of(), "init", "-q", "-b", "main");
        return repo;
    }

    public final class Repo {
        private final Path root;
        private String date;

        Repo(Path root) {
            this.root = root;
        }

        public Path root() {
            return root;
        }

        public Path gitDir() {
            return root.resolve(".git");
        }

        /** Author and committer date of later commits and tags (git's format, e.g. 2020-03-01T00:00:00Z). */
        public Repo at(String gitDate) {
            this.date = gitDate;
            return this;
        }

        public Repo write(String file, String content) throws IOException {
            Path p = root.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        }

        /** Commits all files; {@code signing} are git options from signWithGpg/signWithSsh, or empty. */
        public String commit(String message, List<String> signing) throws IOException {
            git(List.of(), "add", "-A");
            List<String> args = new ArrayList<>(List.of("commit", "-q", "--allow-empty", "-m", message));
            if (!signing.isEmpty()) {
                args.add("-S");
            }
            git(signing, args.toArray(String[]::new));
            return head();
        }

        /** git commit --amend without signing: the new commit has no signature. */
        public String amendUnsigned(String message) throws IOException {
            git(List.of(), "commit", "-q", "--amend", "--no-gpg-sign", "-m", message);
            return head();
        }

        public void tag(String name, List<String> signing) throws IOException {
            if (signing.isEmpty()) {
                git(List.of(), "tag", "-a", name, "-m", "release " + name);
            } else {
                git(signing, "tag", "-s", name, "-m", "release " + name);
            }
        }

        public void lightweightTag(String name) throws IOException {
            git(List.of(), "tag", name);
        }

        public String head() throws IOException {
            return git(List.of(), "rev-parse", "HEAD").strip();
        }

        public String git(List<String> options, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of("git"));
            cmd.addAll(options);
            cmd.addAll(List.of(args));
            Map<String, String> env = new HashMap<>();
            env.put("GIT_AUTHOR_NAME", "Alice");
            env.put("GIT_AUTHOR_EMAIL", "alice@example.org");
            env.put("GIT_COMMITTER_NAME", "Alice");
            env.put("GIT_COMMITTER_EMAIL", "alice@example.org");
            if (date != null) {
                env.put("GIT_AUTHOR_DATE", date);
                env.put("GIT_COMMITTER_DATE", date);
            }
            return run(root, env, cmd);
        }
    }

    private String run(Path cwd, Map<String, String> extraEnv, List<String> cmd) throws IOException {
        Path errors = dir.resolve("stderr.txt");
        Files.deleteIfExists(errors);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectError(ProcessBuilder.Redirect.to(errors.toFile()));
        Map<String, String> env = pb.environment();
        env.put("GNUPGHOME", gnupgHome.toString());
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", dir.toString());
        if (extraEnv != null) {
            env.putAll(extraEnv);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out
                    + Files.readString(errors));
        }
        return out;
    }
}
