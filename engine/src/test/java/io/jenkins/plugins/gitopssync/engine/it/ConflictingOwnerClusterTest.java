package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import org.junit.jupiter.api.Test;

/** An object one ApplySet owns is never taken over by another: that sync fails naming both. */
class ConflictingOwnerClusterTest extends ClusterTestBase {

    @Test
    void anObjectOfAnotherApplySetIsRefusedNotAdopted() throws Exception {
        repo.write("shared.yaml", Manifests.configMap("shared", "owner", "first"));
        repo.write("own.yaml", Manifests.configMap("own", "k", "v"));
        repo.commit("two config maps");
        SyncResult first = engine.sync(SyncRequest.builder(source("."), applySet).applySetNamespace(ns)
                .prune(true).waitForHealth(false).build());
        assertThat(first.status()).as("%s", first.errors()).isEqualTo(SyncStatus.Synced);
        String firstOwner = client.configMaps().inNamespace(ns).withName("shared").get()
                .getMetadata().getLabels().get(ApplySetId.PART_OF_LABEL);

        String other = applySet + "-other";
        for (boolean dryRun : new boolean[] {true, false}) {
            SyncResult second = engine.sync(SyncRequest.builder(source("shared.yaml"), other).applySetNamespace(ns)
                    .prune(true).dryRun(dryRun).waitForHealth(false).build());
            ObjectResult shared = object(second, "ConfigMap", "shared");
            assertThat(second.status()).isEqualTo(SyncStatus.Failed);
            assertThat(shared.action()).isEqualTo(Action.FAILED);
            assertThat(shared.error()).contains("ConfigMap/" + ns + "/shared", "shared.yaml:1",
                    "belongs to another ApplySet", firstOwner);
        }
        // still the first set's, and still in its inventory: its next sync is a no-op
        assertThat(client.configMaps().inNamespace(ns).withName("shared").get().getMetadata().getLabels())
                .containsEntry(ApplySetId.PART_OF_LABEL, firstOwner);
        SyncResult again = engine.sync(SyncRequest.builder(source("."), applySet).applySetNamespace(ns)
                .prune(true).waitForHealth(false).build());
        assertThat(again.totals().unchanged()).isEqualTo(2);
    }
}
