package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopssync.engine.process.ProcessResult;
import io.jenkins.plugins.gitopssync.engine.process.ProcessRunner;
import io.jenkins.plugins.gitopssync.engine.process.ProcessSpec;
import io.jenkins.plugins.gitopssync.engine.process.ProcessTimeoutException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the engine's programs ({@code kubectl kustomize}, {@code helm}, exec credential plugins) through the
 * build's {@link Launcher}, with the build's environment: what any other step in the same place would get, so
 * {@code withCredentials}, {@code withEnv}, a {@code tool} on the PATH and {@code container()} (whose launcher
 * decorator runs commands in a pod's container) all apply. Lives on the controller, where the launcher is; the
 * engine on the agent calls it through the remoting channel ({@link SyncRunner} exports it).
 */
final class LauncherProcessRunner implements ProcessRunner {

    private final Launcher launcher;
    private final EnvVars environment;
    private final FilePath workspace;
    private final TaskListener listener;

    LauncherProcessRunner(Launcher launcher, EnvVars environment, FilePath workspace, TaskListener listener) {
        this.launcher = launcher;
        this.environment = new EnvVars(environment);
        this.workspace = workspace;
        this.listener = listener;
    }

    @Override
    public Map<String, String> environment() {
        return new EnvVars(environment);
    }

    @Override
    public ProcessResult run(ProcessSpec spec) throws IOException, InterruptedException {
        EnvVars env = new EnvVars(environment);
        env.putAll(spec.environment());
        List<String> command = new ArrayList<>(spec.command());
        command.set(0, workspace.act(new ProgramLookup(command.get(0), env.get("PATH"))));
        BoundedOutput out = new BoundedOutput(spec.maxOutputBytes());
        BoundedOutput err = new BoundedOutput(ProcessSpec.MAX_ERROR_BYTES);
        Launcher.ProcStarter starter = launcher.launch().cmds(command).envs(env).quiet(true).stdout(out).stderr(err)
                .pwd(spec.directory() == null ? workspace : new FilePath(workspace.getChannel(), spec.directory()));
        if (spec.stdin() != null) {
            starter.stdin(new ByteArrayInputStream(spec.stdin()));
        }
        Proc proc = starter.start();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(() -> {
                timedOut.set(true);
                kill(proc);
            }, spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            int code = proc.join();
            if (timedOut.get()) {
                throw new ProcessTimeoutException(spec.program(), spec.timeout());
            }
            return new ProcessResult(code, out.bytes(), new String(err.bytes(), StandardCharsets.UTF_8), out.truncated(),
                    out.total());
        } catch (InterruptedException e) {
            kill(proc); // an aborted build stops what it started
            throw e;
        } finally {
            timer.shutdownNow();
        }
    }

    private void kill(Proc proc) {
        try {
            proc.kill();
        } catch (IOException | InterruptedException e) {
            listener.getLogger().println(SyncRunner.PREFIX + Messages.LauncherProcessRunner_NotStopped(e.getMessage()));
        }
    }

    /** Keeps the first {@code max} bytes, counts them all. */
    private static final class BoundedOutput extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final long max;
        private long total;

        BoundedOutput(long max) {
            this.max = max;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            long room = Math.max(0, max - kept.size());
            kept.write(b, off, (int) Math.min(room, len));
            total += len;
        }

        synchronized byte[] bytes() {
            return kept.toByteArray();
        }

        synchronized boolean truncated() {
            return total > max;
        }

        synchronized long total() {
            return total;
        }
    }
}
