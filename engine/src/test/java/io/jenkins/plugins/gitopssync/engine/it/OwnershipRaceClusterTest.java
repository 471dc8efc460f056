package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.jenkins.plugins.gitopssync.engine.Progress;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetInventory;
import io.jenkins.plugins.gitopssync.engine.inventory.InventoryData;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two ApplySets that both contain the same objects, synced at the same moment: both read the cluster
 * before either writes (a barrier after the read holds them there), so neither sees the other's claim
 * when it decides. Whatever the interleaving of their writes, each object ends up in exactly one set:
 * its label names that set, only that set's inventory records it, and the other set reports it failed,
 * naming the owner. Covers objects that did not exist and objects that existed without any set.
 */
class OwnershipRaceClusterTest extends ClusterTestBase {

    private static final int SHARED = 30;

    @Test
    void twoApplySetsRacingForTheSameObjectsNeverBothOwnOne() throws Exception {
        StringBuilder shared = new StringBuilder();
        for (int i = 0; i < SHARED; i++) {
            shared.append("---\n").append(Manifests.configMap("shared-" + i, "k", "v"));
        }
        repo.write("a/shared.yaml", shared.toString()).write("b/shared.yaml", shared.toString())
                .write("a/own.yaml", Manifests.configMap("only-a", "k", "a"))
                .write("b/own.yaml", Manifests.configMap("only-b", "k", "b"));
        repo.commit("two sets sharing " + SHARED + " config maps");
        // a third of them exist already, in no ApplySet: both sets try to adopt those
        for (int i = 0; i < SHARED; i += 3) {
            client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("shared-" + i).endMetadata().addToData("k", "before").build()).create();
        }
        String setA = applySet + "-a";
        String setB = applySet + "-b";
        CyclicBarrier bothRead = new CyclicBarrier(2);

        CompletableFuture<SyncResult> a = CompletableFuture.supplyAsync(() -> syncHeldAfterRead(setA, "a", bothRead));
        CompletableFuture<SyncResult> b = CompletableFuture.supplyAsync(() -> syncHeldAfterRead(setB, "b", bothRead));
        SyncResult ra = a.get(120, TimeUnit.SECONDS);
        SyncResult rb = b.get(120, TimeUnit.SECONDS);

        String idA = ApplySetId.of(setA, ns);
        String idB = ApplySetId.of(setB, ns);
        Set<String> recordedA = recorded(setA);
        Set<String> recordedB = recorded(setB);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            String name = "shared-" + i;
            ConfigMap live = client.configMaps().inNamespace(ns).withName(name).get();
            String owner = live.getMetadata().getLabels().get(ApplySetId.PART_OF_LABEL);
            ObjectResult inA = object(ra, "ConfigMap", name);
            ObjectResult inB = object(rb, "ConfigMap", name);
            boolean aOwns = idA.equals(owner);
            ObjectResult winner = aOwns ? inA : inB;
            ObjectResult loser = aOwns ? inB : inA;
            Set<String> winnerRecords = aOwns ? recordedA : recordedB;
            Set<String> loserRecords = aOwns ? recordedB : recordedA;
            if (!aOwns && !idB.equals(owner)) {
                problems.add(name + ": labelled " + owner);
            }
            if (winner.action() == Action.FAILED || !winnerRecords.contains(name)) {
                problems.add(name + ": the owner's sync says " + winner.action() + ", recorded " + winnerRecords.contains(name));
            }
            if (loser.action() != Action.FAILED || loser.error() == null
                    || !loser.error().contains("belongs to another ApplySet") || !loser.error().contains(owner)
                    || loserRecords.contains(name)) {
                problems.add(name + ": the other sync says " + loser.action() + " (" + loser.error() + "), recorded "
                        + loserRecords.contains(name));
            }
        }
        assertThat(problems).as("objects both sets claim").isEmpty();
        assertThat(object(ra, "ConfigMap", "only-a").action()).isEqualTo(Action.CREATED);
        assertThat(object(rb, "ConfigMap", "only-b").action()).isEqualTo(Action.CREATED);

        // the losing side's next sync still refuses them, and the winner's is a no-op
        SyncResult again = sync(setA, "a");
        assertThat(again.objects().stream().filter(o -> o.action() == Action.FAILED).count())
                .isEqualTo(SHARED - recordedA.stream().filter(n -> n.startsWith("shared-")).count());
    }

    private SyncResult syncHeldAfterRead(String set, String path, CyclicBarrier bothRead) {
        try (ClusterAccess own = admin()) {
            GitOpsSync engine = new GitOpsSync(own, new RecordingLog());
            engine.setPhaseHook(phase -> {
                if (phase.equals(Progress.READ)) {
                    try {
                        bothRead.await(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            return engine.sync(SyncRequest.builder(source(path), set).applySetNamespace(ns).prune(true).waitForHealth(false).build());
        }
    }

    private SyncResult sync(String set, String path) {
        return engine.sync(SyncRequest.builder(source(path), set).applySetNamespace(ns).prune(true).waitForHealth(false).build());
    }

    /** Names of the objects an ApplySet's inventory records. */
    private Set<String> recorded(String set) {
        String b64 = client.secrets().inNamespace(ns).withName(set).get().getData().get(ApplySetInventory.DATA_KEY);
        return InventoryData.decode(Base64.getDecoder().decode(b64)).objects().stream()
                .map(r -> r.name()).collect(Collectors.toSet());
    }
}
