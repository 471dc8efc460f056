package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetInventory;
import io.jenkins.plugins.gitopssync.engine.inventory.DesiredSet;
import io.jenkins.plugins.gitopssync.engine.inventory.LiveState;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A sync reads its own members compact and keeps whole only those it will look into; the objects another
 * ApplySet holds in the same kinds are not read at all, except the ones this sync wants. Drift is still found,
 * and diffs, prunes and refusals still show what they showed when every member was kept whole.
 */
class CompactMembersClusterTest extends ClusterTestBase {

    @Test
    void onlyWhatASyncLooksIntoIsKeptWholeAndOtherSetsAreNotRead() throws Exception {
        repo.write("a.yaml", Manifests.configMap("a-same", "k", "git") + "---\n" + Manifests.configMap("a-drifted", "k", "git")
                + "---\n" + Manifests.configMap("a-leaves", "k", "git") + "---\n" + Manifests.secret("a-secret", "pw"));
        repo.commit("set A");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);
        String other = "other-" + ns;
        try (TestRepo b = TestRepo.create(tmp.resolve("b"))) {
            b.write("b.yaml", Manifests.configMap("b-wanted", "k", "b") + "---\n" + Manifests.configMap("b-only", "k", "b"));
            b.commit("set B");
            SyncResult synced = new GitOpsSync(access, SyncLog.SILENT).sync(SyncRequest.builder(
                    new io.jenkins.plugins.gitopssync.engine.source.ManifestSource(b.dir(), b.head(), "."), other)
                    .applySetNamespace(ns).prune(true).waitForHealth(false).build());
            assertThat(synced.status()).isEqualTo(SyncStatus.Synced);
        }
        client.configMaps().inNamespace(ns).withName("a-drifted").edit(cm -> {
            cm.getData().put("k", "by hand");
            return cm;
        });

        // Git of A now: a-same and a-drifted unchanged, a-secret unchanged, a-leaves gone, b-wanted added
        KubeApi api = new KubeApi(access);
        ApplySetInventory inventory = new ApplySetInventory(api, applySet, ns);
        Map<String, ObjectRecord> records = inventory.read().data().byKey();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String name : new String[] {"a-same", "a-drifted"}) {
            hashes.put(key("ConfigMap", name), records.get(key("ConfigMap", name)).desiredHash());
        }
        hashes.put(key("Secret", "a-secret"), records.get(key("Secret", "a-secret")).desiredHash());
        hashes.put(key("ConfigMap", "b-wanted"), "new in Git");
        DesiredSet desired = new DesiredSet(new TreeSet<>(java.util.List.of("ConfigMap", "Secret")), new TreeSet<>(java.util.List.of(ns)),
                hashes);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        LiveState live;
        try {
            live = LiveState.read(inventory, api, Discovery.load(access), desired, pool, SyncLog.SILENT);
        } finally {
            pool.shutdownNow();
        }

        assertThat(live.byKey().keySet()).containsExactlyInAnyOrder(key("ConfigMap", "a-same"),
                key("ConfigMap", "a-drifted"), key("ConfigMap", "a-leaves"), key("Secret", "a-secret"));
        assertThat(whole(live)).as("as recorded: only counted; moved or leaving Git: kept whole")
                .containsExactlyInAnyOrder(key("ConfigMap", "a-drifted"), key("ConfigMap", "a-leaves"));
        assertThat(live.members().otherOwners()).as("of B's objects only the one A wants is read")
                .containsOnlyKeys(key("ConfigMap", "b-wanted"))
                .containsValue(ApplySetId.of(other, ns));

        // and the dry run built on it shows what it showed before: the drift with its diff, the prune, the refusal
        repo.write("a.yaml", Manifests.configMap("a-same", "k", "git") + "---\n" + Manifests.configMap("a-drifted", "k", "git")
                + "---\n" + Manifests.secret("a-secret", "pw") + "---\n" + Manifests.configMap("b-wanted", "k", "a"));
        repo.commit("a-leaves removed, b-wanted added");
        SyncResult diff = sync(b -> b.dryRun(true));
        assertThat(object(diff, "ConfigMap", "a-drifted").drift()).isTrue();
        assertThat(object(diff, "ConfigMap", "a-drifted").diff()).contains("-  k: by hand").contains("+  k: git");
        assertThat(object(diff, "ConfigMap", "a-leaves").action()).isEqualTo(Action.PRUNED);
        assertThat(object(diff, "ConfigMap", "a-leaves").diff()).contains("-  k: git");
        assertThat(object(diff, "ConfigMap", "b-wanted").error()).contains(ApplySetId.of(other, ns));
        assertThat(object(diff, "ConfigMap", "a-same").action()).isEqualTo(Action.UNCHANGED);
        assertThat(engine.status(applySet, ns).drifted()).extracting(o -> o.name()).containsExactly("a-drifted");
    }

    private String key(String kind, String name) {
        return new ObjectRef("", "v1", kind, ns, name).key();
    }

    private static java.util.List<String> whole(LiveState live) {
        return live.byKey().values().stream().filter(m -> !m.compact()).map(ListedObject::ref).map(ObjectRef::key).toList();
    }
}
