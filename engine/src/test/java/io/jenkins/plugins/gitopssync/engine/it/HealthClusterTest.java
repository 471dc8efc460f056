package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.Progress;
import io.jenkins.plugins.gitopssync.engine.plan.SyncPhase;
import io.jenkins.plugins.gitopssync.engine.report.EnginePhase;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.time.Timing;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health: a Deployment rolls out on the KWOK nodes; one that cannot be scheduled times out clearly. */
class HealthClusterTest extends ClusterTestBase {

    @BeforeEach
    void pollOften() {
        // every 200 ms instead of every second: a short timeout still sees several rounds
        engine.setTiming(Timing.SYSTEM.withHealthPoll(Duration.ofMillis(200)));
    }

    @Test
    void deploymentRollsOutAndIsCurrent() throws Exception {
        repo.write("web.yaml", Manifests.deployment("web", 2, "nginx:1.27"))
                .write("svc.yaml", Manifests.service("web"));
        repo.commit("web");
        List<String> progress = new CopyOnWriteArrayList<>();
        engine.setPhaseHook(progress::add);
        SyncResult r = sync(b -> b.waitForHealth(true).timeout(Duration.ofSeconds(90)));
        assertThat(r.errors()).isEmpty();
        // the health wait comes after the inventory is recorded, and the sync is finished only once it is done
        assertThat(progress).filteredOn(p -> !p.startsWith("applying:")).containsExactly(Progress.LEASED, Progress.READ,
                Progress.WIDENED, Progress.wave(SyncPhase.SYNC, 0), Progress.APPLIED, Progress.PRUNED, Progress.RECORDED,
                Progress.FINISHED);
        assertThat(r.status()).isEqualTo(SyncStatus.Synced);
        assertThat(object(r, "Deployment", "web").health()).isEqualTo("Current");
        assertThat(object(r, "Service", "web").health()).isEqualTo("Current");
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get().getStatus().getAvailableReplicas())
                .isEqualTo(2);
        // the inventory (widened before, recorded after the apply) is timed as itself, not as apply or prune
        assertThat(r.phaseMillis()).containsKeys(EnginePhase.HEALTH.key(), EnginePhase.INVENTORY.key());
    }

    @Test
    void unschedulableDeploymentTimesOutNamingTheObject() throws Exception {
        repo.write("stuck.yaml", Manifests.deployment("stuck", 1, "nginx:1.27",
                "      nodeSelector:\n        disktype: does-not-exist\n"));
        repo.commit("stuck");
        long t0 = System.nanoTime();
        // a few polls are enough to see it stay unschedulable; a longer limit only costs time
        SyncResult r = sync(b -> b.waitForHealth(true).timeout(Duration.ofSeconds(1)));
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        assertThat(r.status()).isEqualTo(SyncStatus.Failed);
        assertThat(r.errors()).singleElement().asString()
                .contains("timed out after 1s")
                .contains("Deployment/" + ns + "/stuck: 0 of 1 replicas");
        assertThat(object(r, "Deployment", "stuck").health()).startsWith("InProgress: 0 of 1 replicas");
        assertThat(seconds).isLessThan(60);
        // the object was applied and recorded: the next sync is a no-op
        assertThat(sync().totals().changed()).isZero();
    }

    @Test
    void failedDeploymentFailsFastBeforeTheTimeout() throws Exception {
        repo.write("doomed.yaml", Manifests.deployment("doomed", 1, "nginx:1.27",
                "      nodeSelector:\n        disktype: does-not-exist\n")
                .replace("  replicas: 1\n", "  replicas: 1\n  progressDeadlineSeconds: 3\n"));
        repo.commit("doomed");
        long t0 = System.nanoTime();
        SyncResult r = sync(b -> b.waitForHealth(true).timeout(Duration.ofSeconds(120)));
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        assertThat(r.status()).isEqualTo(SyncStatus.Failed);
        assertThat(r.errors()).singleElement().asString().startsWith("unhealthy: Deployment/" + ns + "/doomed: ")
                .contains("progress deadline exceeded");
        assertThat(object(r, "Deployment", "doomed").health()).startsWith("Failed: progress deadline exceeded");
        assertThat(seconds).isLessThan(90);
    }

    @Test
    void anApiServiceWithoutItsBackendIsNotHealthy() throws Exception {
        String name = "v1alpha1." + ns + ".gitops-sync.io";
        cleanup.add(() -> client.genericKubernetesResources("apiregistration.k8s.io/v1", "APIService")
                .withName(name).delete());
        repo.write("apiservice.yaml", """
                apiVersion: apiregistration.k8s.io/v1
                kind: APIService
                metadata:
                  name: %s
                spec:
                  group: %s.gitops-sync.io
                  version: v1alpha1
                  groupPriorityMinimum: 1000
                  versionPriority: 15
                  insecureSkipTLSVerify: true
                  service:
                    namespace: %s
                    name: no-such-backend
                """.formatted(name, ns, ns));
        repo.commit("an aggregated API whose backend does not exist");

        SyncResult r = sync(b -> b.waitForHealth(true).timeout(Duration.ofSeconds(2)));

        assertThat(r.status()).isEqualTo(SyncStatus.Failed);
        assertThat(r.errors()).singleElement().asString().contains("timed out after 2s")
                .contains("APIService/" + name + ": not Available: ");
        assertThat(object(r, "APIService", name).health()).startsWith("InProgress: not Available: ");
    }
}
