package io.jenkins.plugins.gitopssync.engine.it;

import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Run in a child JVM by {@link OvertakenSyncClusterTest}: syncs, and at the phase named (see
 * GitOpsSync#setPhaseHook) prints "paused at PHASE" and waits for a line on stdin. The test stops the
 * whole process there (SIGSTOP: every thread, the lease renewer too), lets another sync overtake it,
 * and resumes it (SIGCONT). Prints "result STATUS | ERRORS" at the end.
 * Args: kubeconfig, repository root, revision, path, ApplySet name, namespace, phase, lease seconds.
 */
public final class PausableSyncMain {

    private PausableSyncMain() {
    }

    public static void main(String[] args) {
        ClusterAccess access = ClusterAccess.fromKubeconfigFile(Path.of(args[0]), null);
        GitOpsSync engine = new GitOpsSync(access, new SyncLog() {
            @Override
            public synchronized void info(String message) {
                System.out.println(message);
            }

            @Override
            public synchronized void warn(String message) {
                System.out.println("WARN " + message);
            }
        });
        String pauseAt = args[6];
        AtomicBoolean paused = new AtomicBoolean();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        engine.setPhaseHook(phase -> {
            if (phase.equals(pauseAt) && paused.compareAndSet(false, true)) {
                System.out.println("paused at " + phase);
                System.out.flush();
                try {
                    stdin.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        SyncResult r = engine.sync(SyncRequest.builder(new ManifestSource(Path.of(args[1]), args[2], args[3]), args[4])
                .applySetNamespace(args[5]).prune(true).waitForHealth(false).leaseDuration(Duration.ofSeconds(Long.parseLong(args[7])))
                .build());
        System.out.println("result " + r.status() + " | " + String.join(" || ", r.errors()));
        System.out.flush();
        System.exit(0);
    }
}
