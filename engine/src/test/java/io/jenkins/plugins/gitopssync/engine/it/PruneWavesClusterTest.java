package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.jenkins.plugins.gitopssync.engine.plan.PhaseAnnotations;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Eventually;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prune runs in reverse wave order, and a lower wave is pruned only once the higher wave's objects are gone:
 * a finalizer the test holds on the higher waves' objects shows the lower ones untouched until it lets go.
 */
class PruneWavesClusterTest extends ClusterTestBase {

    private static final String HOLD = "test.gitops-sync.io/hold";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How long a wave must stay undeleted while the one above it is held: time enough for a prune that would not wait. */
    private static final Duration HELD = Duration.ofSeconds(2);

    @Test
    void pruneRunsInReverseWaveOrder() throws Exception {
        for (int wave = 0; wave <= 2; wave++) {
            repo.write("wave-" + wave + ".yaml", HookManifests.annotated(Manifests.configMap("wave-" + wave, "a", "1"),
                    PhaseAnnotations.ARGO_WAVE, String.valueOf(wave)));
        }
        repo.write("stays.yaml", Manifests.configMap("stays", "a", "1"));
        repo.commit("three waves");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);
        hold("wave-2");
        hold("wave-1");
        cleanup.add(() -> {
            release("wave-2");
            release("wave-1");
        });

        repo.delete("wave-0.yaml").delete("wave-1.yaml").delete("wave-2.yaml");
        repo.commit("the three waves leave Git");
        CompletableFuture<SyncResult> pruning = CompletableFuture.supplyAsync(() -> sync(b -> b.timeout(
                java.time.Duration.ofSeconds(60))));

        Eventually.until("wave 2's deletion", TIMEOUT, () -> deleting("wave-2"));
        Eventually.holdsFor("waves 1 and 0 wait while wave 2 is held", HELD, () -> !deleting("wave-1") && !deleting("wave-0"));
        release("wave-2");
        Eventually.until("wave 1's deletion", TIMEOUT, () -> deleting("wave-1"));
        Eventually.holdsFor("wave 0 waits while wave 1 is held", HELD, () -> !deleting("wave-0"));
        release("wave-1");
        SyncResult r = pruning.get(60, TimeUnit.SECONDS);

        assertThat(r.errors()).isEmpty();
        assertThat(r.objects()).filteredOn(o -> o.action() == Action.PRUNED).extracting(o -> o.name())
                .containsExactly("wave-2", "wave-1", "wave-0");
        assertThat(client.configMaps().inNamespace(ns).withName("wave-0").get()).isNull();
        assertThat(client.configMaps().inNamespace(ns).withName("stays").get()).isNotNull();
    }

    private void hold(String name) {
        client.configMaps().inNamespace(ns).withName(name).edit(cm -> {
            cm.getMetadata().setFinalizers(new ArrayList<>(java.util.List.of(HOLD)));
            return cm;
        });
    }

    private void release(String name) {
        ConfigMap cm = client.configMaps().inNamespace(ns).withName(name).get();
        if (cm != null && cm.getMetadata().getFinalizers().contains(HOLD)) {
            client.configMaps().inNamespace(ns).withName(name).edit(c -> {
                c.getMetadata().getFinalizers().remove(HOLD);
                return c;
            });
        }
    }

    /** Its deletion began (or it is already gone). */
    private boolean deleting(String name) {
        ConfigMap cm = client.configMaps().inNamespace(ns).withName(name).get();
        return cm == null || cm.getMetadata().getDeletionTimestamp() != null;
    }
}
