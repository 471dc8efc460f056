package io.jenkins.plugins.gitopssync.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A repository made with the git command, its commits signed (or not) with an ssh-keygen key. */
final class SshSignedRepo {

    private final Path dir;
    private final Path key;

    SshSignedRepo(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.key = dir.resolveSibling(dir.getFileName() + "-signing-key");
        run(dir.getParent(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "alice", "-f", key.toString());
        git("init", "-q", "-b", "main");
    }

    Path dir() {
        return dir;
    }

    /** The allowed-signers line that trusts this repository's signing key. */
    String allowedSigner(String principal) throws IOException {
        String[] pub = Files.readString(Path.of(key + ".pub")).strip().split(" ");
        return principal + " " + pub[0] + " " + pub[1] + "\n";
    }

    String commit(String file, String content, boolean sign) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        git("add", "-A");
        if (sign) {
            git("-c", "gpg.format=ssh", "-c", "user.signingkey=" + key + ".pub", "commit", "-q", "-S", "-m", file);
        } else {
            git("commit", "-q", "-m", file);
        }
        return git("rev-parse", "HEAD").strip();
    }

    private String git(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return run(dir, cmd.toArray(String[]::new));
    }

    private String run(Path cwd, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Alice");
        env.put("GIT_AUTHOR_EMAIL", "alice@example.org");
        env.put("GIT_COMMITTER_NAME", "Alice");
        env.put("GIT_COMMITTER_EMAIL", "alice@example.org");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}
