package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.Progress;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.time.Timing;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The API server stops answering while a sync waits for health (a relay in front of it freezes): the
 * wait still ends when its timeout says, with a message that says why, instead of after the client's
 * own two-minute request timeout.
 */
class FrozenApiServerClusterTest extends ClusterTestBase {

    @Test
    void theHealthWaitEndsOnTimeWhenTheApiServerHangs() throws Exception {
        repo.write("stuck.yaml", Manifests.deployment("stuck", 1, "nginx:1.27",
                "      nodeSelector:\n        disktype: does-not-exist\n"));
        repo.commit("a deployment that never becomes available");
        String kubeconfig = Files.readString(TestCluster.kubeconfig());
        URI server = URI.create(access.serverUrl());
        try (FreezableProxy proxy = new FreezableProxy(server.getHost(), server.getPort());
             ClusterAccess relayed = ClusterAccess.fromKubeconfigContent(kubeconfig.replace(
                     "https://" + server.getHost() + ":" + server.getPort(),
                     "https://" + server.getHost() + ":" + proxy.port()), null)) {
            GitOpsSync viaRelay = new GitOpsSync(relayed, new RecordingLog());
            // giving the lease back goes through the frozen relay too: bounded by 1 s here (10 s in production)
            viaRelay.setTiming(Timing.SYSTEM.withLeaseRelease(Duration.ofSeconds(1)));
            viaRelay.setPhaseHook(phase -> {
                if (phase.equals(Progress.RECORDED)) {
                    proxy.freeze(); // applied and recorded; the health wait comes next
                }
            });
            long t0 = System.nanoTime();
            SyncResult r = viaRelay.sync(request(".").waitForHealth(true).timeout(Duration.ofSeconds(2)).build());
            long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();

            assertThat(r.status()).isEqualTo(SyncStatus.Failed);
            assertThat(r.errors()).singleElement().asString()
                    .startsWith("health check timed out after 2s: the cluster at https://")
                    .contains("did not answer within the time left");
            // 2 s of waiting and 1 s at most to give the lease back; the old wait took over two minutes
            assertThat(seconds).isLessThan(15);
        }
    }
}
