package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Eventually;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Members whose deletion began outside the sync (someone deleted them, or their namespace) but that are
 * still listed because a finalizer holds them: applying to them would be lost with them, and counting them
 * unchanged would leave the set short. A sync waits until they are gone and creates them again; the dry run
 * and the status call them to be created; a finalizer that never goes fails the object by name.
 */
class DeletionInProgressClusterTest extends ClusterTestBase {

    private static final String HOLD = "gitops-sync.test/hold";

    @Test
    void aMemberBeingDeletedIsWaitedForAndCreatedAgain() throws Exception {
        repo.write("cm.yaml", Manifests.configMap("held", "a", "1")).commit("first");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);
        String uid = configMap("held").getMetadata().getUid();
        holdAndDelete();
        assertThat(configMap("held").getMetadata().getDeletionTimestamp()).isNotNull();

        assertThat(engine.status(applySet, ns).drifted()).extracting(ObjectResult::displayName, ObjectResult::action)
                .containsExactly(tuple("ConfigMap/" + ns + "/held", Action.CREATED));
        SyncResult preview = sync(b -> b.dryRun(true));
        assertThat(object(preview, "ConfigMap", "held").action()).isEqualTo(Action.CREATED);
        assertThat(object(preview, "ConfigMap", "held").drift()).isTrue();

        CompletableFuture<SyncResult> running = CompletableFuture.supplyAsync(this::sync);
        awaitInfo("waiting for ConfigMap/" + ns + "/held to be gone");
        assertThat(running).isNotDone(); // it waits for the finalizer
        release(client.configMaps().inNamespace(ns).withName("held"));

        SyncResult result = running.get(60, TimeUnit.SECONDS);
        assertThat(result.errors()).isEmpty();
        assertThat(result.status()).isEqualTo(SyncStatus.Synced);
        ObjectResult held = object(result, "ConfigMap", "held");
        assertThat(held.action()).isEqualTo(Action.CREATED);
        assertThat(held.drift()).isTrue();
        ConfigMap live = configMap("held");
        assertThat(live.getMetadata().getDeletionTimestamp()).isNull();
        assertThat(live.getMetadata().getUid()).isNotEqualTo(uid);
        assertThat(engine.status(applySet, ns).drifted()).isEmpty();
    }

    @Test
    void aNamespaceBeingDeletedIsCreatedAgainWithItsContents() throws Exception {
        String gone = ns + "-gone";
        cleanup.add(() -> client.namespaces().withName(gone).delete());
        repo.write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + gone + "\n")
                .write("cm.yaml", Manifests.configMapIn(gone, "inside", "hello")).commit("first");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);
        var namespace = client.namespaces().withName(gone);
        namespace.edit(n -> {
            n.getMetadata().setFinalizers(List.of(HOLD));
            return n;
        });
        namespace.delete();
        cleanup.add(() -> release(namespace));
        // the namespace controller empties it; the finalizer keeps the Namespace itself listed
        Eventually.until("ConfigMap " + gone + "/inside to be gone", Duration.ofSeconds(60),
                () -> client.configMaps().inNamespace(gone).withName("inside").get() == null);
        Namespace terminating = namespace.get();
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();

        CompletableFuture<SyncResult> running = CompletableFuture.supplyAsync(this::sync);
        awaitInfo("waiting for Namespace/" + gone + " to be gone");
        release(namespace);

        SyncResult result = running.get(60, TimeUnit.SECONDS);
        assertThat(result.errors()).isEmpty();
        assertThat(result.status()).isEqualTo(SyncStatus.Synced);
        assertThat(object(result, "Namespace", gone).action()).isEqualTo(Action.CREATED);
        assertThat(object(result, "ConfigMap", "inside").action()).isEqualTo(Action.CREATED);
        assertThat(namespace.get().getMetadata().getDeletionTimestamp()).isNull();
        assertThat(client.configMaps().inNamespace(gone).withName("inside").get().getData())
                .containsEntry("greeting", "hello");
    }

    @Test
    void aFinalizerThatStaysFailsTheObjectByNameAfterTheTimeout() throws Exception {
        repo.write("cm.yaml", Manifests.configMap("held", "a", "1"))
                .write("other.yaml", Manifests.configMap("other", "b", "1")).commit("first");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);
        holdAndDelete();

        SyncResult result = sync(b -> b.timeout(Duration.ofSeconds(2)));
        assertThat(result.status()).isEqualTo(SyncStatus.Failed);
        ObjectResult held = object(result, "ConfigMap", "held");
        assertThat(held.action()).isEqualTo(Action.FAILED);
        assertThat(held.error()).contains("ConfigMap/" + ns + "/held from cm.yaml:1")
                .contains("still being deleted after 2s").contains(HOLD);
        assertThat(object(result, "ConfigMap", "other").action()).isEqualTo(Action.UNCHANGED);
        assertThat(configMap("held").getMetadata().getDeletionTimestamp()).isNotNull(); // nothing else was done to it
    }

    /** A finalizer of nobody's, then a delete: the ConfigMap stays listed, being deleted, until released. */
    private void holdAndDelete() {
        var held = client.configMaps().inNamespace(ns).withName("held");
        held.edit(c -> {
            c.getMetadata().setFinalizers(List.of(HOLD));
            return c;
        });
        cleanup.add(() -> release(held));
        held.delete();
    }

    /** Removes the finalizers; retried on a conflict (the namespace controller writes the object too). */
    private static <T extends HasMetadata> void release(Resource<T> r) {
        for (int attempt = 1; r.get() != null; attempt++) {
            try {
                r.edit(o -> {
                    o.getMetadata().setFinalizers(List.of());
                    return o;
                });
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private ConfigMap configMap(String name) {
        return client.configMaps().inNamespace(ns).withName(name).get();
    }

    private void awaitInfo(String fragment) throws InterruptedException {
        Eventually.until("the log line '" + fragment + "'", Duration.ofSeconds(60), () -> log.sawInfo(fragment));
    }
}
