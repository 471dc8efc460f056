package io.jenkins.plugins.gitopssync.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with a private cache and home, capturing stdout and stderr. */
final class CliRunner {

    record Run(int exitCode, String out, String err) {
        String all() {
            return out + "\n" + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** The project's examples directory (tests run in cli/). */
    static Path examples() {
        Path p = Path.of("..", "examples").toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("examples/ not found at " + p);
        }
        return p;
    }

    private final Path workingDirectory;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    CliRunner(Path tempDir) {
        this.workingDirectory = tempDir;
        this.home = tempDir.resolve("home");
        env.put(Environment.CACHE, tempDir.resolve("cache").toString());
        // kubectl (for Kustomize) is found on the real PATH
        String path = System.getenv("PATH");
        if (path != null) {
            env.put("PATH", path);
        }
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path cacheDir() {
        return Path.of(env.get(Environment.CACHE));
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, workingDirectory, home);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
