package io.jenkins.plugins.gitopssync.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the real git in a directory, for tests that take git's own answer as the reference. */
public final class GitOracle {

    private GitOracle() {
    }

    /** Standard output of {@code git args...}; a failed git fails the test unless its exit code is in {@code ok}. */
    public static String git(Path dir, int[] ok, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // git's answer for the files alone: no user or system config, no global ignore file (its default
        // lives under HOME or XDG_CONFIG_HOME)
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve(".no-config").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        for (int allowed : ok) {
            if (code == allowed) {
                return out;
            }
        }
        throw new AssertionError("git " + String.join(" ", args) + " exited with " + code + " in " + dir);
    }

    /** The commit git itself picks for {@code name} in the repository at {@code dir} ({@code git rev-parse}). */
    public static String revParse(Path dir, String name) {
        try {
            return git(dir, new int[] {0}, "rev-parse", "--verify", "--quiet", name + "^{commit}").strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
