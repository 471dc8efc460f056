package io.jenkins.plugins.gitopssync.engine.it;

import io.jenkins.plugins.gitopssync.engine.Progress;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link InterruptedSyncClusterTest}: syncs, and halts the JVM right after the apply phase,
 * before prune, like a kill -9 (no finally block runs, the lease is not released).
 * Args: kubeconfig, repository root, revision, path, ApplySet name, namespace.
 */
public final class KilledSyncMain {

    private KilledSyncMain() {
    }

    public static void main(String[] args) {
        ClusterAccess access = ClusterAccess.fromKubeconfigFile(Path.of(args[0]), null);
        GitOpsSync engine = new GitOpsSync(access, new SyncLog() {
            @Override
            public void info(String message) {
                System.out.println(message);
            }

            @Override
            public void warn(String message) {
                System.out.println("WARN " + message);
            }
        });
        engine.setPhaseHook(phase -> {
            if (phase.equals(Progress.APPLIED)) {
                System.out.println("halting after apply");
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        });
        engine.sync(SyncRequest.builder(new ManifestSource(Path.of(args[1]), args[2], args[3]), args[4])
                .applySetNamespace(args[5]).prune(true).waitForHealth(false).build());
        System.exit(3); // not reached when the hook halts
    }
}
