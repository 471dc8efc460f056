package io.jenkins.plugins.gitopssync.engine.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs processes in this JVM's machine: the CLI's runner, and the plugin's on an agent when no launcher is at
 * hand. Its environment is given (the plugin passes the build's) or this process's own. Output goes through
 * temporary files, so a chatty process never blocks on a full pipe.
 */
public final class LocalProcessRunner implements ProcessRunner {

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Map<String, String> environment;

    public LocalProcessRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A runner with this process's own environment. */
    public static LocalProcessRunner ofThisProcess() {
        return new LocalProcessRunner(System.getenv());
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public ProcessResult run(ProcessSpec spec) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(spec.environment());
        List<String> command = new ArrayList<>(spec.command());
        command.set(0, CommandLookup.resolve(command.get(0), env, WINDOWS));
        Path out = Files.createTempFile("gitops-sync-process", ".out");
        Path err = Files.createTempFile("gitops-sync-process", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (spec.directory() != null) {
                builder.directory(new File(spec.directory()));
            }
            builder.environment().clear();
            builder.environment().putAll(env);
            if (spec.stdin() == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File(WINDOWS ? "NUL" : "/dev/null")));
            }
            Process process = builder.start();
            try {
                if (spec.stdin() != null) {
                    try (OutputStream in = process.getOutputStream()) {
                        in.write(spec.stdin());
                    } catch (IOException e) {
                        // the process exited without reading all of it: its exit status says what happened
                    }
                }
                if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    kill(process);
                    throw new ProcessTimeoutException(spec.program(), spec.timeout());
                }
            } catch (InterruptedException e) {
                kill(process); // an aborted build stops what it started
                throw e;
            }
            long size = Files.size(out);
            return new ProcessResult(process.exitValue(), head(out, spec.maxOutputBytes()),
                    new String(head(err, ProcessSpec.MAX_ERROR_BYTES), StandardCharsets.UTF_8),
                    size > spec.maxOutputBytes(), size);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Kills the process and what it started (found before it dies: orphans are no longer its descendants). */
    private static void kill(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // gone or stuck in the kernel: nothing more to do from here
            }
        }
    }

    private static byte[] head(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
        }
    }
}
