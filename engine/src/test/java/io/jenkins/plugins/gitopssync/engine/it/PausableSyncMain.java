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
 * Run in a child JVM by {@link OvertakenSyncClusterTest}, which sends it one sync per line on stdin
 * (tab-separated: repository root, revision, path, ApplySet name, namespace, phase, lease seconds), one
 * after the other, so that only the first pays for a cold JVM. Each sync, at the phase named (see
 * GitOpsSync#setPhaseHook), prints "paused at PHASE" and waits for a line on stdin. The test stops the
 * whole process there (SIGSTOP: every thread, the lease renewer too), lets another sync overtake it, and
 * resumes it (SIGCONT). Prints "result STATUS | ERRORS" at the end of each sync.
 * Args: kubeconfig.
 */
public final class PausableSyncMain {

    private PausableSyncMain() {
    }

    public static void main(String[] args) throws IOException {
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
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        System.out.flush();
        String command;
        while ((command = stdin.readLine()) != null) {
            String[] a = command.split("\t");
            String pauseAt = a[5];
            AtomicBoolean paused = new AtomicBoolean();
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
            SyncResult r = engine.sync(SyncRequest.builder(new ManifestSource(Path.of(a[0]), a[1], a[2]), a[3])
                    .applySetNamespace(a[4]).prune(true).waitForHealth(false)
                    .leaseDuration(Duration.ofSeconds(Long.parseLong(a[6]))).build());
            System.out.println("result " + r.status() + " | " + String.join(" || ", r.errors()));
            System.out.flush();
        }
        System.exit(0);
    }
}
