package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import org.junit.jupiter.api.Test;

/**
 * A sync stopped between apply and prune (the phase hook throws, as a killed process stops), whose new
 * set drops a whole kind: the parent still lists the old kind (superset), so the re-run finds and prunes
 * the orphan, then narrows the parent.
 */
class InterruptedSyncIT extends ClusterTestBase {

    @Test
    void interruptedBetweenApplyAndPruneConvergesOnRerun() throws Exception {
        repo.write("cm.yaml", Manifests.configMap("settings", "a", "1"))
                .write("sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: old-sa\n");
        repo.commit("config map and service account");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);

        // new revision: the ServiceAccount kind leaves the set entirely, a Secret arrives
        repo.delete("sa.yaml").write("secret.yaml", Manifests.secret("creds", "hunter2-but-longer"))
                .write("cm.yaml", Manifests.configMap("settings", "a", "2"));
        repo.commit("drop the service account");
        engine.setPhaseHook(phase -> {
            if (phase.equals("applied")) {
                throw new IllegalStateException("simulated kill after apply");
            }
        });
        SyncResult interrupted = sync();
        assertThat(interrupted.status()).isEqualTo(SyncStatus.Failed);
        assertThat(interrupted.errors()).singleElement().asString().contains("simulated kill after apply");
        assertThat(client.secrets().inNamespace(ns).withName("creds").get()).isNotNull(); // applied
        assertThat(client.serviceAccounts().inNamespace(ns).withName("old-sa").get()).isNotNull(); // not pruned
        assertThat(groupKinds()).contains("ServiceAccount", "Secret", "ConfigMap"); // the superset

        engine.setPhaseHook(null);
        SyncResult rerun = sync();
        assertThat(rerun.errors()).isEmpty();
        assertThat(rerun.status()).isEqualTo(SyncStatus.Synced);
        assertThat(object(rerun, "ServiceAccount", "old-sa").action()).isEqualTo(Action.PRUNED);
        assertThat(client.serviceAccounts().inNamespace(ns).withName("old-sa").get()).isNull();
        assertThat(groupKinds()).isEqualTo("ConfigMap,Secret");
        // no orphan: nothing in the namespace carries the part-of label but the desired objects
        assertThat(client.serviceAccounts().inNamespace(ns).withLabel(ApplySetId.PART_OF_LABEL).list().getItems()).isEmpty();
        assertThat(sync().totals().changed()).isZero();
    }

    private String groupKinds() {
        return client.secrets().inNamespace(ns).withName(applySet).get().getMetadata().getAnnotations()
                .get(ApplySetId.GROUP_KINDS_ANNOTATION);
    }
}
