package io.jenkins.plugins.gitopssync.engine;

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
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        for (int allowed : ok) {
            if (code == allowed) {
                return out;
            }
        }
        throw new AssertionError("git " + String.join(" ", args) + " exited with " + code + " in " + dir);
    }
}
